import { z } from 'zod';
import { notAllowedCard } from '../../cards/common';
import { withdrawConsent } from './consent';
import { reasonKey } from './command';
import { defineAction } from '../shared/feature';

/** `consent.withdraw` from a row of the register: answers with the updated register. */
export const consentWithdraw = defineAction({
  verb: 'consent.withdraw',
  schema: z.object({
    caseRef: z
      .string()
      .trim()
      .regex(/^SAM-[0-9A-Z]{8}$/i, 'caseRef'),
  }),
  async handle({ services, info, data }) {
    const result = await withdrawConsent(services, info, data.caseRef);
    return 'notAllowed' in result
      ? notAllowedCard(info.locale, reasonKey(result.notAllowed.reason), result.notAllowed.whoMay)
      : result.card;
  },
});
