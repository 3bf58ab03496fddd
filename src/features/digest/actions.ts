import { z } from 'zod';
import { withBackButton } from '../help/back';
import { meetingsView } from '../meetings/views';
import { reviewView } from '../reviews/reviews';
import { defineAction } from '../shared/feature';
import { digestView } from './view';

/**
 * The digest's buttons: the documents, or the meetings, in full, or every
 * group a page at a time, each with a button back to the digest (the answer
 * replaces the digest).
 */
export const digestOpen = defineAction({
  verb: 'digest.open',
  schema: z.object({
    view: z.enum(['reviews', 'meetings', 'digest', 'groups']),
    from: z.coerce.number().int().min(0).max(100_000).optional(),
  }),
  async handle({ services, turn, data }) {
    if (data.view === 'digest') return digestView(services, turn);
    if (data.view === 'groups') {
      const page = await digestView(services, turn, data.from ?? 0);
      return page.body[0]?.id === 'digest'
        ? withBackButton(page, { verb: 'digest.open', title: turn.t('digest.labels.back'), data: { view: 'digest' } })
        : page;
    }
    const card = data.view === 'reviews' ? await reviewView(services, turn) : await meetingsView(services, turn);
    return withBackButton(card, { verb: 'digest.open', title: turn.t('digest.labels.back'), data: { view: 'digest' } });
  },
});
