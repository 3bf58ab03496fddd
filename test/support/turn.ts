import type { AdaptiveCardJson } from '../../src/cards/render';
import { rolesOf, type Role } from '../../src/domain/access';
import { findGroup, inTenantOf, type Group } from '../../src/domain/organisation';
import type { BotServices } from '../../src/features/shared/services';
import { actorOf, linkKeyOf, type Turn, type TurnInfo } from '../../src/features/shared/turn';
import { t } from '../../src/i18n';

/** A Turn that keeps what it sends: `sent` holds the cards answered in this conversation, in order. */
export interface RecordedTurn extends Turn {
  readonly sent: AdaptiveCardJson[];
}

/** Who and where, for a test: a personal chat in Swedish unless `over` says otherwise. */
export function turnInfo(over: Partial<TurnInfo> = {}): TurnInfo {
  return {
    locale: 'sv',
    tenantId: 'tenant-a',
    userId: 'user-1',
    conversationId: 'a:personal-1',
    conversationKind: 'personal',
    mentioned: false,
    ...over,
  };
}

/**
 * The features' Turn as the edge builds it (src/bot/turn.ts), in a plain
 * object: strings from the i18n tables, the linked group from the channel
 * link store (looked up once), roles from the organisation; `send` records.
 */
export function fakeTurn(info: TurnInfo, services: Pick<BotServices, 'organisation' | 'channelLinks'>): RecordedTurn {
  const actor = actorOf(info);
  const sent: AdaptiveCardJson[] = [];
  let group: Promise<Group | undefined> | undefined;
  let roles: Role[] | undefined;
  return {
    info,
    locale: info.locale,
    actor,
    sent,
    t: (key, params) => t(info.locale, key, params),
    groupHere() {
      group ??= (async () => {
        const key = linkKeyOf(info);
        if (!key || !inTenantOf(services.organisation, info.tenantId)) return undefined;
        const link = await services.channelLinks.get(info.tenantId, key);
        return link ? findGroup(services.organisation, link.groupId) : undefined;
      })();
      return group;
    },
    roles() {
      roles ??= rolesOf(services.organisation, actor);
      return roles;
    },
    async send(card) {
      sent.push(card);
      return `sent-${sent.length}`;
    },
  };
}
