import { z } from 'zod';
import { errorCard, notAllowedCard } from '../../cards/common';
import { t } from '../../i18n';
import { groupView, linkConversation } from './group';
import { defineAction } from '../shared/feature';

/** `group.link` from the group card's chooser: the answer replaces the card with the linked group. */
export const groupLink = defineAction({
  verb: 'group.link',
  schema: z.object({ groupId: z.string().trim().min(1).max(64) }),
  async handle({ services, info, data }) {
    // The chooser offers the organisation's groups; any other id passed no gate and is not named back.
    if (!services.organisation.groups.some((g) => g.id === data.groupId))
      return groupView(services, info, t(info.locale, 'group.linkError'));
    const outcome = await linkConversation(services, info, data.groupId);
    if (outcome.ok) return outcome.card;
    if (outcome.kind === 'notAllowed') return notAllowedCard(info.locale, outcome.reason, outcome.whoMay);
    return errorCard(info.locale, outcome.messageKey, outcome.params);
  },
  async invalid({ services, info }) {
    return groupView(services, info, t(info.locale, 'group.linkError'));
  },
});
