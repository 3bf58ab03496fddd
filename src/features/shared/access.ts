import { findGroup, inTenantOf, type Group } from '../../domain/organisation';
import type { BotServices } from './services';
import { linkKeyOf, type TurnInfo } from './turn';

export { actorOf, linkKeyOf } from './turn';

/**
 * The group this conversation is linked to, if any (and only within the
 * organisation's tenant): a channel by its id without a thread's message id,
 * a group chat by its id. A Turn makes this lookup once (turn.groupHere()).
 */
export async function linkedGroup(
  services: Pick<BotServices, 'organisation' | 'channelLinks'>,
  info: TurnInfo,
): Promise<Group | undefined> {
  const key = linkKeyOf(info);
  if (!key || !inTenantOf(services.organisation, info.tenantId)) return undefined;
  const link = await services.channelLinks.get(info.tenantId, key);
  return link ? findGroup(services.organisation, link.groupId) : undefined;
}
