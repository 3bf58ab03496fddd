import { createHash } from 'node:crypto';

/**
 * The port to people's own calendars (Outlook, Teams): a booked meeting as
 * an event in its organiser's mailbox, with the group's members invited and
 * a Teams meeting attached. Plain data; the Microsoft Graph implementation is
 * src/calendar/graph.ts. Nothing here holds message text: the subject is the
 * group's name, the location is the place as the consent gate checked it.
 */

export interface CalendarEventInput {
  /** The mailbox the event lives in (a convener's or a shared mailbox: the group's `organiserMailbox`). */
  organiser: string;
  subject: string;
  /** UTC instants, ISO-8601. */
  start: string;
  end: string;
  /** The organisation's IANA zone: Outlook shows the event in it. */
  timeZone: string;
  location?: string;
  /** UPNs of those invited. */
  attendees: string[];
  /** Graph deduplicates creations by it: the same meeting, sent twice, is one event. */
  transactionId: string;
}

export interface CalendarEventRef {
  eventId: string;
  /** The Teams meeting's join link, when Graph made one. */
  joinUrl?: string;
}

export interface CalendarEventChange {
  start: string;
  end: string;
  timeZone: string;
  location?: string;
}

/** Answers given in Outlook (counts only; who answered stays in Outlook). */
export interface CalendarAnswers {
  accepted: number;
  tentative: number;
  declined: number;
  /** Invited and not answered yet. */
  none: number;
}

export interface CalendarEvents {
  create(event: CalendarEventInput): Promise<CalendarEventRef>;
  update(organiser: string, eventId: string, change: CalendarEventChange): Promise<void>;
  /** Cancels the event; attendees get Outlook's own cancellation. An event already gone counts as cancelled. */
  cancel(organiser: string, eventId: string): Promise<void>;
  answers(organiser: string, eventId: string): Promise<CalendarAnswers>;
}

/** What a calendar call's failure says about trying again. */
export type CalendarFailure = 'throttled' | 'unavailable' | 'timeout' | 'rejected' | 'notFound' | 'unauthorized';

/**
 * A failed calendar call: its kind, the HTTP status when there was one, and
 * how long the service asked us to wait (429's Retry-After). The scheduler
 * reads `retryAfterMs` and `code`; the message never holds a response body.
 */
export class CalendarError extends Error {
  readonly code: string;
  constructor(
    readonly failure: CalendarFailure,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`calendar call failed: ${failure}${status ? ` (${status})` : ''}`);
    this.name = 'CalendarError';
    this.code = `Calendar_${failure}${status ? `_${status}` : ''}`;
  }

  /** Worth trying again later: throttling, the service down or slow. */
  get transient(): boolean {
    return this.failure === 'throttled' || this.failure === 'unavailable' || this.failure === 'timeout';
  }
}

/**
 * Graph's `transactionId` for a meeting: derived from the tenant and the
 * meeting's id only, so every attempt to create the meeting's event (a
 * retry, a process that died after Graph answered) names the same one.
 */
export function transactionIdFor(tenantId: string, meetingId: string): string {
  const h = createHash('sha256').update(`samverkan-event\n${tenantId}\n${meetingId}`, 'utf8').digest('hex');
  // GUID-shaped, as clients commonly send it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** What the meeting keeps of its calendar event. */
export interface MeetingCalendar {
  eventId?: string;
  joinUrl?: string;
  /** The meeting's sequence the event shows. */
  syncedSequence?: number;
  /** The event was cancelled in the organiser's calendar. */
  cancelled?: boolean;
  /** Outlook's answers as last read, and when. */
  answers?: Omit<CalendarAnswers, 'none'> & { none?: number };
  answersAt?: string;
}

/** Seconds or an HTTP date in Retry-After, as milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
