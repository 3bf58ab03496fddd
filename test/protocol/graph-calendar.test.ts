import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { transactionIdFor } from '../../src/domain/meetings/calendar';
import { decodeKey } from '../../src/storage/keys';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { type EmulatedEvent, GraphEmulator } from '../support/graph-emulator';

/**
 * Meetings as Outlook events through Microsoft Graph, over real HTTP: the
 * bot against Azurite, the Bot Connector emulator and the Graph emulator
 * (test/support/graph-emulator.ts). Entra token issuance is mocked: the
 * credential hands out tokens the Graph emulator issued; everything after
 * the token (the Graph SDK client, the requests, the emulator's checks of
 * their bodies) is real. Every Graph call runs in a scheduler job, driven
 * here through POST /api/jobs/run with `now`.
 */

const TEAM = '19:team-graph@thread.tacv2';
const TOKEN = 'test-admin-token-0123456789abcdef';
const ORGANISER = 'operativ.mote@essunga.example';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let graph: GraphEmulator;
let tokensIssued = 0;
let channel = '';
let channelCounter = 0;

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    tokensIssued++;
    return { token: graph.issueToken(), expiresOnTimestamp: clock.now.getTime() + 3_600_000 };
  },
};

beforeAll(async () => {
  graph = await new GraphEmulator().start();
  graph.mailboxes = new Set([ORGANISER]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-org-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(
    file,
    [
      'extends: local-demo',
      'updatePeople:',
      '  alex.wilber: { upn: alex.wilber@essunga.example }',
      '  megan.bowen: { upn: megan.bowen@essunga.example }',
      'updateGroups:',
      `  operativ: { organiserMailbox: ${ORGANISER} }`,
      '',
    ].join('\n'),
  );
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    graphCredential: credential,
    env: {
      ORG_CONFIG: file,
      SCHEDULER_TICK_MS: '0',
      GRAPH_TENANT_ID: '00000000-0000-0000-0000-00000000aaaa',
      GRAPH_CLIENT_ID: '00000000-0000-0000-0000-00000000bbbb',
      GRAPH_CLIENT_SECRET: 'not-used-the-credential-is-a-stand-in',
      GRAPH_BASE_URL: graph.url,
    },
  });
  channel = `19:channel-graph-${++channelCounter}-${Date.now()}@thread.tacv2`;
  const linked = await say(inChannel('grupp koppla operativ'));
  expect(cardKind(linked[0]!)).toBe('group');
  // Alex (a convener) has a personal chat with the bot, where a calendar failure is told.
  const hello = await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
  expect(hello.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await graph?.stop();
});

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

const inChannel = (text: string) =>
  channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId: channel, teamId: TEAM, user: USERS.alex, locale: 'sv-SE' });

async function invoke(verb: string, data: Record<string, string>) {
  const activity = actionExecute(verb, data, {
    serviceUrl: t.emulator.url,
    user: USERS.alex,
    conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
  }) as Record<string, any>;
  activity.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: channel } };
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

/** Runs every due job at `at` (the bot's clock moves there too). */
async function tick(at: Date | string): Promise<void> {
  clock.now = new Date(at);
  const res = await fetch(`${t.bot.url}/api/jobs/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ job: 'tick', now: clock.now.toISOString() }),
  });
  expect(res.status).toBe(200);
}

const minutes = (n: number) => new Date(clock.now.getTime() + n * 60_000);

async function meetingRows(): Promise<Array<Record<string, any>>> {
  const table = TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}Meetings`, {
    allowInsecureConnection: true,
  });
  const out: Array<Record<string, any>> = [];
  for await (const e of table.listEntities<Record<string, any>>()) out.push(e);
  return out;
}

async function meetingRow(meetingId: string): Promise<Record<string, any>> {
  const row = (await meetingRows()).find((e) => e.rowKey === meetingId || JSON.stringify(e).includes(meetingId));
  if (!row) throw new Error(`no meeting ${meetingId}`);
  return row;
}

const calendarOf = async (meetingId: string) => {
  const raw = (await meetingRow(meetingId)).calendar as string;
  return raw ? (JSON.parse(raw) as Record<string, any>) : {};
};

function meetingIdOf(card: unknown): string {
  const m = /"meetingId":"([^"]+)"/.exec(JSON.stringify(card));
  expect(m).not.toBeNull();
  return m![1]!;
}

/** Books in the channel with the quick syntax; answers the meeting's id. */
async function book(when: string): Promise<string> {
  const sent = await say(inChannel(`boka ${when} 60 Kommunhuset`));
  expect(cardKind(sent[0]!)).toBe('meeting');
  return meetingIdOf(cardOf(sent[0]!));
}

const eventsOf = (meetingId: string): EmulatedEvent[] =>
  graph.events.filter((e) => e.transactionId === transactionIdFor(TENANT, meetingId));

