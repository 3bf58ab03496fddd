import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * A connector that refuses replies in a thread (404 ConversationNotFound for
 * a post into `<channel>;messageid=…`, as the Microsoft 365 Agents
 * Playground does): every user action still succeeds and its card shows the
 * true state, and what would have gone into the meeting card's thread
 * arrives at top level in the channel instead. A summary the connector will
 * not take at all is posted later by a job, once.
 */

const TEAM = '19:team-thread-fallback@thread.tacv2';
const TOKEN = 'test-admin-token-0123456789abcdef';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
const channel = `19:channel-thread-fallback-${Date.now()}@thread.tacv2`;
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { SCHEDULER_TICK_MS: '0', PUBLIC_URL: 'http://127.0.0.1:9' },
  });
  t.emulator.rejectThreadReplies = true;
  await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
});
afterAll(async () => t?.close());

const text = (card: unknown) => JSON.stringify(card ?? {});
const meetingIdOf = (card: unknown) => /"meetingId":"([^"]+)"/.exec(text(card))![1]!;
const topLevel = (a: SentActivity) => a.method === 'POST' && a.conversationId === channel;
const refusedThreadPosts = () => t.emulator.requests.filter((r) => r.method === 'POST' && r.path.includes(`${channel};messageid=`));

async function say(message: string): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const activity = channelMessage(message, { serviceUrl: t.emulator.url, mention: true, channelId: channel, teamId: TEAM });
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

/** A card action in the channel; `en-US` is what the Agents Playground always sends. */
async function invoke(verb: string, data: Record<string, string>, locale?: string) {
  const conversation = { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT };
  const activity = actionExecute(verb, data, { serviceUrl: t.emulator.url, conversation, locale }) as Record<string, any>;
  activity.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: channel } };
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

