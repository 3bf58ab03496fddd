import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { rolesOf, type Role } from '../domain/access';
import { findGroup, inTenantOf, type Group } from '../domain/organisation';
import { logError } from '../errors';
import { localeFrom, t, type Locale } from '../i18n';
import { userKeyOf } from '../features/language';
import type { BotServices } from '../features/shared/services';
import { actorOf, isAddressed, linkKeyOf, type ConversationKind, type Turn, type TurnInfo } from '../features/shared/turn';

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

/** Whether the bot answers this activity (so its language matters enough to read the user's choice). */
export function answersTurn(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'message') return Boolean(a.value) || isAddressed(turnInfo(context));
  return a.type === 'invoke' || a.type === 'conversationUpdate' || a.type === 'installationUpdate';
}

export type LocaleDeps = Pick<BotServices, 'organisation' | 'preferences' | 'logger'>;

const decided = new WeakSet<object>();

/**
 * Decides the turn's language, once per activity: the user's own choice
 * (`språk` / `language`; read only when `readChoice`, one storage read),
 * else the organisation's `language`, else the Teams client's locale. A
 * failed read is no reason to fail the turn: it answers in the fallback.
 */
export async function decideLocale(context: TurnContext, deps: LocaleDeps, readChoice: boolean): Promise<Locale> {
  const info = turnInfo(context);
  if (decided.has(context.activity)) return info.locale;
  decided.add(context.activity);
  followOrganisation(info, deps);
  if (!readChoice || !userKeyOf(info)) return info.locale;
  try {
    const chosen = (await deps.preferences.get(info.tenantId, userKeyOf(info)))?.language;
    if (chosen) Object.assign(info, { locale: chosen, localeSource: 'user' });
  } catch (err) {
    logError(deps.logger, 'warn', err, "could not read the user's language; answering in the default");
  }
  return info.locale;
}

function followOrganisation(info: TurnInfo, deps: Pick<BotServices, 'organisation'>): void {
  const language = deps.organisation.language;
  Object.assign(info, language ? { locale: language, localeSource: 'organisation' } : { localeSource: 'teams' });
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
  // A turn whose language was not decided (SamverkanTurnState does it first) still follows the organisation.
  if (!decided.has(context.activity)) followOrganisation(info, services);
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
