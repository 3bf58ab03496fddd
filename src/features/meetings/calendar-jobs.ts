import { deliverDurably, deliveryJob } from '../../delivery/durable';
import { logError } from '../../errors';
import { CalendarError, type CalendarAnswers, transactionIdFor, type MeetingCalendar } from '../../domain/meetings/calendar';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup, type Group, type Organisation } from '../../domain/organisation';
import { t } from '../../i18n';
import type { JobContext } from '../../scheduler';
import type { Routes } from '../shared/feature';
import { refreshChannelCard } from './channel-card';
import { meetingCardFor, type MeetingsDeps } from './meetings';

/**
 * Meetings in the organisers' Outlook calendars (Microsoft Graph, SPEC §12),
 * as durable scheduler jobs holding ids only:
 *
 * - `calendar.sync` brings the meeting's event to the meeting's state:
 *   creates it (Graph's `transactionId` is derived from the meeting id, so a
 *   retry after a crash between Graph's answer and our record finds the
 *   same event), PATCHes it after a move, cancels it after a cancellation.
 *   A booking, a move or a cancellation records one such job (its id names
 *   the meeting's version) and the turn answers at once. Throttling (429,
 *   with Retry-After honoured by the scheduler), 5xx and timeouts fail the
 *   attempt and the scheduler retries with backoff; after the last attempt
 *   of a creation the group's conveners are told (a durable delivery) and a
 *   new job tries again later, until the meeting has begun.
 * - `calendar.answers` reads the event's attendees' answers at most every
 *   5 minutes for meetings in the next two weeks, stores the counts on the
 *   meeting and refreshes its card when they changed.
 */

export const CALENDAR_SYNC_KIND = 'calendar.sync';
export const CALENDAR_ANSWERS_KIND = 'calendar.answers';
export const CALENDAR_NOTICE_KIND = 'delivery.calendar-failed';
/** Attempts of one round of sync (30 s doubling: the last 8 to 16 minutes after the first); then the conveners hear of it and a new round starts later. */
export const CALENDAR_SYNC_ATTEMPTS = 6;
/** After a sync job's last attempt failed, the next round starts this much later. */
export const CALENDAR_RETRY_LATER_MS = 30 * 60_000;
export const ANSWERS_EVERY_MS = 5 * 60_000;
export const ANSWERS_HORIZON_MS = 14 * 24 * 3_600_000;

export interface CalendarPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
  /** Rounds of attempts so far (0 the first). */
  round?: number;
}

export type CalendarDeps = Pick<MeetingsDeps, 'organisation' | 'meetings' | 'channel' | 'scheduler' | 'now' | 'logger' | 'calendarEvents'>;

/** The group's organiser mailbox when calendars are on; undefined means no event for this group. */
function organiserOf(deps: Pick<CalendarDeps, 'organisation' | 'calendarEvents'>, groupId: string): string | undefined {
  if (!deps.calendarEvents) return undefined;
  return findGroup(deps.organisation, groupId)?.organiserMailbox;
}

/** The UPNs of the group's conveners and members, or of a private meeting's invitees (those the file gives one), the organiser left out. */
export function attendeesOf(org: Organisation, group: Group, invitees?: readonly string[]): string[] {
  const ids = invitees?.length ? [...new Set(invitees)] : [...new Set([...group.conveners, ...group.members])];
  const organiser = group.organiserMailbox?.toLowerCase();
  const out: string[] = [];
  for (const id of ids) {
    const upn = org.people.find((p) => p.id === id)?.upn?.trim();
    if (upn?.includes('@') && upn.toLowerCase() !== organiser && !out.includes(upn)) out.push(upn);
  }
  return out;
}

const payloadOf = (m: Meeting, round = 0): CalendarPayload => ({ tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id, round });

/**
 * Records the jobs that bring these meetings' events up to date (ids only;
 * a job's id names the meeting's version, so recording twice records once).
 * Nothing when calendars are off or the group has no organiser mailbox.
 */
export async function planCalendarSync(
  deps: Pick<CalendarDeps, 'organisation' | 'calendarEvents' | 'scheduler' | 'now'>,
  meetings: Meeting[],
) {
  const requests = meetings
    .filter((m) => organiserOf(deps, m.groupId))
    .map((m) => ({
      id: `${CALENDAR_SYNC_KIND}:${m.id}:${m.sequence}:${m.status}`,
      kind: CALENDAR_SYNC_KIND,
      dueAt: deps.now(),
      payload: payloadOf(m),
      maxAttempts: CALENDAR_SYNC_ATTEMPTS,
    }));
  if (requests.length) await deps.scheduler.scheduleAll(requests);
}

