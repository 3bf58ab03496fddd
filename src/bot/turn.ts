import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { rolesOf, type Role } from '../domain/access';
import { findGroup, inTenantOf, type Group } from '../domain/organisation';
import { localeFrom, t } from '../i18n';
import type { BotServices } from '../features/shared/services';
import { actorOf, linkKeyOf, type ConversationKind, type Turn, type TurnInfo } from '../features/shared/turn';

export type { ConversationKind, TurnInfo } from '../features/shared/turn';
export { isAddressed } from '../features/shared/turn';

const infos = new WeakMap<object, TurnInfo>();

/** What the incoming activity says of who and where, read once per activity. */
export function turnInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  let info = infos.get(a);
  if (!info) {
    info = readInfo(context);
    infos.set(a, info);
  }
  return info;
}

function readInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const convType = a.conversation?.conversationType;
  const conversationKind: ConversationKind =
    convType === 'personal' || convType === 'channel' || convType === 'groupChat' ? convType : 'unknown';
  const clientLocale = (a.entities ?? []).find((e) => e?.type === 'clientInfo')?.locale as string | undefined;
  const botId = a.recipient?.id;
  const mentioned = (a.entities ?? []).some((e) => e?.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
  const conversationId = a.conversation?.id ?? '';
  return {
    locale: localeFrom(a.locale ?? clientLocale),
    tenantId: a.conversation?.tenantId ?? channelData.tenant?.id ?? '',
    userId: a.from?.id ?? '',
    aadObjectId: a.from?.aadObjectId,
    userName: a.from?.name,
    conversationId,
    conversationKind,
    channelId: conversationKind === 'channel' ? (channelData.channel?.id ?? conversationId.split(';')[0]) : undefined,
    teamId: channelData.team?.id,
    mentioned,
    activityId: typeof a.id === 'string' && a.id ? a.id : undefined,
    activityType: typeof a.type === 'string' ? a.type : undefined,
    activityTime: timeOf(a.timestamp),
    replyToId: typeof a.replyToId === 'string' && a.replyToId ? a.replyToId : undefined,
  };
}

function timeOf(value: unknown): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && Number.isFinite(d.getTime()) ? d : undefined;
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const res = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  return res?.id;
}

const turns = new WeakMap<object, Turn>();

/** The features' view of this turn, built once per activity. */
export function turnOf(context: TurnContext, services: Pick<BotServices, 'organisation' | 'channelLinks'>): Turn {
  let turn = turns.get(context.activity);
  if (!turn) {
    turn = buildTurn(context, services);
    turns.set(context.activity, turn);
  }
  return turn;
}

function buildTurn(context: TurnContext, services: Pick<BotServices, 'organisation' | 'channelLinks'>): Turn {
  const info = turnInfo(context);
  const actor = actorOf(info);
  let group: Promise<Group | undefined> | undefined;
  let roles: Role[] | undefined;
  return {
    info,
    locale: info.locale,
    actor,
    t: (key, params) => t(info.locale, key, params),
    groupHere() {
      group ??= linkedGroupOf(services, info);
      return group;
    },
    roles() {
      roles ??= rolesOf(services.organisation, actor);
      return roles;
    },
    send: (card) => sendCard(context, card),
  };
}

async function linkedGroupOf(services: Pick<BotServices, 'organisation' | 'channelLinks'>, info: TurnInfo): Promise<Group | undefined> {
  const key = linkKeyOf(info);
  if (!key || !inTenantOf(services.organisation, info.tenantId)) return undefined;
  const link = await services.channelLinks.get(info.tenantId, key);
  return link ? findGroup(services.organisation, link.groupId) : undefined;
}