describe('meetings in Outlook through Microsoft Graph (Entra token issuance mocked)', () => {
  let meetingId = '';

  it('book: the turn answers at once and calls no Graph; the job creates one online Teams event in the organiser mailbox with the members as attendees', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const before = graph.requests.length;
    meetingId = await book('2026-12-03 13:00'); // within two weeks: its answers are read
    expect(graph.requests.length).toBe(before);
    expect(await calendarOf(meetingId)).toEqual({});

    const mark = t.emulator.sent.length;
    await tick(clock.now);
    const [event, ...more] = eventsOf(meetingId);
    expect(more).toEqual([]);
    expect(event!.mailbox).toBe(ORGANISER);
    expect(event!.subject).toBe('Operativ grupp');
    expect(event!.isOnlineMeeting).toBe(true);
    expect(event!.start).toEqual({ dateTime: '2026-12-03T12:00:00.000', timeZone: 'UTC' });
    expect(event!.location?.displayName).toBe('Kommunhuset');
    const addresses = event!.attendees.map((a) => a.emailAddress.address);
    expect(addresses).toEqual(expect.arrayContaining(['alex.wilber@essunga.example', 'megan.bowen@essunga.example']));
    expect(addresses).not.toContain(ORGANISER);
    expect(tokensIssued).toBeGreaterThan(0);
    expect(graph.requests.every((r) => r.authorized)).toBe(true);

    const cal = await calendarOf(meetingId);
    expect(cal.eventId).toBe(event!.id);
    expect(cal.joinUrl).toBe(event!.onlineMeeting!.joinUrl);
    // The channel card now has the Join button to the event's Teams meeting.
    const updated = t.emulator.sent.slice(mark).filter((a) => a.method === 'PUT');
    const card = JSON.stringify(cardOf(updated.at(-1)!));
    expect(card).toContain('"type":"Action.OpenUrl"');
    expect(card).toContain('Anslut i Teams');
    expect(card).toContain(event!.onlineMeeting!.joinUrl);

    // Running the jobs again creates nothing more.
    await tick(minutes(1));
    expect(eventsOf(meetingId)).toHaveLength(1);
  });

  it('answers given in Outlook are read back at most every 5 minutes and shown beside the card’s own', async () => {
    const eventId = (await calendarOf(meetingId)).eventId as string;
    graph.answer(eventId, 'alex.wilber@essunga.example', 'accepted');
    graph.answer(eventId, 'megan.bowen@essunga.example', 'declined');
    const gets = () => graph.requests.filter((r) => r.method === 'GET').length;
    const before = gets();
    await tick(minutes(2)); // 3 minutes after the event was made: not yet
    expect(gets()).toBe(before);
    const mark = t.emulator.sent.length;
    await tick(minutes(3));
    expect(gets()).toBe(before + 1);
    const cal = await calendarOf(meetingId);
    expect(cal.answers).toMatchObject({ accepted: 1, declined: 1, tentative: 0 });
    const card = JSON.stringify(cardOf(t.emulator.sent.slice(mark).find((a) => a.method === 'PUT')!));
    expect(card).toContain('I Outlook');
    expect(card).toContain('1 accepterat · 0 preliminärt · 1 avböjt');
    expect(card).toContain('0 ja · 0 kanske · 0 nej');
    await tick(minutes(1));
    expect(gets()).toBe(before + 1);
    await tick(minutes(5));
    expect(gets()).toBe(before + 2);
  });

  it('move: the event is PATCHed to the new time, not made again', async () => {
    const sent = await say(inChannel('boka flytta 2026-12-03 till 2026-12-04 14:00'));
    expect(sent.length).toBeGreaterThan(0);
    await tick(minutes(1));
    const [event, ...more] = eventsOf(meetingId);
    expect(more).toEqual([]);
    expect(event!.start).toEqual({ dateTime: '2026-12-04T13:00:00.000', timeZone: 'UTC' });
    expect(event!.changes).toBe(1);
    expect((await calendarOf(meetingId)).syncedSequence).toBe(1);
  });

  it('cancel: the event is cancelled in Outlook (attendees get its notice), and the answers stop being read', async () => {
    const card = await invoke('meeting.cancel', { meetingId, scope: 'one', confirm: 'yes' });
    expect(JSON.stringify(card)).toContain('Mötet är inställt.');
    await tick(minutes(1));
    expect(eventsOf(meetingId)[0]!.isCancelled).toBe(true);
    expect((await calendarOf(meetingId)).cancelled).toBe(true);
    const before = graph.requests.length;
    await tick(minutes(10));
    expect(graph.requests.length).toBe(before);
  });

  it('a series becomes one event per meeting', async () => {
    const booked = await invoke('meeting.schedule', {
      confirm: 'yes',
      groupId: 'operativ',
      date: '2026-12-14',
      time: '09:00',
      durationMinutes: '60',
      location: '',
      recurrence: 'weekly',
      rrule: '',
      dates: ['2026-12-14 09:00', '2026-12-21 09:00', '2027-01-04 09:00'].join('\n'),
    });
    expect(booked.body[0].id).toBe('meeting-list');
    const series = (await meetingRows()).filter((r) =>
      ['2026-12-14T08:00:00.000Z', '2026-12-21T08:00:00.000Z', '2027-01-04T08:00:00.000Z'].includes(r.start),
    );
    expect(series).toHaveLength(3);
    expect(new Set(series.map((r) => r.seriesId)).size).toBe(1);
    const ids = series.map((r) => decodeKey(String(r.rowKey)));
    expect(graph.requests.length).toBeGreaterThan(0);
    await tick(minutes(1));
    for (const id of ids) {
      expect(eventsOf(id)).toHaveLength(1);
      expect((await calendarOf(id)).eventId).toBe(eventsOf(id)[0]!.id);
    }
  });

  it('a 429 storm: every retry waits at least Retry-After, and the event is made once when it ends', async () => {
    const id = await book('2026-12-15 10:00');
    graph.throttle = { count: 4, retryAfterSeconds: 600 };
    const start = clock.now;
    const throttled = graph.requests.filter((r) => r.status === 429).length;
    const posts = () => graph.requests.filter((r) => r.method === 'POST' && r.status === 429).length - throttled;
    await tick(start);
    expect(posts()).toBe(1);
    // Backoff alone would retry within a minute; Graph asked for ten.
    for (const m of [1, 3, 6, 9]) await tick(new Date(start.getTime() + m * 60_000));
    expect(posts()).toBe(1);
    for (let m = 10; m <= 60; m += 5) await tick(new Date(start.getTime() + m * 60_000));
    expect(graph.throttle.count).toBe(0);
    expect(eventsOf(id)).toHaveLength(1);
    expect((await calendarOf(id)).eventId).toBe(eventsOf(id)[0]!.id);
  });

  it('5xx: retried with backoff until Graph answers, one event', async () => {
    const id = await book('2026-12-16 10:00');
    graph.fail = { count: 3, status: 503 };
    for (let m = 0; m <= 20; m += 2) await tick(minutes(m === 0 ? 0 : 2));
    expect(graph.fail.count).toBe(0);
    expect(eventsOf(id)).toHaveLength(1);
    expect((await calendarOf(id)).eventId).toBe(eventsOf(id)[0]!.id);
  });

  it('a crash between Graph making the event and the bot recording it: the retry finds the same event by transactionId', async () => {
    const id = await book('2026-12-17 10:00');
    graph.dropAfterCommit = 1;
    await tick(clock.now);
    expect(eventsOf(id)).toHaveLength(1); // made in Outlook…
    expect((await calendarOf(id)).eventId).toBeUndefined(); // …but not recorded
    for (let m = 0; m < 5; m++) await tick(minutes(2));
    expect(eventsOf(id)).toHaveLength(1);
    expect((await calendarOf(id)).eventId).toBe(eventsOf(id)[0]!.id);
  });

  it('Graph down for an hour: the conveners hear the meeting is not in Outlook yet; when Graph is back the event is made once', async () => {
    const id = await book('2026-12-18 10:00');
    graph.down = true;
    const start = clock.now;
    const mark = t.emulator.sent.length;
    for (let m = 0; m <= 60; m += 2) await tick(new Date(start.getTime() + m * 60_000));
    expect(graph.live().filter((e) => e.transactionId === transactionIdFor(TENANT, id))).toEqual([]);
    expect(graph.requests.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(6);
    const told = t.emulator.sent
      .slice(mark)
      .filter((a) => a.method === 'POST' && JSON.stringify(cardOf(a) ?? {}).includes('Outlook-kalendern'));
    expect(told).toHaveLength(1);
    expect(told[0]!.conversationId).not.toContain(channel);

    graph.down = false;
    for (let m = 62; m <= 150; m += 4) await tick(new Date(start.getTime() + m * 60_000));
    expect(eventsOf(id)).toHaveLength(1);
    expect((await calendarOf(id)).eventId).toBe(eventsOf(id)[0]!.id);
    // Told once, not once per round.
    expect(t.emulator.sent.slice(mark).filter((a) => JSON.stringify(cardOf(a) ?? {}).includes('Outlook-kalendern'))).toHaveLength(1);
  });

  it('an event deleted in Outlook is left deleted when the meeting moves (no retries, no new event)', async () => {
    const id = await book('2026-12-22 10:00');
    await tick(minutes(1));
    const [event] = eventsOf(id);
    event!.isCancelled = true; // the organiser deleted it in Outlook
    const channelMark = graph.requests.length;
    await say(inChannel('boka flytta 2026-12-22 till 2026-12-23 10:00'));
    await tick(minutes(1));
    expect(
      graph.requests
        .slice(channelMark)
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.status),
    ).toEqual([404]);
    expect((await calendarOf(id)).cancelled).toBe(true);
    await tick(minutes(10));
    expect(graph.requests.slice(channelMark).filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(eventsOf(id)).toHaveLength(1);
  });

  it('nothing about people or text reaches Graph beyond the event itself, and no log line holds an attendee address', () => {
    expect(t.log.lines.join('\n')).not.toContain('essunga.example');
    expect(t.log.lines.some((l) => l.includes('calendarEventCreated'))).toBe(true);
  });
});