async function storeCalendar(
  deps: CalendarDeps,
  m: Meeting,
  change: (c: MeetingCalendar) => MeetingCalendar,
): Promise<Meeting | undefined> {
  const now = deps.now().toISOString();
  return deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, calendar: change(cur.calendar ?? {}), updatedAt: now }));
}

/** Plans the next reading of the event's answers: every 5 minutes within two weeks of the start, else when the two weeks begin. */
async function planAnswers(deps: CalendarDeps, m: Meeting, after: Date): Promise<void> {
  const start = Date.parse(m.start);
  const due = Math.max(after.getTime() + ANSWERS_EVERY_MS, start - ANSWERS_HORIZON_MS);
  if (due >= Date.parse(m.end)) return;
  await deps.scheduler.schedule({
    id: `${CALENDAR_ANSWERS_KIND}:${m.id}:${Math.floor(due / ANSWERS_EVERY_MS)}`,
    kind: CALENDAR_ANSWERS_KIND,
    dueAt: new Date(due),
    payload: payloadOf(m),
    maxAttempts: 1,
  });
}

/** One sync: create, move or cancel the event so it matches the meeting. */
export async function calendarSync(deps: CalendarDeps, ctx: JobContext<CalendarPayload>): Promise<void | 'skipped'> {
  const p = ctx.payload;
  const events = deps.calendarEvents;
  const organiser = organiserOf(deps, p.groupId);
  const m = await deps.meetings.get(p.tenantId, p.groupId, p.meetingId);
  if (!events || !organiser || !m) return 'skipped';
  const cal = m.calendar ?? {};
  try {
    if (m.status === 'cancelled') {
      if (!cal.eventId || cal.cancelled) return 'skipped';
      await events.cancel(organiser, cal.eventId);
      await storeCalendar(deps, m, (c) => ({ ...c, cancelled: true, syncedSequence: m.sequence }));
      deps.logger.info({ event: 'calendarEventCancelled', groupId: m.groupId, meetingId: m.id }, 'calendar event cancelled');
      return;
    }
    if (!cal.eventId) {
      // A meeting already begun is not put in calendars afterwards.
      if (Date.parse(m.start) <= ctx.now.getTime()) return 'skipped';
      const group = findGroup(deps.organisation, m.groupId)!;
      const ref = await events.create({
        organiser,
        subject: group.name,
        start: m.start,
        end: m.end,
        timeZone: m.timeZone,
        location: m.location || undefined,
        attendees: attendeesOf(deps.organisation, group, m.invitees),
        transactionId: transactionIdFor(m.tenantId, m.id),
      });
      let updated = await storeCalendar(deps, m, (c) => ({
        ...c,
        eventId: ref.eventId,
        joinUrl: ref.joinUrl ?? c.joinUrl,
        syncedSequence: m.sequence,
      }));
      deps.logger.info({ event: 'calendarEventCreated', groupId: m.groupId, meetingId: m.id }, 'calendar event created');
      updated ??= m;
      // Moved while the event was being made: the next round brings it up to date.
      if (updated.sequence !== m.sequence) await planCalendarSync(deps, [updated]);
      await planAnswers(deps, updated, ctx.now);
      await refreshChannelCard(deps, updated);
      return;
    }
    if ((cal.syncedSequence ?? -1) >= m.sequence) return 'skipped';
    try {
      await events.update(organiser, cal.eventId, { start: m.start, end: m.end, timeZone: m.timeZone, location: m.location ?? '' });
    } catch (err) {
      if (!(err instanceof CalendarError && err.failure === 'notFound')) throw err;
      // Deleted in Outlook by its organiser: left deleted, and its answers no longer read.
      await storeCalendar(deps, m, (c) => ({ ...c, cancelled: true, syncedSequence: m.sequence }));
      deps.logger.info({ event: 'calendarEventGone', groupId: m.groupId, meetingId: m.id }, 'calendar event deleted in Outlook');
      return 'skipped';
    }
    await storeCalendar(deps, m, (c) => ({ ...c, syncedSequence: m.sequence }));
    deps.logger.info({ event: 'calendarEventMoved', groupId: m.groupId, meetingId: m.id }, 'calendar event moved');
  } catch (err) {
    if (ctx.lastAttempt) await giveUpForNow(deps, m, p, err, ctx.now);
    throw err;
  }
}

/**
 * The last attempt of a round failed: the conveners hear that the meeting is
 * not in Outlook yet (once per meeting version), and a new round is recorded
 * for later, while the meeting is still ahead.
 */
