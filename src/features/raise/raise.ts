import { errorCard, notAllowedCard } from '../../cards/common';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { authorize } from '../../domain/access';
import { propose } from '../../domain/agenda/agenda';
import { findCaseRefs } from '../../domain/consent/case-ref';
import { derived } from '../../domain/consent/checked-text';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup, localDate } from '../../domain/organisation';
import { raisedItemId, raisedStatus, raiseProblem, type RaisedItem } from '../../domain/raised/raised';
import { t, type Locale } from '../../i18n';
import type { RaisedItemStore } from '../../storage/raised';
import { ensureAgenda, proposalMeeting } from '../agenda/group-meeting';
import { gateText, type GateDeps } from '../consent/gate';
import { inTenantOf } from '../shared/organisation';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';

/**
 * `item.raise` (§11): a convener raises an item from one group's meeting to
 * another group. The text passes the gate and must be de-identified (no
 * identifier, no case reference); it lands on the target group's next
 * agenda as a proposed item that names its origin, or waits until that
 * group has a meeting. The answer lists what was raised from the group and
 * what became of each item.
 */

export type RaiseDeps = GateDeps &
  Pick<BotServices, 'organisation' | 'meetings' | 'agendas' | 'minutes' | 'now' | 'logger'> & { raised: RaisedItemStore };

export interface RaiseRequest {
  fromMeetingId: string;
  toGroupId: string;
  text: string;
}

const MAX_RAISE_CHARS = 150;

const meetingDate = (deps: Pick<RaiseDeps, 'organisation'>, m: Pick<Meeting, 'start'>) =>
  localDate(new Date(m.start), deps.organisation.timeZone);

/** Puts a raised item on a meeting's agenda (once: the agenda item's id is the raised item's); false when the agenda is full. */
async function placeOnAgenda(deps: RaiseDeps, item: RaisedItem, m: Meeting): Promise<boolean> {
  const group = findGroup(deps.organisation, m.groupId);
  const from = findGroup(deps.organisation, item.fromGroupId);
  if (!group || !from) return false;
  const text = derived(item.text, `${t('sv', 'raise.agendaPrefix', { group: from.name, date: item.fromDate })}${item.text}`);
  if (!text) return false;
  const agenda = await ensureAgenda(deps, m, group);
  let ok = false;
  await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => {
    const outcome = propose(
      cur ?? agenda,
      { id: item.id, kind: 'proposed', text, proposer: from.name, proposerKey: item.raisedBy },
      deps.now(),
    );
    ok = outcome.ok;
    return outcome.ok && outcome.added ? outcome.agenda : undefined;
  });
  return ok;
}

/** Tries to place the items still pending on their groups' next meetings (a meeting booked since they were raised). */
async function placePending(deps: RaiseDeps, tenantId: string, items: RaisedItem[]): Promise<RaisedItem[]> {
  const out: RaisedItem[] = [];
  for (const item of items) {
    if (item.toMeetingId) {
      out.push(item);
      continue;
    }
    const m = await proposalMeeting(deps, tenantId, item.toGroupId);
    if (m && (await placeOnAgenda(deps, item, m))) {
      const placed = { ...item, toMeetingId: m.id, toDate: meetingDate(deps, m) };
      await deps.raised.put(tenantId, placed);
      deps.logger.info({ event: 'raisedItemPlaced', id: item.id, toGroupId: item.toGroupId, meetingId: m.id }, 'raised item placed');
      out.push(placed);
    } else out.push(item);
  }
  return out;
}

/**
 * When a group books a meeting: the items raised to it that still wait for
 * one go on the new meeting's agenda (or the next one's), each once. A
 * failure is logged and left for the origin's next look at its raised items.
 */
export async function placeRaisedFor(deps: RaiseDeps, tenantId: string, groupId: string): Promise<number> {
  try {
    const waiting = (await deps.raised.toGroup(tenantId, groupId)).filter((i) => !i.toMeetingId);
    if (waiting.length === 0) return 0;
    const placed = await placePending(deps, tenantId, waiting);
    return placed.filter((i) => i.toMeetingId).length;
  } catch (err) {
    deps.logger.warn({ event: 'raisedItemsNotPlaced', groupId, error: (err as Error)?.name }, 'raised items not placed on booking');
    return 0;
  }
}

