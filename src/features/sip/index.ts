import type { Feature } from '../shared/feature';
import { SIP_ACTIONS } from './actions';
import { sip } from './command';
import { registerSipJobs } from './jobs';

/** SIP as a process per child (`sip`, `sip ny SAM-…`): calling, booking, the plan, its follow-up reminder, closing. */
export const sipFeature: Feature = {
  name: 'sip',
  register(routes, services) {
    routes.command('sip', sip, { usageKey: 'sip.usage' });
    for (const action of SIP_ACTIONS) routes.action(action);
    registerSipJobs(routes, services);
  },
};
