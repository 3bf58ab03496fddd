import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { recordConsent } from './record';

/** `consent.record`: the consent form's submit (record.ts). */
export const consentRecord = defineAction({
  verb: 'consent.record',
  // The shape and the meaning are checked together (consentRecordRules), so that every
  // problem, a too-long field included, is explained on the form.
  schema: z.record(z.string(), z.unknown()),
  // The subject is what the form is for: checked, hashed and never echoed by the rules.
  identifying: ['subjectPersonnummer', 'subjectName'],
  handle: ({ services, turn, data }) => recordConsent(services, turn, data),
});
