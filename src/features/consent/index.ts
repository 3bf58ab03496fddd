import type { Feature } from '../shared/feature';
import { consent } from './command';
import { consentRecord } from './record-action';
import { consentListPage } from './register';
import { consentWithdraw } from './withdraw-action';

/** Consent: the register (`samtycke`), and the gate every message and stored text passes (gate.ts, value-gate.ts). */
export const consentFeature: Feature = {
  name: 'consent',
  register(routes) {
    routes.command('consent', consent, { usageKey: 'usage.consent' });
    routes.action(consentRecord);
    routes.action(consentWithdraw);
    routes.action(consentListPage);
  },
  // The register by group (storage/consent-register.ts) for consents recorded before it was kept: once, a marker says so.
  // The gate's subject index (storage/consent-subjects.ts) likewise, before the register's.
  async start(services) {
    const tenantId = services.organisation.tenantId ?? '';
    const subjects = await services.consents.backfillSubjectsOnce(tenantId);
    if (subjects) services.logger.info({ event: 'consentSubjectsBackfilled', ...subjects }, 'consent subject index backfilled');
    const summary = await services.consents.backfillRegisterOnce(tenantId);
    if (summary) services.logger.info({ event: 'consentRegisterBackfilled', ...summary }, 'consent register backfilled');
  },
};
