import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TableStore } from '../../src/storage/tables';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { cardKind, cardOf, ConnectorEmulator } from '../support/connector-emulator';
import { startBotProcess, type BotProcess } from '../support/scripted-day';

/**
 * Scale-out: two bot processes on one Azurite behind a round-robin proxy run
 * a scripted day — linking, booking, answers, agenda proposals, the
 * reminders and the digest — and every scheduled message is sent exactly
 * once while each process reads the other's writes.
 */

const TOKEN = 'test-admin-token-0123456789abcdef';
const NOW = '2026-11-22T10:00:00.000Z';
const CHANNEL = `19:channel-scale-${Date.now()}@thread.tacv2`;
const TEAM = '19:team-scale@thread.tacv2';
let emulator: ConnectorEmulator;
let proxy: http.Server;
let proxyUrl = '';
const bots: BotProcess[] = [];

beforeAll(async () => {
  emulator = await new ConnectorEmulator().start();
  const prefix = `so${Date.now().toString(36)}`;
  await new TableStore(inject('azuriteConnectionString'), prefix).ensureTables();
  const start = () => startBotProcess({ connectionString: inject('azuriteConnectionString'), prefix, now: NOW });
  bots.push(await start(), await start());
  // Round robin: each request to the next process.
  let next = 0;
  proxy = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/', bots[next++ % bots.length]!.url);
    const fwd = http.request(target, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  for (const b of bots) b.child.kill('SIGKILL');
  proxy?.close();
  await emulator?.stop();
});

async function post(activity: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(`${proxyUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}
const inChannel = (text: string, user: TestUser = USERS.alex) =>
  channelMessage(text, { serviceUrl: emulator.url, mention: true, channelId: CHANNEL, teamId: TEAM, user });
const invoke = async (verb: string, data: Record<string, string>, user: TestUser) => {
  const a = actionExecute(verb, data, {
    serviceUrl: emulator.url,
    user,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
  }) as Record<string, any>;
  a.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } };
  const res = await post(a);
  expect(res.status).toBe(200);
  return JSON.parse(res.body).value as Record<string, any>;
};
/** Both processes run the jobs due at `now` at the same moment. */
async function runEverywhere(now: string): Promise<number> {
  const results = await Promise.all(
    bots.map(async (b) => {
      const res = await fetch(`${b.url}/api/jobs/run`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ job: 'tick', now }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { sent: number }).sent;
    }),
  );
  return results.reduce((a, b) => a + b, 0);
}

describe('two bot processes behind a round-robin proxy, one Azurite', () => {
  let meetingId = '';

  it('a scripted day: every write is seen by the other process', async () => {
    // Alex's personal chat (for private reminders and the digest), via one process.
    expect((await post(personalMessage('hjälp', { serviceUrl: emulator.url }))).status).toBe(200);
    // Link via one process, book via the other: the booking sees the link.
    expect((await post(inChannel('grupp koppla samverkansgrupp'))).status).toBe(200);
    const mark = emulator.sent.length;
    expect((await post(inChannel('boka 2026-12-10 13:00 90 Nämndrummet'))).status).toBe(200);
    const card = emulator.sent.slice(mark).find((a) => cardKind(a) === 'meeting')!;
    expect(text(card)).toContain('Nämndrummet');
    meetingId = /"meetingId":"([^"]+)"/.exec(text(card))![1]!;
    // Answers through both processes all count.
    await invoke('meeting.rsvp', { meetingId, answer: 'yes' }, USERS.adele);
    const last = await invoke('meeting.rsvp', { meetingId, answer: 'maybe' }, USERS.alex);
    expect(JSON.stringify(last)).toContain('1 ja · 1 kanske · 0 nej');
    // Agenda proposals alternate between processes; the agenda holds both.
    await invoke('agenda.propose', { meetingId, text: 'Rutin vid hög frånvaro' }, USERS.adele);
    const agenda = await invoke('agenda.propose', { meetingId, text: 'Kompetensdag i mars' }, USERS.alex);
    expect(JSON.stringify(agenda)).toContain('Rutin vid hög frånvaro');
    expect(JSON.stringify(agenda)).toContain('Kompetensdag i mars');
    // The list through either process shows the meeting.
    for (let i = 0; i < 2; i++) {
      const m = emulator.sent.length;
      await post(inChannel('möten'));
      expect(text(emulator.sent.slice(m).find((a) => cardKind(a) === 'meeting-list'))).toContain('Nämndrummet');
    }
  }, 180_000);

  it('every scheduled message is sent exactly once, with both processes running the jobs at the same moments', async () => {
    const mark = emulator.sent.length;
    // The timers of three weeks: the weekly digest (Mondays 07:30), the agenda reminder (Mon 7 Dec 09:00), the day before (Wed 9 Dec 09:00), the minutes check (Tue 15 Dec 09:00).
    for (const now of [
      '2026-11-23T06:31:00Z',
      '2026-11-26T12:01:00Z',
      '2026-11-30T06:31:00Z',
      '2026-12-07T06:31:00Z',
      '2026-12-07T08:01:00Z',
      '2026-12-09T08:01:00Z',
      '2026-12-14T06:31:00Z',
      '2026-12-15T08:01:00Z',
    ])
      await runEverywhere(now);
    const sent = emulator.sent.slice(mark);
    const about = (s: string) => sent.filter((a) => text(a).includes(s));
    // The digest to Alex once a week: the Mondays 23 and 30 November, 7 and 14 December each once.
    const weeks = about('Samverkan – veckans läge').map((a) => /Vecka (\d+)/.exec(text(a))?.[1]);
    expect(weeks.sort()).toEqual(['48', '49', '50', '51']);
    expect(about('Dagordningen är inte publicerad')).toHaveLength(1); // to Alex, the convener with a chat
    expect(about('Påminnelse: gruppen möts i morgon.')).toHaveLength(1);
    expect(about('har inget justerat protokoll')).toHaveLength(1);
  }, 180_000);
});

function text(a: unknown): string {
  return JSON.stringify(
    a && typeof a === 'object' && 'body' in (a as object) ? (cardOf(a as never) ?? (a as { body: unknown }).body) : (a ?? {}),
  );
}
