import type { Feature } from '../shared/feature';
import { planUpdate } from './actions';
import { plan } from './command';

/** Action plans (§11): `plan` shows the plans one answers for; `plan.update` adds, changes and closes activities. */
export const plansFeature: Feature = {
  name: 'plans',
  register(routes) {
    routes.command('plan', plan);
    routes.action(planUpdate);
  },
};
