import { z } from 'zod';
import { meetingsView } from '../meetings/views';
import { reviewView } from '../reviews/reviews';
import { defineAction } from '../shared/feature';
import { digestView } from './view';

/** The digest's buttons: the documents, or the meetings, in full. */
export const digestOpen = defineAction({
  verb: 'digest.open',
  schema: z.object({ view: z.enum(['reviews', 'meetings', 'digest']) }),
  async handle({ services, turn, data }) {
    if (data.view === 'reviews') return reviewView(services, turn);
    if (data.view === 'meetings') return meetingsView(services, turn);
    return digestView(services, turn);
  },
});
