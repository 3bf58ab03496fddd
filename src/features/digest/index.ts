import type { Feature } from '../shared/feature';
import { digestOpen } from './actions';
import { digest } from './command';
import { registerDigestJobs, scheduleNextDigest } from './weekly';

/** The managers' digest: on demand (`sammanfattning`) and every week, delivered once to each manager. */
export const digestFeature: Feature = {
  name: 'digest',
  register(routes, services) {
    routes.command('digest', digest);
    routes.action(digestOpen);
    registerDigestJobs(routes, services);
  },
  start: async (services) => {
    await scheduleNextDigest(services);
  },
};
