import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { completeReview } from './reviews';

/**
 * `review.complete`: from the reminder card (`date`, `decisionRef`) or from a
 * row of the review list, whose inputs carry the document's id
 * (`date_<id>`, `decisionRef_<id>`) because ids are unique per card.
 */
export const reviewComplete = defineAction({
  verb: 'review.complete',
  schema: z.object({ documentId: z.string().trim().min(1).max(64) }).catchall(z.string().max(200)),
  async handle({ services, turn, data }) {
    const id = data.documentId;
    const fromReminder = typeof data.date === 'string';
    const date = String((fromReminder ? data.date : data[`date_${id}`]) ?? '').trim();
    const decisionRef = String((fromReminder ? data.decisionRef : data[`decisionRef_${id}`]) ?? '');
    return completeReview(services, turn, { documentId: id, date, decisionRef, fromReminder });
  },
});