/** The items raised from a group, with what became of each, as the `raised-items` card. */
export async function raisedView(
  deps: RaiseDeps,
  turn: Turn,
  fromGroupId: string,
  notice?: { text: string; ok: boolean },
): Promise<AdaptiveCardJson> {
  const tenantId = turn.info.tenantId;
  const items = await placePending(deps, tenantId, await deps.raised.fromGroup(tenantId, fromGroupId));
  const rows = await Promise.all(
    items.map(async (i) => {
      const final = i.toMeetingId ? (await deps.minutes.get(tenantId, i.toGroupId, i.toMeetingId))?.status === 'final' : false;
      return { item: i, status: raisedStatus(i, final) };
    }),
  );
  return raisedCard(turn.locale, deps, fromGroupId, rows.reverse(), notice);
}

export function raisedCard(
  locale: Locale,
  deps: Pick<RaiseDeps, 'organisation'>,
  fromGroupId: string,
  rows: Array<{ item: RaisedItem; status: ReturnType<typeof raisedStatus> }>,
  notice?: { text: string; ok: boolean },
): AdaptiveCardJson {
  const name = (id: string) => userText(findGroup(deps.organisation, id)?.name ?? id);
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const color = { pending: 'Warning', onAgenda: 'Accent', handled: 'Good' } as const;
  return renderCard('raised-items', {
    title: t(locale, 'raise.title', { group: name(fromGroupId) }),
    summary: t(locale, 'raise.summary', {
      count: rows.length,
      pending: count('pending'),
      onAgenda: count('onAgenda'),
      handled: count('handled'),
    }),
    notice: userText(notice?.text),
    noticeColor: notice?.ok === false ? 'Attention' : 'Default',
    empty: t(locale, 'raise.empty'),
    items: rows.slice(0, 30).map(({ item, status }) => ({
      text: userText(item.text),
      route: t(locale, 'raise.route', { to: name(item.toGroupId), date: item.fromDate }),
      statusText: t(locale, `raise.status.${status}`, { date: item.toDate }),
      statusColor: color[status],
    })),
  });
}

/** `item.raise`: raises an item from a meeting to another group. */
export async function raiseItem(deps: RaiseDeps, turn: Turn, r: RaiseRequest): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const tenantId = turn.info.tenantId;
  const fromGroupId = r.fromMeetingId.split('.')[0] ?? '';
  const meeting = fromGroupId ? await deps.meetings.get(tenantId, fromGroupId, r.fromMeetingId) : undefined;
  const from = meeting ? findGroup(org, meeting.groupId) : undefined;
  if (!meeting || !from || !inTenantOf(org, tenantId)) return errorCard(turn.locale, 'error.badData', { problems: 'fromMeetingId' });
  const decision = authorize(org, turn.actor, 'item.raise', { groupId: from.id });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const to = findGroup(org, r.toGroupId.trim());
  const refuse = (key: string, params: Record<string, string> = {}) =>
    raisedView(deps, turn, from.id, { text: turn.t(`raise.notices.${key}`, params), ok: false });
  if (!to || to.id === from.id) return refuse('badTarget');
  const gate = await gateText(deps, turn, r.text.slice(0, MAX_RAISE_CHARS));
  if (!gate.allowed) return refuse('identifier');
  const problem = raiseProblem(gate.text, gate.identifiable);
  if (problem) return refuse(problem, { caseRef: findCaseRefs(gate.text)[0] ?? '' });

  const id = raisedItemId(meeting.id, to.id, gate.text);
  if (await deps.raised.get(tenantId, id))
    return raisedView(deps, turn, from.id, { text: turn.t('raise.notices.already', { group: to.name }), ok: true });
  let item: RaisedItem = {
    id,
    fromGroupId: from.id,
    fromMeetingId: meeting.id,
    fromDate: meetingDate(deps, meeting),
    toGroupId: to.id,
    text: gate.text,
    toMeetingId: '',
    toDate: '',
    raisedAt: deps.now().toISOString(),
    raisedBy: turn.info.aadObjectId ?? turn.info.userId,
  };
  const target = await proposalMeeting(deps, tenantId, to.id);
  const placed = target ? await placeOnAgenda(deps, item, target) : false;
  if (target && placed) item = { ...item, toMeetingId: target.id, toDate: meetingDate(deps, target) };
  await deps.raised.put(tenantId, item);
  deps.logger.info({ event: 'itemRaised', id, fromGroupId: from.id, toGroupId: to.id, placed }, 'item raised');
  const notice = placed
    ? turn.t('raise.notices.raised', { group: to.name, date: item.toDate })
    : target
      ? turn.t('raise.notices.full', { group: to.name })
      : turn.t('raise.notices.pending', { group: to.name });
  return raisedView(deps, turn, from.id, { text: notice, ok: true });
}
