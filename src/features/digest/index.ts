import type { Feature } from '../shared/feature';
import { digestOpen } from './actions';
import { BACKFILL_KIND, backfillJob } from './backfill';
import { digest } from './command';
import { DIGEST_KIND, scheduleNextDigest, weeklyDigestJob, type WeeklyPayload } from './weekly';

/** The managers' digest: on demand (`sammanfattning`) and every week, delivered once to each manager. */
export const digestFeature: Feature = {
  name: 'digest',
  register(routes, services) {
    routes.command('digest', digest);
    routes.action(digestOpen);
    routes.job<WeeklyPayload>(DIGEST_KIND, (ctx) => weeklyDigestJob(services, ctx));
    routes.job(BACKFILL_KIND, (ctx) => backfillJob(services, ctx));
  },
  // The week's run is planned by date, so every process planning it at start plans it once.
  start: (services) => scheduleNextDigest(services),
};
