import type { CheckedText } from '../consent/checked-text';
import type { MeetingCalendar } from './calendar';
import { createHash, randomBytes } from 'node:crypto';

/**
 * A collaboration group's meeting. Times are kept as UTC instants together
 * with the organisation's zone, so a meeting at 13:00 Stockholm time stays
 * at 13:00 across daylight-saving changes and the calendar feed can say
 * which zone it is in. Plain data, no framework.
 */

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export type MeetingStatus = 'scheduled' | 'cancelled';
export type AgendaStatus = 'none' | 'draft' | 'published';

export interface Meeting {
  /** `<groupId>.<random>`: the group is recoverable from the id, and the id is never personal data. */
  id: string;
  tenantId: string;
  groupId: string;
  /** Meetings booked together as one series share this id. */
  seriesId?: string;
  /** UTC instants, ISO-8601. */
  start: string;
  end: string;
  timeZone: string;
  durationMinutes: number;
  location?: CheckedText;
  status: MeetingStatus;
  /** RFC 5545 SEQUENCE: bumped on every change a calendar should see. */
  sequence: number;
  agendaStatus: AgendaStatus;
  /** Entra object id (or Teams user id) → answer. */
  rsvp: Record<string, RsvpAnswer>;
  /** Teams user ids (29:…) of those who answered: Universal Actions refresh the card for them. */
  rsvpUserIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Where the meeting card was posted, so it can be updated for everyone. */
  card?: { conversationId: string; activityId: string };
  /**
   * A private meeting (a SIP booked for its invited members only): organisation
   * person ids who get its card, its changes and its reminder each in their
   * own personal chat with the bot, and nothing is posted in the group's
   * channel. Teams lets a bot start a one-to-one chat but not a group chat,
   * so a private chat of the invited members is this.
   */
  invitees?: string[];
  /** Reminders already sent, keyed by kind, holding the sequence they were sent for (never twice for one version of the meeting). */
  reminded: Record<string, number>;
  /** Its event in the organiser's Outlook calendar (Microsoft Graph), when calendars are on. */
  calendar?: MeetingCalendar;
  /** Optimistic concurrency tag from storage. */
  etag?: string;
}

const ID_RANDOM = /^[a-z0-9]{10,16}$/;

export function newMeetingId(groupId: string, random: () => Buffer = () => randomBytes(8)): string {
  return `${groupId}.${BigInt(`0x${random().toString('hex')}`)
    .toString(36)
    .padStart(10, '0')
    .slice(0, 12)}`;
}

/**
 * The id of the n-th meeting booked by one Teams activity: derived from the
 * activity's id, so an activity Teams resends (it does when it got no answer
 * within 15 s) books nothing twice.
 */
export function meetingIdFor(groupId: string, activityId: string, n: number): string {
  const digest = createHash('sha256').update(`${activityId}\n${n}`, 'utf8').digest();
  return newMeetingId(groupId, () => digest.subarray(0, 8));
}

export function newSeriesId(random: () => Buffer = () => randomBytes(6)): string {
  return `s${random().toString('hex')}`;
}

/** The group a meeting id belongs to, or undefined when the id is not one of ours. */
export function groupIdOfMeeting(meetingId: string): string | undefined {
  const i = meetingId.lastIndexOf('.');
  if (i <= 0) return undefined;
  const group = meetingId.slice(0, i);
  const rest = meetingId.slice(i + 1);
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(group) || !ID_RANDOM.test(rest)) return undefined;
  return group;
}

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
}

export function rsvpCounts(m: Pick<Meeting, 'rsvp'>): RsvpCounts {
  const counts: RsvpCounts = { yes: 0, no: 0, maybe: 0 };
  for (const a of Object.values(m.rsvp)) if (a in counts) counts[a] += 1;
  return counts;
}

/** Records one person's answer; answering again replaces the earlier answer. */
export function withRsvp(m: Meeting, personKey: string, teamsUserId: string | undefined, answer: RsvpAnswer, at: Date): Meeting {
  const rsvpUserIds = teamsUserId && !m.rsvpUserIds.includes(teamsUserId) ? [...m.rsvpUserIds, teamsUserId].slice(-60) : m.rsvpUserIds;
  return { ...m, rsvp: { ...m.rsvp, [personKey]: answer }, rsvpUserIds, updatedAt: at.toISOString() };
}

export function isUpcoming(m: Pick<Meeting, 'end' | 'status'>, now: Date): boolean {
  return m.status === 'scheduled' && Date.parse(m.end) > now.getTime();
}

/** Held: not cancelled and already over. */
export function isHeld(m: Pick<Meeting, 'end' | 'status'>, now: Date): boolean {
  return m.status === 'scheduled' && Date.parse(m.end) <= now.getTime();
}

export function byStart<T extends Pick<Meeting, 'start'>>(a: T, b: T): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/** A new version of the meeting at another time: the calendar sees it as a change (SEQUENCE + 1) and reminders start over. */
export function moved(m: Meeting, start: Date, end: Date, at: Date, location?: CheckedText): Meeting {
  return {
    ...m,
    start: start.toISOString(),
    end: end.toISOString(),
    durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
    location: location ?? m.location,
    sequence: m.sequence + 1,
    updatedAt: at.toISOString(),
  };
}

export function cancelled(m: Meeting, at: Date): Meeting {
  return { ...m, status: 'cancelled', sequence: m.sequence + 1, updatedAt: at.toISOString() };
}
