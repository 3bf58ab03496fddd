import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { consentNotAllowedCard } from './cards';
import { withdrawConsent } from './register';

/** `consent.withdraw` from a row of the register: answers with the updated register. */
export const consentWithdraw = defineAction({
  verb: 'consent.withdraw',
  schema: z.object({
    caseRef: z
      .string()
      .trim()
      .regex(/^SAM-[0-9A-Z]{8}$/i, 'caseRef'),
  }),
  async handle({ services, turn, data }) {
    const result = await withdrawConsent(services, turn, data.caseRef);
    return 'notAllowed' in result ? consentNotAllowedCard(turn.locale, result.notAllowed) : result.card;
  },
});
