import { z } from 'zod';
import { withBackButton } from '../help/back';
import { meetingsView } from '../meetings/views';
import { reviewView } from '../reviews/reviews';
import { defineAction } from '../shared/feature';
import { digestView } from './view';

/** The digest's buttons: the documents, or the meetings, in full, each with a button back to the digest (the answer replaces the digest). */
export const digestOpen = defineAction({
  verb: 'digest.open',
  schema: z.object({ view: z.enum(['reviews', 'meetings', 'digest']) }),
  async handle({ services, turn, data }) {
    if (data.view === 'digest') return digestView(services, turn);
    const card = data.view === 'reviews' ? await reviewView(services, turn) : await meetingsView(services, turn);
    return withBackButton(card, { verb: 'digest.open', title: turn.t('digest.labels.back'), data: { view: 'digest' } });
  },
});
