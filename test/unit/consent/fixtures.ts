import type { Consent } from '../../../src/domain/consent';
import { checked } from '../../support/checked';

/** A consent in force for the operative group in spring 2026; override what a case needs. */
export function aConsent(over: Partial<Consent> = {}): Consent {
  return {
    caseRef: 'SAM-7K2M9QXA',
    tenantId: 't1',
    subject: { personnummer: 'hash-pnr' },
    parties: ['guardian1', 'guardian2'],
    form: 'written',
    documentRef: checked('D-1'),
    scope: { groupIds: ['operativ'], agencies: [], informationCategories: checked('skolgång'), exclusions: checked('') },
    purpose: checked('SIP'),
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
    recordedBy: 'aad-megan',
    recordedAt: '2026-01-01T08:00:00.000Z',
    ...over,
  };
}
