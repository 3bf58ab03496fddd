import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { deliverDurably, DELIVERY_FAMILY } from '../../delivery/durable';
import { authorize, personOf } from '../../domain/access';
import {
  allRecipients,
  broadcastId,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  parseGroupIds,
  parsePersonIds,
  personalRecipients,
  readRates,
  validUrl,
  type Broadcast,
} from '../../domain/broadcast/broadcast';
import { findCaseRefs } from '../../domain/consent/case-ref';
import { findGroup, localDate } from '../../domain/organisation';
import type { BroadcastStore } from '../../storage/broadcasts';
import { gateText, type GateDeps } from '../consent/gate';
import { messageKey } from '../shared/channel';
import { inTenantOf } from '../shared/organisation';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { composeCard, postedCard, type SentRow } from './cards';
import { BROADCAST_PEOPLE_KIND, fanOutBroadcast, personalOutcome, type BroadcastPeoplePayload, type PersonalDeps } from './personal';

/**
 * Telling staff (§11): `utskick` / `broadcast` gives a convener the compose
 * card with what they sent and its read rates per group; `broadcast.send`
 * gates the title, text and link (de-identified: a broadcast travels to many
 * groups), stores it, posts it in each chosen group's channel as a durable
 * delivery and sends it to each chosen person (and each member of the groups
 * chosen "to their members") in their personal chat through the outbox
 * fan-out (./personal.ts); `broadcast.read` counts a reader once.
 */

export type BroadcastDeps = GateDeps &
  Pick<BotServices, 'organisation' | 'now' | 'logger' | 'scheduler' | 'channel'> &
  PersonalDeps & { broadcasts: BroadcastStore };

/** How long a send's turn works the personal fan-out before it leaves the rest to its job. */
export const INLINE_FANOUT_MS = 5_000;

/** The job kind of a broadcast's post in one group's channel. */
export const BROADCAST_POST_KIND = `${DELIVERY_FAMILY}.broadcast`;
export interface BroadcastPostPayload {
  tenantId: string;
  broadcastId: string;
  groupId: string;
}

/** The tenant broadcasts are stored under: the organisation file's, else the turn's. */
export const storeTenant = (deps: Pick<BroadcastDeps, 'organisation'>, turn: Pick<Turn, 'info'>) =>
  deps.organisation.tenantId ?? turn.info.tenantId;

export const dayOf = (deps: Pick<BroadcastDeps, 'organisation'>) => (iso: string) => localDate(new Date(iso), deps.organisation.timeZone);
const senderKey = (turn: Turn) => turn.info.aadObjectId ?? turn.info.userId;

async function sentBy(deps: BroadcastDeps, tenantId: string, sender: string): Promise<SentRow[]> {
  const all = await deps.broadcasts.all(tenantId);
  return all
    .filter((x) => x.broadcast.sentBy === sender)
    .map((x) => ({ broadcast: x.broadcast, rates: readRates(deps.organisation, x.broadcast, new Set(x.readers)) }));
}

/** `utskick` / `broadcast`: the compose card, or why not. */
export async function broadcastView(deps: BroadcastDeps, turn: Turn, notice?: { text: string; ok: boolean }): Promise<AdaptiveCardJson> {
  const decision = authorize(deps.organisation, turn.actor, 'broadcast.send');
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const rows = await sentBy(deps, storeTenant(deps, turn), senderKey(turn));
  return composeCard(turn.locale, deps.organisation, rows, dayOf(deps), notice);
}

export interface BroadcastRequest {
  title: string;
  text: string;
  url: string;
  groupIds: string;
  /** Groups whose members each get it in their personal chat (comma-separated ids). */
  memberGroupIds?: string;
  /** People chosen one by one (comma-separated organisation person ids). */
  personIds?: string;
}

/** Posts a stored broadcast in one group's channel; undefined when the group has no channel the bot can reach. */
export async function postBroadcast(deps: Pick<BroadcastDeps, 'organisation' | 'channel'>, b: Broadcast, p: BroadcastPostPayload) {
  return deps.channel.post(
    p.tenantId,
    p.groupId,
    (locale) => postedCard(locale, deps.organisation, b, dayOf(deps)),
    messageKey(BROADCAST_POST_KIND, p.tenantId, b.id, p.groupId),
  );
}

