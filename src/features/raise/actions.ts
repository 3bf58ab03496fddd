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
    return raiseItem(services, turn, { fromMeetingId: data.fromMeetingId, toGroupId: data.toGroupId, text: data.text });
  },
});
