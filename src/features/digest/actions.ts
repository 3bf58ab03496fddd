import { z } from 'zod';
import { meetingsView } from '../meetings/meetings';
import { reviewView } from '../reviews/reviews';
import { defineAction } from '../shared/feature';
import { digestView } from './digest';

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
