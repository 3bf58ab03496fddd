import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { linkConversation } from './link';
import { groupView } from './view';

/** `group.link` from the group card's chooser: the answer replaces the card with the linked group. */
export const groupLink = defineAction({
  verb: 'group.link',
  schema: z.object({ groupId: z.string().trim().min(1).max(64) }),
  async handle({ services, turn, data }) {
    // The chooser offers the organisation's groups; any other id passed no gate and is not named back.
    if (!services.organisation.groups.some((g) => g.id === data.groupId)) return groupView(services, turn, turn.t('group.linkError'));
    return linkConversation(services, turn, data.groupId);
  },
  async invalid({ services, turn }) {
    return groupView(services, turn, turn.t('group.linkError'));
  },
});