async function giveUpForNow(deps: CalendarDeps, m: Meeting, p: CalendarPayload, err: unknown, now: Date): Promise<void> {
  const round = (p.round ?? 0) + 1;
  const code = err instanceof CalendarError ? err.code : 'Error';
  deps.logger.warn(
    { event: 'calendarSyncFailed', groupId: m.groupId, meetingId: m.id, round, lastError: code },
    'calendar event not made yet',
  );
  try {
    if (!m.calendar?.eventId && m.status === 'scheduled') {
      const key = `${CALENDAR_NOTICE_KIND}:${m.id}`;
      await deliverDurably(deps, { kind: CALENDAR_NOTICE_KIND, id: key, payload: payloadOf(m) }, () =>
        tellConveners(deps, payloadOf(m), key),
      );
    }
    const later = new Date(now.getTime() + CALENDAR_RETRY_LATER_MS);
    if (m.status === 'cancelled' || Date.parse(m.start) > later.getTime())
      await deps.scheduler.schedule({
        id: `${CALENDAR_SYNC_KIND}:${m.id}:${m.sequence}:${m.status}:r${round}`,
        kind: CALENDAR_SYNC_KIND,
        dueAt: later,
        payload: payloadOf(m, round),
        maxAttempts: CALENDAR_SYNC_ATTEMPTS,
      });
  } catch (e) {
    logError(deps.logger, 'warn', e, 'could not plan the next calendar round', { kind: CALENDAR_SYNC_KIND });
  }
}

async function tellConveners(deps: CalendarDeps, p: CalendarPayload, key: string): Promise<void | 'skipped'> {
  const m = await deps.meetings.get(p.tenantId, p.groupId, p.meetingId);
  if (m?.status !== 'scheduled' || m.calendar?.eventId) return 'skipped';
  await deps.channel.tellConveners(
    m.tenantId,
    m.groupId,
    (locale) => meetingCardFor(deps, m, locale, { notice: t(locale, 'meetings.calendar.notInOutlook') }),
    key,
  );
}

const same = (a: MeetingCalendar['answers'], b: CalendarAnswers) =>
  !!a && a.accepted === b.accepted && a.tentative === b.tentative && a.declined === b.declined && (a.none ?? 0) === b.none;

/** Reads the answers given in Outlook, stores them when they changed, and plans the next reading. */
export async function calendarAnswers(deps: CalendarDeps, ctx: JobContext<CalendarPayload>): Promise<void | 'skipped'> {
  const p = ctx.payload;
  const organiser = organiserOf(deps, p.groupId);
  const m = await deps.meetings.get(p.tenantId, p.groupId, p.meetingId);
  const eventId = m?.calendar?.eventId;
  if (!deps.calendarEvents || !organiser || !m || !eventId || m.status !== 'scheduled' || m.calendar?.cancelled) return 'skipped';
  if (Date.parse(m.end) <= ctx.now.getTime()) return 'skipped';
  if (Date.parse(m.start) - ctx.now.getTime() > ANSWERS_HORIZON_MS) {
    await planAnswers(deps, m, ctx.now);
    return 'skipped';
  }
  let next = ctx.now;
  try {
    const read = await deps.calendarEvents.answers(organiser, eventId);
    const { joinUrl, ...counts } = read as CalendarAnswers & { joinUrl?: string };
    if (!same(m.calendar?.answers, counts) || (joinUrl && !m.calendar?.joinUrl)) {
      const updated = await storeCalendar(deps, m, (c) => ({
        ...c,
        answers: counts,
        answersAt: ctx.now.toISOString(),
        joinUrl: c.joinUrl ?? joinUrl,
      }));
      if (updated) await refreshChannelCard(deps, updated);
    }
  } catch (err) {
    // A missed reading is read again at the next one; a throttled one waits as long as Graph asked.
    const wait = err instanceof CalendarError ? (err.retryAfterMs ?? 0) : 0;
    next = new Date(ctx.now.getTime() + Math.max(0, wait - ANSWERS_EVERY_MS));
    logError(deps.logger, 'warn', err, 'could not read the answers given in Outlook', { kind: CALENDAR_ANSWERS_KIND });
  }
  await planAnswers(deps, m, next);
}

export function registerCalendarJobs(routes: Routes, deps: CalendarDeps): void {
  routes.job<CalendarPayload>(CALENDAR_SYNC_KIND, (ctx) => calendarSync(deps, ctx));
  routes.job<CalendarPayload>(CALENDAR_ANSWERS_KIND, (ctx) => calendarAnswers(deps, ctx));
  routes.job<CalendarPayload>(
    CALENDAR_NOTICE_KIND,
    deliveryJob((p) => tellConveners(deps, p, `${CALENDAR_NOTICE_KIND}:${p.meetingId}`)),
  );
}
