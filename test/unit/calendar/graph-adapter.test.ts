import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphCalendarEvents, splitBaseUrl } from '../../../src/calendar/graph';
import { CalendarError, transactionIdFor } from '../../../src/domain/meetings/calendar';
import { GraphEmulator } from '../../support/graph-emulator';

/**
 * The Graph adapter (Microsoft's Graph SDK client) against the Graph
 * emulator over HTTP. Entra token issuance is mocked: the credential hands
 * out tokens the emulator issued.
 */

let graph: GraphEmulator;
let calendar: GraphCalendarEvents;
let tokensAsked = 0;

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    tokensAsked++;
    return { token: graph.issueToken(), expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

const input = (meetingId: string) => ({
  organiser: 'samverkan@kommun.example',
  subject: 'Samverkansgruppen',
  start: '2027-01-12T12:00:00.000Z',
  end: '2027-01-12T13:30:00.000Z',
  timeZone: 'Europe/Stockholm',
  location: 'Stadshuset, rum 3',
  attendees: ['a@kommun.example', 'b@kommun.example', 'c@kommun.example'],
  transactionId: transactionIdFor('tenant-1', meetingId),
});

beforeAll(async () => {
  graph = await new GraphEmulator().start();
  calendar = new GraphCalendarEvents({ credential, baseUrl: graph.url, timeoutMs: 2000 });
});
afterAll(async () => graph?.stop());

describe('Graph calendar adapter (Entra token issuance mocked)', () => {
  it('splits the base URL into the SDK host and version', () => {
    expect(splitBaseUrl('https://graph.microsoft.com/v1.0')).toEqual({ baseUrl: 'https://graph.microsoft.com', version: 'v1.0' });
    expect(splitBaseUrl('http://127.0.0.1:5000/v1.0')).toEqual({ baseUrl: 'http://127.0.0.1:5000', version: 'v1.0' });
  });

  it('creates an online Teams event with a bearer token, once per transactionId, then moves, reads answers and cancels it', async () => {
    const first = await calendar.create(input('grp.aaaaaaaaaa'));
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(tokensAsked).toBeGreaterThan(0);
    const again = await calendar.create(input('grp.aaaaaaaaaa'));
    expect(again.eventId).toBe(first.eventId);
    expect(graph.events.filter((e) => e.id === first.eventId)).toHaveLength(1);
    const stored = graph.events.find((e) => e.id === first.eventId)!;
    expect(stored.start).toEqual({ dateTime: '2027-01-12T12:00:00.000', timeZone: 'UTC' });
    expect(stored.attendees.map((a) => a.emailAddress.address)).toEqual(input('x').attendees);

    await calendar.update('samverkan@kommun.example', first.eventId, {
      start: '2027-01-13T12:00:00.000Z',
      end: '2027-01-13T13:30:00.000Z',
      timeZone: 'Europe/Stockholm',
    });
    expect(stored.start.dateTime).toBe('2027-01-13T12:00:00.000');
    expect(stored.changes).toBe(1);

    graph.answer(first.eventId, 'a@kommun.example', 'accepted');
    graph.answer(first.eventId, 'b@kommun.example', 'declined');
    const answers = await calendar.answers('samverkan@kommun.example', first.eventId);
    expect(answers).toMatchObject({ accepted: 1, declined: 1, tentative: 0, none: 1, joinUrl: first.joinUrl });

    await calendar.cancel('samverkan@kommun.example', first.eventId);
    expect(stored.isCancelled).toBe(true);
    // Cancelled (or deleted in Outlook) already: cancelling again is not an error.
    await calendar.cancel('samverkan@kommun.example', first.eventId);
  });

  it('turns 429 into a throttled error carrying Retry-After, 5xx into unavailable, a bad body into rejected', async () => {
    graph.throttle = { count: 1, retryAfterSeconds: 7 };
    const throttled = await calendar.create(input('grp.bbbbbbbbbb')).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(CalendarError);
    expect((throttled as CalendarError).failure).toBe('throttled');
    expect((throttled as CalendarError).retryAfterMs).toBe(7000);

    graph.fail = { count: 1, status: 502 };
    const failed = (await calendar.create(input('grp.bbbbbbbbbb')).catch((e: unknown) => e)) as CalendarError;
    expect([failed.failure, failed.status]).toEqual(['unavailable', 502]);

    const bad = (await calendar
      .create({ ...input('grp.cccccccccc'), attendees: ['not an address'] })
      .catch((e: unknown) => e)) as CalendarError;
    expect([bad.failure, bad.status]).toEqual(['rejected', 400]);
    expect(graph.requests.at(-1)).toMatchObject({ status: 400 });
  });

  it('a request Graph does not answer is ended by the timeout and counts as a transient timeout', async () => {
    const quick = new GraphCalendarEvents({ credential, baseUrl: graph.url, timeoutMs: 300 });
    graph.hang = 1;
    const started = Date.now();
    const err = (await quick.create(input('grp.ffffffffff')).catch((e: unknown) => e)) as CalendarError;
    expect(err).toBeInstanceOf(CalendarError);
    expect([err.failure, err.transient]).toEqual(['timeout', true]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a request without a valid token (401) and says so as unauthorized', async () => {
    const stranger = new GraphCalendarEvents({
      credential: { getToken: async () => ({ token: 'not-issued', expiresOnTimestamp: Date.now() + 60_000 }) },
      baseUrl: graph.url,
    });
    const err = (await stranger.create(input('grp.dddddddddd')).catch((e: unknown) => e)) as CalendarError;
    expect([err.failure, err.status]).toEqual(['unauthorized', 401]);
  });

  it('a connection dropped after the event was made is an error, and the retry finds the same event', async () => {
    const before = graph.events.length;
    graph.dropAfterCommit = 1;
    const dropped = (await calendar.create(input('grp.eeeeeeeeee')).catch((e: unknown) => e)) as CalendarError;
    expect(dropped).toBeInstanceOf(CalendarError);
    expect(dropped.transient).toBe(true);
    const retried = await calendar.create(input('grp.eeeeeeeeee'));
    expect(graph.events.length).toBe(before + 1);
    expect(graph.events.at(-1)!.id).toBe(retried.eventId);
  });
});
