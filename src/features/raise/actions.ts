import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { raiseItem } from './raise';

/** `item.raise` (`fromMeetingId`, `toGroupId`, `text`): from the minutes or the agenda of a meeting, to another group. */
export const itemRaise = defineAction({
  verb: 'item.raise',
  schema: z
    .object({
      fromMeetingId: z.string().trim().min(1).max(120),
      toGroupId: z.string().trim().min(1).max(64),
      text: z.string().max(1000).default(''),
    })
    .catchall(z.string().max(1000)),
  async handle({ services, turn, data }) {
    // From the agenda card the text is `raiseText` (its `text` is the proposal's field, sent along and not meant).
    const text = typeof data.raiseText === 'string' ? data.raiseText : data.text;
    return raiseItem(services, turn, { fromMeetingId: data.fromMeetingId, toGroupId: data.toGroupId, text });
  },
});
