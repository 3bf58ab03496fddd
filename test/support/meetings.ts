import type { Meeting } from '../../src/domain/meetings/meeting';
import { TENANT } from './activities';

/**
 * A meeting as the store keeps one booked a month before (scheduled, an hour long, Stockholm time, no agenda yet), for
 * tests that put meetings in place before they drive the bot; `over` changes what the test is about.
 */
export function storedMeeting(id: string, groupId: string, start: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    tenantId: TENANT,
    groupId,
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString(),
    timeZone: 'Europe/Stockholm',
    durationMinutes: 60,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: 'x',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    reminded: {},
    ...over,
  } as Meeting;
}