/** `broadcast.send`: stores the broadcast and posts it in each chosen group's channel (a resend sends nothing twice). */
export async function sendBroadcast(deps: BroadcastDeps, turn: Turn, r: BroadcastRequest): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  if (!inTenantOf(org, turn.info.tenantId)) return errorCard(turn.locale, 'error.badData', { problems: 'tenant' });
  const decision = authorize(org, turn.actor, 'broadcast.send');
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const refuse = (key: string, params: Record<string, string | number> = {}) =>
    broadcastView(deps, turn, { text: turn.t(`broadcasts.notices.${key}`, params), ok: false });

  // Every field passes the gate before anything about it is said back.
  const title = await gateText(deps, turn, r.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS));
  if (!title.allowed) return title.card;
  const text = await gateText(deps, turn, r.text.trim().slice(0, MAX_TEXT_CHARS));
  if (!text.allowed) return text.card;
  const url = await gateText(deps, turn, r.url.trim().slice(0, MAX_URL_CHARS));
  if (!url.allowed) return url.card;
  // A broadcast goes to many groups: nothing in it may identify anyone, even under a consent here.
  if (title.identifiable || text.identifiable || url.identifiable || findCaseRefs(`${title.text}\n${text.text}`).length)
    return broadcastView(deps, turn, { text: turn.t('broadcasts.notices.identifier'), ok: false });
  const { ids, unknown } = parseGroupIds(org, r.groupIds);
  const memberGroups = parseGroupIds(org, r.memberGroupIds ?? '');
  const people = parsePersonIds(org, r.personIds ?? '');
  const badGroups = [...unknown, ...memberGroups.unknown];
  if (badGroups.length || people.unknown.length) {
    const named = await gateText(deps, turn, [...badGroups, ...people.unknown].join(', ').slice(0, 200));
    if (!named.allowed) return named.card;
    return refuse(badGroups.length ? 'badGroups' : 'badPeople', { groups: named.text, people: named.text });
  }
  if (ids.length + memberGroups.ids.length + people.ids.length === 0) return refuse('noGroups');
  if (!validUrl(url.text)) return refuse('badUrl');
  if (!title.text.trim()) return refuse('emptyTitle');

  const tenantId = storeTenant(deps, turn);
  const sender = senderKey(turn);
  const personal = {
    ...(memberGroups.ids.length ? { memberGroupIds: memberGroups.ids } : {}),
    ...(people.ids.length ? { personIds: people.ids } : {}),
  };
  const id = broadcastId(sender, { title: title.text, text: text.text, url: url.text, groupIds: ids, ...personal });
  const existing = await deps.broadcasts.get(tenantId, id);
  const b: Broadcast = existing ?? {
    id,
    title: title.text,
    text: text.text,
    url: url.text,
    groupIds: ids,
    ...personal,
    sentAt: deps.now().toISOString(),
    sentBy: sender,
  };
  if (!existing) await deps.broadcasts.put(tenantId, b);
  const noChannel: string[] = [];
  for (const groupId of ids) {
    const payload: BroadcastPostPayload = { tenantId, broadcastId: id, groupId };
    let reached = true;
    await deliverDurably(deps, { kind: BROADCAST_POST_KIND, id: `${BROADCAST_POST_KIND}:${id}:${groupId}`, payload }, async () => {
      reached = (await postBroadcast(deps, b, payload)) !== undefined;
    });
    if (!reached) noChannel.push(findGroup(org, groupId)?.name ?? groupId);
  }
  // The people: one outbox row each, sent by the fan-out; what the turn's time does not cover, the job sends.
  if (personalRecipients(org, b).length) {
    const payload: BroadcastPeoplePayload = { tenantId, broadcastId: id };
    const deadline = Date.now() + INLINE_FANOUT_MS;
    await deliverDurably(deps, { kind: BROADCAST_PEOPLE_KIND, id: `${BROADCAST_PEOPLE_KIND}:${id}`, payload }, () =>
      fanOutBroadcast(deps, tenantId, b, (locale) => postedCard(locale, org, b, dayOf(deps)), { deadline }),
    );
  }
  const outcome = await personalOutcome(deps, b);
  deps.logger.info(
    { event: 'broadcastSent', id, groups: ids.length, people: outcome.people, reached: outcome.sent, already: !!existing },
    'broadcast sent',
  );
  const names = ids.map((g) => findGroup(org, g)?.name ?? g).join(', ');
  const notice = existing
    ? turn.t('broadcasts.notices.already')
    : [
        ...(ids.length ? [turn.t('broadcasts.notices.sent', { count: ids.length, groups: names })] : []),
        ...(noChannel.length ? [turn.t('broadcasts.notices.noChannel', { groups: noChannel.join(', ') })] : []),
        ...(outcome.people ? [turn.t('broadcasts.notices.sentPeople', { count: outcome.sent })] : []),
        ...(outcome.unreached ? [turn.t('broadcasts.notices.unreached', { count: outcome.unreached })] : []),
        ...(outcome.open ? [turn.t('broadcasts.notices.later', { count: outcome.open })] : []),
      ].join(' ');
  return broadcastView(deps, turn, { text: notice, ok: true });
}

/** `broadcast.read`: counts the reader once; the sender sees the read rates per group. */
export async function readBroadcast(deps: BroadcastDeps, turn: Turn, id: string): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const tenantId = storeTenant(deps, turn);
  const b = inTenantOf(org, turn.info.tenantId) ? await deps.broadcasts.get(tenantId, id) : undefined;
  if (!b) return errorCard(turn.locale, 'error.badData', { problems: 'broadcastId' });
  const person = personOf(org, turn.actor);
  // A recipient: a member of a group it was posted to or sent to, or someone it was sent to by name.
  const member = !!person && allRecipients(org, b).has(person.id);
  let notice = turn.t('broadcasts.notices.notMember');
  if (person && member) {
    const first = await deps.broadcasts.markRead(tenantId, b.id, person.id, deps.now().toISOString());
    notice = turn.t(first ? 'broadcasts.notices.read' : 'broadcasts.notices.alreadyRead');
  }
  const isSender = b.sentBy === senderKey(turn);
  const rates = isSender ? readRates(org, b, new Set(await deps.broadcasts.readers(tenantId, b.id))) : undefined;
  return postedCard(turn.locale, org, b, dayOf(deps), { notice, read: !!member, ...(rates ? { rates } : {}) });
}
