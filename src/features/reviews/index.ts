import type { Feature } from '../shared/feature';
import { reviewComplete } from './actions';
import { review } from './command';
import { registerReviewJobs, scheduleReviewReminders } from './jobs';

/** Reviews: the governing documents' yearly reviews (`översyn`), their reminders and completion. */
export const reviewsFeature: Feature = {
  name: 'reviews',
  register(routes, services) {
    routes.command('review', review);
    routes.action(reviewComplete);
    registerReviewJobs(routes, services);
  },
  // Every process plans each document's reminders at start; the job ids name the document, date and step, so this is idempotent.
  start: (services) => scheduleReviewReminders(services).then(() => undefined),
};
