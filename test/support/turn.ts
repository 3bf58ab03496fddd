import type { AdaptiveCardJson } from '../../src/cards/render';
import { rolesOf, type Role } from '../../src/domain/access';
import { findGroup, inTenantOf, type Group, type Organisation } from '../../src/domain/organisation';
import { t } from '../../src/i18n';
import type { ChannelLinkStore } from '../../src/storage/channel-links';
import { actorOf, linkKeyOf, type Turn, type TurnInfo } from '../../src/features/shared/turn';

/** A Turn as a plain object that keeps what it sent; `sent[n]` was answered with the id `activity-<n+1>`. */
export interface FakeTurn extends Turn {
  readonly sent: AdaptiveCardJson[];
}

/**
 * The features' Turn (src/features/shared/turn.ts) without Teams: the group
 * here is looked up in the given channel links like the edge does (the
 * conversation's link key, within the organisation's tenant), and what the
 * handler answers is kept in `sent` instead of going to a connector.
 */
export function fakeTurn(
  info: TurnInfo,
  services: { organisation: Organisation; channelLinks: Pick<ChannelLinkStore, 'get'> },
): FakeTurn {
  const actor = actorOf(info);
  const sent: AdaptiveCardJson[] = [];
  let group: Promise<Group | undefined> | undefined;
  let roles: Role[] | undefined;
  const linked = async () => {
    const key = linkKeyOf(info);
    if (!key || !inTenantOf(services.organisation, info.tenantId)) return undefined;
    const link = await services.channelLinks.get(info.tenantId, key);
    return link ? findGroup(services.organisation, link.groupId) : undefined;
  };
  return {
    info,
    locale: info.locale,
    actor,
    sent,
    t: (key, params) => t(info.locale, key, params),
    groupHere() {
      group ??= linked();
      return group;
    },
    roles() {
      roles ??= rolesOf(services.organisation, actor);
      return roles;
    },
    async send(card) {
      sent.push(card);
      return `activity-${sent.length}`;
    },
  };
}
