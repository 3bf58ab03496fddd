import { DateTime } from 'luxon';
import { isSwedishPublicHoliday } from '../organisation/school-calendar';
import type { Meeting } from './meeting';

/**
 * When a meeting's reminders fall due, in the organisation's zone: the
 * meeting card is shown in the channel two weeks before (at once when booked
 * later than that); members are reminded in the channel at 09:00 the day
 * before; conveners privately at 09:00 three working days before when the
 * agenda is still unpublished.
 */

export const REMINDER_KINDS = {
  card: 'reminders.meetingCard',
  dayBefore: 'reminders.meetingDayBefore',
  agenda: 'reminders.agendaUnpublished',
  minutes: 'reminders.minutesMissing',
} as const;
export type ReminderKind = (typeof REMINDER_KINDS)[keyof typeof REMINDER_KINDS];

export const CARD_LEAD_DAYS = 14;
export const AGENDA_WORKING_DAYS = 3;
export const REMINDER_HOUR = 9;
export const MINUTES_WORKING_DAYS = 3;

export function isWorkingDay(date: DateTime): boolean {
  return date.weekday <= 5 && !isSwedishPublicHoliday(date.toISODate()!);
}

/** The local date `n` working days from `date` in the direction `step` (weekends and public holidays do not count). */
function stepWorkingDays(date: DateTime, n: number, step: 1 | -1): DateTime {
  let d = date.startOf('day');
  let left = n;
  while (left > 0) {
    d = d.plus({ days: step });
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The local date `n` working days before `date` (weekends and public holidays do not count). */
export function workingDaysBefore(date: DateTime, n: number): DateTime {
  return stepWorkingDays(date, n, -1);
}

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
  /** A deterministic job id: rescheduling the same version of a meeting is idempotent, a moved meeting (new sequence) gets new jobs. */
  jobId: string;
}

export function reminderJobId(kind: ReminderKind, meetingId: string, sequence: number): string {
  return `${kind}:${meetingId}:${sequence}`;
}

/** The local date `n` working days after `date`. */
export function workingDaysAfter(date: DateTime, n: number): DateTime {
  return stepWorkingDays(date, n, 1);
}

/** The reminders still ahead of `now` for this version of the meeting. */
export function plannedReminders(m: Pick<Meeting, 'id' | 'start' | 'timeZone' | 'sequence' | 'status'>, now: Date): PlannedReminder[] {
  if (m.status !== 'scheduled') return [];
  const start = DateTime.fromISO(m.start, { zone: m.timeZone });
  if (start.toMillis() <= now.getTime()) return [];
  const at9 = (d: DateTime) => d.set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
  const out: PlannedReminder[] = [];
  const card = start.minus({ days: CARD_LEAD_DAYS });
  out.push({
    kind: REMINDER_KINDS.card,
    dueAt: card.toMillis() > now.getTime() ? card.toJSDate() : now,
    jobId: reminderJobId(REMINDER_KINDS.card, m.id, m.sequence),
  });
  const dayBefore = at9(start.minus({ days: 1 }).startOf('day'));
  if (dayBefore.toMillis() > now.getTime() && dayBefore < start)
    out.push({
      kind: REMINDER_KINDS.dayBefore,
      dueAt: dayBefore.toJSDate(),
      jobId: reminderJobId(REMINDER_KINDS.dayBefore, m.id, m.sequence),
    });
  const agenda = at9(workingDaysBefore(start, AGENDA_WORKING_DAYS));
  if (agenda.toMillis() > now.getTime())
    out.push({ kind: REMINDER_KINDS.agenda, dueAt: agenda.toJSDate(), jobId: reminderJobId(REMINDER_KINDS.agenda, m.id, m.sequence) });
  // Conveners are told when the minutes are still not final three working days after.
  const minutes = at9(workingDaysAfter(start, MINUTES_WORKING_DAYS));
  out.push({ kind: REMINDER_KINDS.minutes, dueAt: minutes.toJSDate(), jobId: reminderJobId(REMINDER_KINDS.minutes, m.id, m.sequence) });
  return out;
}