async function runJobs(job: string, now: string) {
  const res = await fetch(`${t.bot.url}/api/jobs/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ job, now }),
  });
  expect(res.status).toBe(200);
}

async function book(when: string): Promise<string> {
  const sent = await say(`boka ${when}`);
  const card = sent.find((a) => cardKind(a) === 'meeting');
  expect(card && topLevel(card)).toBe(true);
  return meetingIdOf(cardOf(card!));
}

const FIELDS = {
  attendees: 'alex.wilber',
  decisions: 'Rutinen för orosanmälan antas.',
  actions: 'Uppdatera rutinen; Alex Wilber; 2027-01-15',
};

describe('a connector that refuses replies in a thread', () => {
  let meetingId: string;
  let unreachable: string;

  beforeAll(async () => {
    await say('grupp koppla samverkansgrupp');
    meetingId = await book('2026-11-26 13:00 60');
    unreachable = await book('2026-11-24 13:00 60');
  });

  it('a proposal succeeds and its card shows the new item', async () => {
    const card = await invoke('agenda.propose', { meetingId, text: 'Rutin för orosanmälan' });
    expect(card.body[0].id).toBe('agenda');
    expect(text(card)).toContain('Rutin för orosanmälan');
    expect(text(card)).toContain('Punkten är tillagd. Den tas upp på mötet Torsdag 26 november 2026');
  });

  it('moving the meeting succeeds, and the change is told at top level in the channel', async () => {
    const refused = refusedThreadPosts().length;
    const mark = t.emulator.sent.length;
    const card = await invoke('meeting.move', { meetingId, date: '2026-11-27' });
    expect(text(card)).toContain('Fredag 27 november 2026');
    expect(refusedThreadPosts().length).toBeGreaterThan(refused);
    const told = t.emulator.sent.slice(mark).filter(topLevel);
    expect(told.map((a) => text(cardOf(a))).join('\n')).toContain('Mötet är flyttat');
  });

  it("the day before's reminder arrives at top level", async () => {
    const mark = t.emulator.sent.length;
    await runJobs('reminders', '2026-11-26T08:01:00Z');
    const reminder = t.emulator.sent.slice(mark).find((a) => topLevel(a) && text(cardOf(a)).includes(meetingId));
    expect(text(cardOf(reminder!))).toContain('Påminnelse: gruppen möts i morgon.');
  });

  it('finalising succeeds, the card says final at once, and the summary arrives at top level', async () => {
    clock.now = new Date('2026-11-27T15:00:00.000Z');
    const mark = t.emulator.sent.length;
    const card = await invoke('minutes.finalize', { meetingId, ...FIELDS }, 'en-US');
    expect(text(card)).toContain('The minutes are final');
    expect(text(card)).toContain('"text":"Final"');
    expect(text(card)).not.toContain('"verb":"minutes.finalize"');
    expect(text(card)).not.toContain('"type":"Input.');
    const summaries = t.emulator.sent.slice(mark).filter((a) => cardKind(a) === 'minutes-summary');
    expect(summaries).toHaveLength(1);
    expect(topLevel(summaries[0]!)).toBe(true);
    expect(text(cardOf(summaries[0]!))).toContain('Rutinen för orosanmälan antas.');
  });

  it('a summary the connector will not take at all fails nothing: a job posts it later, once', async () => {
    t.emulator.failWith = 403;
    const card = await invoke('minutes.finalize', { meetingId: unreachable, ...FIELDS });
    t.emulator.failWith = undefined;
    expect(text(card)).toContain('Protokollet är justerat');
    const mark = t.emulator.sent.length;
    await runJobs('tick', '2026-11-27T15:05:00Z');
    await runJobs('tick', '2026-11-27T15:30:00Z');
    const summaries = t.emulator.sent.slice(mark).filter((a) => cardKind(a) === 'minutes-summary');
    expect(summaries).toHaveLength(1);
    expect(topLevel(summaries[0]!)).toBe(true);
  });
});

/** What reached the channel at top level after `mark` whose card says `what`. */
const toldAfter = (mark: number, what: string) => t.emulator.sent.slice(mark).filter((a) => topLevel(a) && text(cardOf(a)).includes(what));

describe('a connector down for a while (5xx), then back', () => {
  let a: string;
  let b: string;

  beforeAll(async () => {
    a = await book('2026-12-08 13:00 60');
    b = await book('2026-12-09 13:00 60');
  });

  it('moving, cancelling and proposing succeed while it is down, with the true state; each notice arrives once when it is back', async () => {
    const mark = t.emulator.sent.length;
    t.emulator.failWith = 503;
    const moved = await invoke('meeting.move', { meetingId: a, date: '2026-12-10' });
    const cancelled = await invoke('meeting.cancel', { meetingId: b, confirm: 'yes' });
    const proposed = await invoke('agenda.propose', { meetingId: a, text: 'Skolnärvaro under vintern' });
    t.emulator.failWith = undefined;
    expect(t.emulator.failures).toBeGreaterThan(0);
    // Each action answered with what is now true, nothing delivered yet.
    expect(text(moved)).toContain('Torsdag 10 december 2026');
    expect(text(moved)).toContain('Mötet är flyttat');
    expect(text(cancelled)).toContain('Mötet är inställt');
    expect(text(proposed)).toContain('Skolnärvaro under vintern');
    expect(toldAfter(mark, 'Mötet är flyttat')).toHaveLength(0);

    // Back: the delivery jobs send what the turns recorded, once, however often the scheduler runs.
    await runJobs('tick', '2026-11-27T15:10:00Z');
    await runJobs('tick', '2026-11-27T16:00:00Z');
    await runJobs('tick', '2026-11-28T09:00:00Z');
    expect(toldAfter(mark, 'Mötet är flyttat')).toHaveLength(1);
    expect(toldAfter(mark, 'Mötet är inställt')).toHaveLength(1);
    // The cards in the channel were updated in place to the true state.
    const updates = t.emulator.sent.slice(mark).filter((x) => x.method === 'PUT');
    expect(updates.some((u) => text(cardOf(u)).includes(a) && text(cardOf(u)).includes('Torsdag 10 december 2026'))).toBe(true);
    expect(updates.some((u) => text(cardOf(u)).includes(b) && /[Ii]nställt/.test(text(cardOf(u))))).toBe(true);
  });
});

describe('a card that can no longer be updated', () => {
  it('is posted afresh at top level once, and the next change updates the new card', async () => {
    const c = await book('2026-12-15 13:00 60');
    const refusedBefore = t.emulator.requests.filter((r) => r.method === 'PUT' && r.status === 404).length;
    t.emulator.refuseUpdates = 404;
    const mark = t.emulator.sent.length;
    const answered = await invoke('meeting.rsvp', { meetingId: c, answer: 'yes' });
    t.emulator.refuseUpdates = undefined;
    expect(text(answered)).toContain(c);
    const refused = t.emulator.requests.filter((r) => r.method === 'PUT' && r.status === 404);
    expect(refused.length).toBeGreaterThan(refusedBefore);
    const reposted = t.emulator.sent.slice(mark).filter((x) => topLevel(x) && cardKind(x) === 'meeting' && text(cardOf(x)).includes(c));
    expect(reposted).toHaveLength(1);

    const mark2 = t.emulator.sent.length;
    await invoke('meeting.rsvp', { meetingId: c, answer: 'no' });
    const after = t.emulator.sent.slice(mark2);
    const put = after.find((x) => x.method === 'PUT' && text(cardOf(x)).includes(c));
    expect(put).toBeDefined();
    // The new card is the one updated, not the refused one; and nothing was posted again.
    expect(put!.path).not.toBe(refused.at(-1)!.path);
    expect(after.filter((x) => topLevel(x) && cardKind(x) === 'meeting')).toHaveLength(0);
  });
});
