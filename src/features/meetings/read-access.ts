import { notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { mayReadGroup } from '../../domain/access';
import { groupIdOfMeeting } from '../../domain/meetings/meeting';
import type { BotServices } from '../shared/services';
import { actorOf, type TurnInfo } from '../shared/turn';

/**
 * The not-allowed card for someone who may not see the content of this
 * meeting's group (see `mayReadGroup`); undefined for those who may. Asked
 * before the meeting is looked up, so another tenant's user, an outsider or
 * a member of another group learns nothing, not even whether it exists.
 * An id that names no group of the organisation is left to the caller,
 * whose "no such meeting" shows nothing either.
 */
export function readRefusal(deps: Pick<BotServices, 'organisation'>, info: TurnInfo, meetingId: string): AdaptiveCardJson | undefined {
  const groupId = groupIdOfMeeting(meetingId.trim());
  if (!groupId) return undefined;
  const decision = mayReadGroup(deps.organisation, actorOf(info), groupId);
  if (decision.allowed || decision.reason === 'unknownGroup') return undefined;
  return notAllowedCard(info.locale, decision.reason);
}
