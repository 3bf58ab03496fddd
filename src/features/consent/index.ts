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
  async start(services) {
    const summary = await services.consents.backfillRegisterOnce(services.organisation.tenantId ?? '');
    if (summary) services.logger.info({ event: 'consentRegisterBackfilled', ...summary }, 'consent register backfilled');
  },
};
