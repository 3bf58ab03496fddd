import { z } from 'zod';
import { digestView } from '../digest/digest';
import { meetingsView } from '../meetings/meetings';
import { completeReview, reviewView } from './reviews';
import { defineAction } from '../shared/action';

/**
 * `review.complete`: from the reminder card (`date`, `decisionRef`) or from a
 * row of the review list, whose inputs carry the document's id
 * (`date_<id>`, `decisionRef_<id>`) because ids are unique per card.
 */
export const reviewComplete = defineAction({
  verb: 'review.complete',
  schema: z.object({ documentId: z.string().trim().min(1).max(64) }).catchall(z.string().max(200)),
  async handle({ services, info, data, context }) {
    const id = data.documentId;
    const fromReminder = typeof data.date === 'string';
    const date = String((fromReminder ? data.date : data[`date_${id}`]) ?? '').trim();
    const decisionRef = String((fromReminder ? data.decisionRef : data[`decisionRef_${id}`]) ?? '');
    return completeReview(services, info, { documentId: id, date, decisionRef, fromReminder }, context);
  },
});

/** The digest's buttons: the documents, or the meetings, in full. */
export const digestOpen = defineAction({
  verb: 'digest.open',
  schema: z.object({ view: z.enum(['reviews', 'meetings', 'digest']) }),
  async handle({ services, info, data }) {
    if (data.view === 'reviews') return reviewView(services, info);
    if (data.view === 'meetings') return meetingsView(services, info);
    return digestView(services, info);
  },
});
