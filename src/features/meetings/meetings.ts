import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Config } from '../../config';
import type { MeetingRef } from '../../domain/meetings/arguments';
import { groupIdOfMeeting, isHeld, type Meeting } from '../../domain/meetings/meeting';
import { dateWarnings } from '../../domain/meetings/recurrence';
import { plannedReminders, REMINDER_KINDS, reminderJobId } from '../../domain/meetings/reminders';
import { findGroup, type Group } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import type { BotServices, FiguresDeps } from '../shared/services';
import type { TurnInfo } from '../shared/turn';
import { planCalendarSync } from './calendar-jobs';
import { meetingCard } from './cards';

/**
 * Meetings as the rest of the bot reads them: finding one, the group a
 * command is about, the meeting card in a language, the reminders planned
 * for a meeting, and the meetings held this year. Booking is in booking.ts,
 * answering, moving and cancelling in changes.ts, the list and the calendar
 * link in views.ts, the card in the group's channel in channel-card.ts. The
 * rules themselves (recurrence, reminders, ids) are in domain/meetings.
 */

/** What the meetings' use cases need of the bot's services; `config` for the calendar link's address. */
export type MeetingsDeps = Pick<
  BotServices,
  'organisation' | 'meetings' | 'calendarFeeds' | 'channel' | 'scheduler' | 'now' | 'logger' | 'calendarEvents'
> &
  FiguresDeps & {
    config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>;
  };

function localDateOf(m: Pick<Meeting, 'start' | 'timeZone'>): string {
  return DateTime.fromISO(m.start, { zone: m.timeZone }).toISODate()!;
}

/** The meeting card for one locale; the viewer's answer when one is known. */
export function meetingCardFor(
  deps: Pick<MeetingsDeps, 'organisation' | 'now'>,
  m: Meeting,
  locale: Locale,
  extra: { notice?: string; viewer?: string; confirmCancel?: 'one' | 'series' } = {},
): AdaptiveCardJson {
  const group = findGroup(deps.organisation, m.groupId);
  return meetingCard(locale, m, {
    groupName: group?.name ?? m.groupId,
    level: group?.level ?? 'tactical',
    now: deps.now(),
    notice: extra.notice,
    warnings: dateWarnings(localDateOf(m), locale),
    yourAnswer: extra.viewer ? m.rsvp[extra.viewer] : undefined,
    confirmCancel: extra.confirmCancel,
  });
}

/** The key a person's answer is kept under: the Entra object id, or the Teams id when there is none. */
export function personKey(info: TurnInfo): string {
  return info.aadObjectId ?? info.userId;
}

export async function findMeeting(
  deps: Pick<MeetingsDeps, 'organisation' | 'meetings'>,
  tenantId: string,
  meetingId: string,
): Promise<Meeting | undefined> {
  const groupId = groupIdOfMeeting(meetingId);
  if (!groupId || !findGroup(deps.organisation, groupId)) return undefined;
  return deps.meetings.get(tenantId, groupId, meetingId);
}

/** The group's meeting on a local date (the first one not cancelled), or by id. */
export async function findByRef(
  deps: Pick<MeetingsDeps, 'organisation' | 'meetings'>,
  tenantId: string,
  group: Group,
  ref: MeetingRef,
): Promise<Meeting | undefined> {
  if (ref.kind === 'id') {
    const m = await findMeeting(deps, tenantId, ref.id);
    return m?.groupId === group.id ? m : undefined;
  }
  const dayStart = DateTime.fromISO(ref.date, { zone: deps.organisation.timeZone }).startOf('day');
  const list = await deps.meetings.listGroup(tenantId, group.id, { from: dayStart.toJSDate(), to: dayStart.plus({ days: 1 }).toJSDate() });
  return list.find((m) => m.status === 'scheduled' && localDateOf(m) === ref.date) ?? list.find((m) => localDateOf(m) === ref.date);
}

/**
 * Plans the reminders of these meetings, and with calendars on their
 * events' sync (calendar-jobs.ts); job ids are deterministic, so planning
 * again plans nothing new.
 */
export async function scheduleReminders(
  deps: Pick<MeetingsDeps, 'scheduler' | 'now'> & Partial<Pick<MeetingsDeps, 'organisation' | 'calendarEvents'>>,
  meetings: Meeting[],
): Promise<void> {
  if (deps.calendarEvents && deps.organisation)
    await planCalendarSync({ ...deps, organisation: deps.organisation, calendarEvents: deps.calendarEvents }, meetings);
  const now = deps.now();
  const requests = meetings.flatMap((m) =>
    plannedReminders(m, now).map((r) => ({
      id: r.jobId,
      kind: r.kind,
      dueAt: r.dueAt,
      payload: { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id, sequence: m.sequence },
    })),
  );
  if (requests.length) await deps.scheduler.scheduleAll(requests);
}

export async function cancelReminders(deps: Pick<MeetingsDeps, 'scheduler'>, m: Meeting): Promise<void> {
  await Promise.all(Object.values(REMINDER_KINDS).map((kind) => deps.scheduler.cancel(reminderJobId(kind, m.id, m.sequence))));
}

/** Meetings held this calendar year in the organisation's zone, for cadence tracking. */
export async function heldThisYear(
  deps: Pick<MeetingsDeps, 'organisation' | 'meetings' | 'now'>,
  tenantId: string,
  groupId: string,
): Promise<string[]> {
  const now = deps.now();
  const yearStart = DateTime.fromJSDate(now, { zone: deps.organisation.timeZone }).startOf('year');
  const list = await deps.meetings.listGroup(tenantId, groupId, { from: yearStart.toJSDate(), to: now });
  return list.filter((m) => isHeld(m, now)).map((m) => m.start);
}
