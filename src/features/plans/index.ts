import type { Feature } from '../shared/feature';
import { planUpdate } from './actions';
import { plan } from './command';
import { PLAN_ACTIVITY_KIND, type PlanActivityPayload, schedulePlanReminders, sendPlanReminder } from './reminders';

/**
 * Action plans (§11): `plan` shows the plans one answers for; `plan.update` adds, changes and closes activities;
 * an open activity's owner (a person, or a group's conveners) is reminded on its due date.
 */
export const plansFeature: Feature = {
  name: 'plans',
  register(routes, services) {
    routes.command('plan', plan);
    routes.action(planUpdate);
    routes.job<PlanActivityPayload>(PLAN_ACTIVITY_KIND, (ctx) => sendPlanReminder(services, ctx));
  },
  start: (services) => schedulePlanReminders(services).then(() => undefined),
};
