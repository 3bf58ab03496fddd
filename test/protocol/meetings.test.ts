import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * Meetings over real HTTP against the connector emulator and Azurite:
 * booking by form and by quick syntax, refusals, answers that update the
 * channel card, moving and cancelling, reminders fired through
 * /api/jobs/run with `now`, and the calendar feed parsed by ical.js.
 */

const TEAM = '19:team-meetings@thread.tacv2';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let channelCounter = 0;
const newChannel = () => `19:channel-meetings-${++channelCounter}-${Date.now()}@thread.tacv2`;

beforeAll(async () => {
  // The tactical group's plan, set here so the series below does not follow the demo's own.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-org-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, 'extends: local-demo\nupdateGroups:\n  samverkansgrupp: { cadence: "at least 8 times a year" }\n');
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { ORG_CONFIG: file, SCHEDULER_TICK_MS: '0', PUBLIC_URL: 'https://samverkan.example.se' },
  });
});
afterAll(async () => t?.close());

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

const inChannel = (text: string, channelId: string, user: TestUser = USERS.alex, locale = 'sv-SE') =>
  channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId, teamId: TEAM, user, locale });

async function invoke(
  verb: string,
  data: Record<string, string>,
  o: { user?: TestUser; channelId?: string; replyToId?: string; locale?: string } = {},
) {
  const conversation = o.channelId ? { id: o.channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT } : undefined;
  const activity = actionExecute(verb, data, {
    serviceUrl: t.emulator.url,
    user: o.user,
    conversation,
    replyToId: o.replyToId,
    locale: o.locale,
  }) as Record<string, any>;
  if (o.channelId) activity.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: o.channelId } };
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  const body = JSON.parse(res.body) as { statusCode: number; value: Record<string, any> };
  expect(body.statusCode).toBe(200);
  return body.value;
}

const text = (card: unknown) => JSON.stringify(card ?? {});

function meetingsTable() {
  return TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}Meetings`, { allowInsecureConnection: true });
}

async function rows(groupId?: string): Promise<Array<Record<string, any>>> {
  const out: Array<Record<string, any>> = [];
  for await (const e of meetingsTable().listEntities<Record<string, any>>()) if (!groupId || e.groupId === groupId) out.push(e);
  return out.sort((a, b) => (a.start < b.start ? -1 : 1));
}

let lastLink = 0;
/** Links a new channel to the group; the clock moves on a second, so the latest link is the group's channel. */
async function linkedChannel(groupId: string): Promise<string> {
  lastLink = Math.max(clock.now.getTime(), lastLink + 1000);
  clock.now = new Date(lastLink);
  const channel = newChannel();
  const sent = await say(inChannel(`grupp koppla ${groupId}`, channel));
  expect(cardKind(sent[0]!)).toBe('group');
  return channel;
}

const runJobs = (job: string, now: string) => t.runJobSummary(job, new Date(now));

function meetingIdOf(card: Record<string, any>): string {
  const m = /"meetingId":"([^"]+)"/.exec(text(card));
  expect(m).not.toBeNull();
  return m![1]!;
}

describe('boka / schedule', () => {
  it('books at once with the quick syntax in the group channel: local time stored as UTC with the zone, the card is the invitation', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const channel = await linkedChannel('operativ');
    const sent = await say(inChannel('boka 2026-12-10 13:00 90 Kommunhuset, sal 3', channel));
    expect(sent).toHaveLength(1);
    expect(cardKind(sent[0]!)).toBe('meeting');
    const card = cardOf(sent[0]!)!;
    expect(text(card)).toContain('Torsdag 10 december 2026');
    expect(text(card)).toContain('13:00–14:30 (90 min)');
    expect(text(card)).toContain('Kommunhuset, sal 3');
    expect(text(card)).toContain('Mötet är bokat.');
    expect(text(card)).toContain('"verb":"meeting.rsvp"');
    const [row] = (await rows('operativ')).filter((r) => r.start === '2026-12-10T12:00:00.000Z');
    expect(row).toBeDefined();
    expect(row!.timeZone).toBe('Europe/Stockholm');
    expect(row!.end).toBe('2026-12-10T13:30:00.000Z');
    expect(row!.status).toBe('scheduled');
    // The card's message id is remembered so later changes update it for everyone.
    expect(row!.cardActivityId).toMatch(/^emu-\d+$/);
    expect(row!.cardConversationId).toBe(channel);
  });

  it('a booking Teams resends (same activity id) books once and posts nothing new', async () => {
    const channel = await linkedChannel('operativ');
    const activity = inChannel('boka 2026-12-14 10:00 60', channel) as Record<string, any>;
    const first = await say(activity);
    expect(cardKind(first[0]!)).toBe('meeting');
    const again = await say(activity);
    expect(again).toHaveLength(0);
    expect((await rows('operativ')).filter((r) => r.start === '2026-12-14T09:00:00.000Z')).toHaveLength(1);
  });

  it('keeps local time across daylight saving: 13:00 in April is 11:00 UTC', async () => {
    const channel = await linkedChannel('styrgrupp');
    const sent = await say(inChannel('boka 2027-04-01 13:00 60', channel));
    expect(cardKind(sent[0]!)).toBe('meeting');
    const starts = (await rows('styrgrupp')).map((r) => r.start);
    expect(starts).toContain('2027-04-01T11:00:00.000Z');
  });

  it('refuses a member who is not a convener, and books nothing', async () => {
    const channel = await linkedChannel('samverkansgrupp');
    const before = (await rows('samverkansgrupp')).length;
    const sent = await say(inChannel('boka 2026-12-11 09:00', channel, USERS.adele));
    expect(cardKind(sent[0]!)).toBe('not-allowed');
    expect(text(cardOf(sent[0]!))).toContain('Alex Wilber');
    expect((await rows('samverkansgrupp')).length).toBe(before);
  });

  it('refuses a time that has passed, on the form', async () => {
    const channel = await linkedChannel('operativ');
    const sent = await say(inChannel('boka 2026-11-20 13:00', channel));
    expect(cardKind(sent[0]!)).toBe('schedule-form');
    expect(text(cardOf(sent[0]!))).toContain('2026-11-20 13:00 har redan varit.');
  });

  it('a place that identifies a child is refused by the consent gate and nothing is stored', async () => {
    const channel = await linkedChannel('samverkansgrupp');
    const before = (await rows()).length;
    const sent = await say(inChannel('boka 2026-12-14 10:00 60 hemma hos eleven Ali Hassan, 7B', channel));
    expect(sent.map(cardKind)).toContain('consent-refusal');
    expect((await rows()).length).toBe(before);
  });

  it("gives the form with the channel's group preselected, and books from it; the form becomes the invitation", async () => {
    const channel = await linkedChannel('samverkansgrupp');
    const sent = await say(inChannel('boka', channel));
    expect(cardKind(sent[0]!)).toBe('schedule-form');
    const form = cardOf(sent[0]!)!;
    expect(text(form)).toContain('"id":"groupId"');
    expect(text(form)).toMatch(/"id":"groupId"[^}]*"value":"samverkansgrupp"/);
    for (const id of ['date', 'time', 'durationMinutes', 'location', 'recurrence']) expect(text(form)).toContain(`"id":"${id}"`);
    // Repetition in plain words, the group's plan in words; no rule to write.
    expect(text(form)).not.toContain('"id":"rrule"');
    for (const choice of ['Varje vecka', 'Varannan vecka', 'Enligt gruppens mötesplan (minst 8 gånger per år)'])
      expect(text(form)).toContain(choice);

    const card = await invoke(
      'meeting.schedule',
      {
        groupId: 'samverkansgrupp',
        date: '2026-12-15',
        time: '09:30',
        durationMinutes: '60',
        location: 'Teams',
        recurrence: 'none',
        rrule: '',
      },
      { channelId: channel, replyToId: 'form-message-1' },
    );
    expect(card.body[0].id).toBe('meeting');
    expect(text(card)).toContain('Tisdag 15 december 2026');
    const row = (await rows('samverkansgrupp')).find((r) => r.start === '2026-12-15T08:30:00.000Z');
    expect(row?.cardActivityId).toBe('form-message-1');
  });

  it('explains bad form data on the form itself', async () => {
    const card = await invoke('meeting.schedule', { groupId: 'samverkansgrupp', date: '2026-02-30', time: '25:00', durationMinutes: '5' });
    expect(card.body[0].id).toBe('schedule-form');
    expect(text(card)).toContain('Kontrollera Datum');
    expect(text(card)).toContain('Kontrollera Starttid');
    expect(text(card)).toContain('Kontrollera Längd (minuter)');
  });

  it("proposes a series from the group's cadence, which the convener adjusts and confirms", async () => {
    const channel = await linkedChannel('samverkansgrupp');
    const before = (await rows('samverkansgrupp')).length;
    const proposal = await invoke(
      'meeting.schedule',
      {
        groupId: 'samverkansgrupp',
        date: '2027-01-11',
        time: '13:00',
        durationMinutes: '90',
        location: 'Nämndrummet',
        recurrence: 'cadence',
        rrule: '',
      },
      { channelId: channel },
    );
    expect(proposal.body[0].id).toBe('schedule-form');
    expect(text(proposal)).toContain('Förslag på mötesserie');
    const datesInput = JSON.stringify(proposal).match(/"id":"dates"[^}]*"value":"([^"]*)"/);
    expect(datesInput).not.toBeNull();
    const lines = datesInput![1]!.split('\\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(/^20\d\d-\d\d-\d\d 13:00$/);
    expect((await rows('samverkansgrupp')).length).toBe(before); // nothing booked before confirming

    // The convener drops the last proposed date and adds one of their own.
    const edited = [...lines.slice(0, -1), '2027-06-01 10:00'];
    const mark = t.emulator.sent.length;
    const booked = await invoke(
      'meeting.schedule',
      {
        confirm: 'yes',
        groupId: 'samverkansgrupp',
        date: '2027-01-11',
        time: '13:00',
        durationMinutes: '90',
        location: 'Nämndrummet',
        recurrence: 'cadence',
        rrule: '',
        dates: edited.join('\n'),
      },
      { channelId: channel },
    );
    expect(booked.body[0].id).toBe('meeting-list');
    expect(text(booked)).toContain(`${edited.length} möten är bokade`);
    const series = (await rows('samverkansgrupp')).slice(before);
    expect(series).toHaveLength(edited.length);
    expect(new Set(series.map((r) => r.seriesId)).size).toBe(1);
    expect(series[0]!.seriesId).not.toBe('');
    expect(series.some((r) => r.start === '2027-06-01T08:00:00.000Z')).toBe(true);
    // The first meeting's card is shown in the channel now.
    const posted = t.emulator.sent.slice(mark).filter((a) => a.conversationId === channel && cardKind(a) === 'meeting');
    expect(posted).toHaveLength(1);
  });

  it('a bad line in the confirmed series is explained and nothing is booked', async () => {
    const before = (await rows()).length;
    const card = await invoke('meeting.schedule', {
      confirm: 'yes',
      groupId: 'samverkansgrupp',
      date: '2027-01-11',
      time: '13:00',
      durationMinutes: '90',
      recurrence: 'cadence',
      dates: '2027-02-01 13:00\nnästa tisdag',
    });
    expect(card.body[0].id).toBe('schedule-form');
    expect(text(card)).toContain('nästa tisdag');
    expect((await rows()).length).toBe(before);
  });

  it("books from personal chat and posts the invitation in the group's channel", async () => {
    const channel = await linkedChannel('styrgrupp');
    const mark = t.emulator.sent.length;
    const card = await invoke('meeting.schedule', {
      groupId: 'styrgrupp',
      date: '2026-12-16',
      time: '08:15',
      durationMinutes: '45',
      recurrence: '',
    });
    expect(card.body[0].id).toBe('meeting');
    expect(text(card)).toContain('visas i gruppens kanal');
    const posted = t.emulator.sent.slice(mark).find((a) => a.conversationId === channel && cardKind(a) === 'meeting');
    expect(posted).toBeDefined();
    expect(text(cardOf(posted!))).toContain('08:15–09:00');
  });
});

describe('answers, moving and cancelling', () => {
  let channel: string;
  let meetingId: string;
  let cardId: string;

  beforeAll(async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    channel = await linkedChannel('operativ');
    const sent = await say(inChannel('boka 2026-12-17 13:00 60', channel));
    meetingId = meetingIdOf(cardOf(sent[0]!)!);
    cardId = (await rows('operativ')).find((r) => r.start === '2026-12-17T12:00:00.000Z')!.cardActivityId;
    expect(cardId).toMatch(/^emu-/);
  });

  it('an answer updates the counts for everyone (the channel card is replaced) and shows the answerer their answer', async () => {
    const mark = t.emulator.sent.length;
    const card = await invoke('meeting.rsvp', { meetingId, answer: 'yes' }, { user: USERS.megan, channelId: channel, replyToId: cardId });
    expect(card.body[0].id).toBe('meeting');
    expect(text(card)).toContain('1 ja · 0 kanske · 0 nej');
    expect(text(card)).toContain('Ditt svar: ja.');
    const update = t.emulator.sent.slice(mark).find((a) => a.method === 'PUT' && a.activityId === cardId);
    expect(update).toBeDefined();
    expect(text(cardOf(update!))).toContain('1 ja · 0 kanske · 0 nej');
    expect(text(cardOf(update!))).not.toContain('Ditt svar');
    // Universal Actions refresh the card for those who answered.
    expect(cardOf(update!)!.refresh.userIds).toContain(USERS.megan.id);

    const again = await invoke('meeting.rsvp', { meetingId, answer: 'no' }, { user: USERS.megan, channelId: channel });
    expect(text(again)).toContain('0 ja · 0 kanske · 1 nej');
    const alex = await invoke('meeting.rsvp', { meetingId, answer: 'maybe' }, { user: USERS.alex, channelId: channel, locale: 'en-US' });
    expect(text(alex)).toContain('0 yes · 1 maybe · 1 no');
    expect(text(alex)).toContain('Your answer: maybe.');
  });

  it('someone outside the group cannot answer, is not shown the meeting, and the counts do not change', async () => {
    const card = await invoke('meeting.rsvp', { meetingId, answer: 'yes' }, { user: USERS.adele, channelId: channel });
    expect(card.body[0].id).toBe('not-allowed');
    expect(text(card)).not.toContain(meetingId);
    const row = (await rows('operativ')).find((r) => r.rowKey === meetingId || JSON.stringify(r).includes(meetingId));
    expect(Object.keys(JSON.parse(row!.rsvp))).not.toContain(USERS.adele.aadObjectId);
  });

  it('refresh shows the viewer their own answer', async () => {
    const card = await invoke('meeting.refresh', { meetingId }, { user: USERS.megan, channelId: channel });
    expect(text(card)).toContain('Ditt svar: nej.');
  });

  it('a member cannot move the meeting', async () => {
    const card = await invoke('meeting.move', { meetingId, date: '2026-12-18', time: '10:00' }, { user: USERS.megan, channelId: channel });
    expect(text(card)).toContain('Bara gruppens sammankallande kan flytta');
    const row = (await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))!;
    expect(row.start).toBe('2026-12-17T12:00:00.000Z');
  });

  it('boka flytta moves it: new time, SEQUENCE bumped, the channel card updated and the change told in its thread', async () => {
    const mark = t.emulator.sent.length;
    const sent = await say(inChannel('boka flytta 2026-12-17 till 2026-12-18 14:00', channel));
    expect(
      cardKind(sent.find((a) => a.conversationId.startsWith(channel) && a.method === 'POST' && !a.conversationId.includes('messageid'))!),
    ).toBe('meeting');
    const answer = sent
      .filter((a) => a.method === 'POST')
      .map((a) => text(cardOf(a)))
      .join('\n');
    expect(answer).toContain('Mötet är flyttat från 2026-12-17 13:00.');
    expect(answer).toContain('Fredag 18 december 2026');
    const row = (await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))!;
    expect(row.start).toBe('2026-12-18T13:00:00.000Z');
    expect(row.sequence).toBe(1);
    const after = t.emulator.sent.slice(mark);
    expect(after.some((a) => a.method === 'PUT' && a.activityId === cardId)).toBe(true);
    expect(after.some((a) => a.conversationId === `${channel};messageid=${cardId}`)).toBe(true);
  });

  it('the move button on the card moves it too, keeping the time when none is given', async () => {
    const card = await invoke('meeting.move', { meetingId, date: '2026-12-21' }, { channelId: channel });
    expect(text(card)).toContain('Måndag 21 december 2026');
    expect(text(card)).toContain('14:00');
    const row = (await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))!;
    expect(row.start).toBe('2026-12-21T13:00:00.000Z');
    expect(row.sequence).toBe(2);
  });

  it('cancelling asks first, touching nothing; confirmed, it marks it cancelled, removes the buttons and updates the channel card', async () => {
    const asked = t.emulator.sent.length;
    const question = await invoke('meeting.cancel', { meetingId, scope: 'one' }, { channelId: channel });
    expect(text(question)).toContain('Vill du ställa in mötet?');
    expect(text(question)).toMatch(/"title":"Ställ in mötet"[^}]*"data":\{[^}]*"confirm":"yes"/);
    expect(text(question)).toContain('"title":"Behåll"');
    expect((await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))?.status).toBe('scheduled');
    expect(t.emulator.sent.slice(asked)).toEqual([]);
    const mark = t.emulator.sent.length;
    const card = await invoke('meeting.cancel', { meetingId, scope: 'one', confirm: 'yes' }, { channelId: channel });
    expect(text(card)).toContain('Mötet är inställt.');
    expect(text(card)).toContain('Inställt');
    expect(text(card)).not.toContain('"verb":"meeting.rsvp"');
    const row = (await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))!;
    expect(row.status).toBe('cancelled');
    expect(row.sequence).toBe(3);
    expect(t.emulator.sent.slice(mark).some((a) => a.method === 'PUT' && a.activityId === cardId)).toBe(true);
    const late = await invoke('meeting.rsvp', { meetingId, answer: 'yes' }, { user: USERS.megan, channelId: channel });
    expect(text(late)).toContain('Mötet var redan inställt.');
  });

  it('boka ställ in … serien cancels the rest of a series and leaves earlier meetings alone', async () => {
    const ch = await linkedChannel('styrgrupp');
    await invoke(
      'meeting.schedule',
      {
        confirm: 'yes',
        groupId: 'styrgrupp',
        date: '2027-02-01',
        time: '10:00',
        durationMinutes: '60',
        recurrence: 'custom',
        dates: '2027-02-01\n2027-03-01\n2027-04-05\n2027-05-03',
      },
      { channelId: ch },
    );
    const sent = await say(inChannel('boka ställ in 2027-03-01 serien', ch));
    expect(text(cardOf(sent[sent.length - 1]!))).toContain('3 möten i serien är inställda.');
    const series = (await rows('styrgrupp')).filter((r) => r.start >= '2027-02-01' && r.start < '2027-06-01' && r.seriesId);
    const byDate = Object.fromEntries(series.map((r) => [r.start.slice(0, 10), r.status]));
    expect(byDate).toMatchObject({
      '2027-02-01': 'scheduled',
      '2027-03-01': 'cancelled',
      '2027-04-05': 'cancelled',
      '2027-05-03': 'cancelled',
    });
  });

  it('an unknown date says so', async () => {
    const sent = await say(inChannel('boka ställ in 2027-08-30', channel));
    expect(text(cardOf(sent[0]!))).toContain('Jag hittar inget kommande möte för gruppen den 2027-08-30.');
  });
});

describe('reminders through /api/jobs/run', () => {
  it('conveners are reminded privately three working days before when the agenda is unpublished, the channel the day before; each once', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    // Alex has a personal chat with the bot, so a private reminder can reach him.
    await say(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
    const channel = await linkedChannel('operativ');
    const sent = await say(inChannel('boka 2027-01-14 13:00 60', channel)); // a Thursday
    const meetingId = meetingIdOf(cardOf(sent[0]!)!);
    const cardId = (await rows('operativ')).find((r) => JSON.stringify(r).includes(meetingId))!.cardActivityId;

    // Monday 11 January 09:00 local (08:00 UTC) is three working days before.
    let mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-01-11T07:59:00Z');
    expect(t.emulator.sent.slice(mark).filter((a) => JSON.stringify(a.body).includes(meetingId))).toHaveLength(0);
    mark = t.emulator.sent.length;
    const agenda = await runJobs('reminders', '2027-01-11T08:01:00Z');
    expect(agenda.sent).toBeGreaterThanOrEqual(1);
    const privateReminder = t.emulator.sent.slice(mark).find((a) => a.conversationId === `a:personal-${USERS.alex.id}`);
    expect(privateReminder).toBeDefined();
    expect(text(cardOf(privateReminder!))).toContain('Dagordningen är inte publicerad och mötet är om 3 arbetsdagar');

    // The day before at 09:00 local: in the channel, in the card's thread.
    mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-01-13T08:01:00Z');
    const channelReminder = t.emulator.sent.slice(mark).find((a) => a.conversationId === `${channel};messageid=${cardId}`);
    expect(channelReminder).toBeDefined();
    expect(text(cardOf(channelReminder!))).toContain('Påminnelse: gruppen möts i morgon.');

    // Running again sends nothing more.
    mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-01-13T09:00:00Z');
    await runJobs('tick', '2027-01-13T10:00:00Z');
    expect(t.emulator.sent.slice(mark).filter((a) => JSON.stringify(a.body).includes(meetingId))).toHaveLength(0);
  });

  it('a moved meeting is reminded at its new time only; a cancelled one not at all', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const channel = await linkedChannel('samverkansgrupp');
    const sent = await say(inChannel('boka 2027-02-04 13:00 60', channel));
    const meetingId = meetingIdOf(cardOf(sent[0]!)!);
    await invoke('meeting.move', { meetingId, date: '2027-02-11', time: '13:00' }, { channelId: channel });
    const other = await say(inChannel('boka 2027-02-05 13:00 60', channel));
    const cancelledId = meetingIdOf(cardOf(other[0]!)!);
    await invoke('meeting.cancel', { meetingId: cancelledId, scope: 'one', confirm: 'yes' }, { channelId: channel });

    let mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-02-04T09:00:00Z'); // past the old day-before and the cancelled one's
    expect(t.emulator.sent.slice(mark).filter((a) => a.conversationId.startsWith(channel))).toHaveLength(0);
    mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-02-10T08:01:00Z');
    const reminders = t.emulator.sent.slice(mark).filter((a) => a.conversationId.startsWith(channel));
    expect(reminders).toHaveLength(1);
    expect(text(cardOf(reminders[0]!))).toContain('Torsdag 11 februari 2027');
  });
});

describe('möten / meetings and the calendar feed', () => {
  let channel: string;
  let feed: string;

  beforeAll(async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    channel = await linkedChannel('samverkansgrupp');
  });

  it("lists the coming meetings; a convener also gets the group's calendar link with a hint", async () => {
    await say(inChannel('boka 2026-12-03 13:00 60 Nämndrummet', channel));
    const sent = await say(inChannel('möten', channel));
    expect(cardKind(sent[0]!)).toBe('meeting-list');
    const card = cardOf(sent[0]!)!;
    expect(text(card)).toContain('Nämndrummet');
    expect(text(card)).toContain('Prenumerera i Outlook');
    const m = /https:\/\/samverkan\.example\.se\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(text(card));
    expect(m).not.toBeNull();
    feed = m![1]!;
  });

  it('a member sees the list without the link; someone in no group is refused', async () => {
    const sent = await say(inChannel('meetings', channel, USERS.adele, 'en-US'));
    expect(cardKind(sent[0]!)).toBe('meeting-list');
    expect(text(cardOf(sent[0]!))).toContain('Coming meetings');
    expect(text(cardOf(sent[0]!))).not.toContain('/calendar/');
    const refused = await say(inChannel('möten', channel, USERS.isaiah));
    expect(cardKind(refused[0]!)).toBe('not-allowed');
  });

  it('serves the feed as RFC 5545 with Europe/Stockholm times, stable UIDs, SEQUENCE and cancellations', async () => {
    const sent = await say(inChannel('boka 2027-03-25 13:00 60', channel));
    const meetingId = meetingIdOf(cardOf(sent[0]!)!);
    await invoke('meeting.move', { meetingId, date: '2027-04-01' }, { channelId: channel });
    const gone = await say(inChannel('boka 2027-04-08 13:00 60', channel));
    await invoke('meeting.cancel', { meetingId: meetingIdOf(cardOf(gone[0]!)!), scope: 'one', confirm: 'yes' }, { channelId: channel });

    const res = await fetch(`${t.bot.url}/calendar/${feed}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await res.text();
    const cal = new ICAL.Component(ICAL.parse(body));
    const zone = cal.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    const events = cal.getAllSubcomponents('vevent').map((v: any) => new ICAL.Event(v));
    const moved = events.find((e: any) => e.uid === `${meetingId}@samverkan`)!;
    expect(moved).toBeDefined();
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-04-01T11:00:00.000Z'); // 13:00 CEST
    expect(moved.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(moved.sequence).toBe(1);
    const december = events.find((e: any) => e.startDate.toJSDate().toISOString() === '2026-12-03T12:00:00.000Z'); // 13:00 CET
    expect(december).toBeDefined();
    const cancelledEvent = events.find((e: any) => e.startDate.toJSDate().toISOString() === '2027-04-08T11:00:00.000Z')!;
    expect(cancelledEvent.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('a wrong token gets 404', async () => {
    expect((await fetch(`${t.bot.url}/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${t.bot.url}/calendar/short.ics`)).status).toBe(404);
  });

  it('möten ny-länk rotates the link: the old one stops working, the new one works', async () => {
    const sent = await say(inChannel('möten ny-länk', channel));
    expect(cardKind(sent[0]!)).toBe('meeting-list');
    const m = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(text(cardOf(sent[0]!)));
    expect(m![1]).not.toBe(feed);
    expect((await fetch(`${t.bot.url}/calendar/${feed}.ics`)).status).toBe(404);
    expect((await fetch(`${t.bot.url}/calendar/${m![1]}.ics`)).status).toBe(200);
    // Only conveners may rotate it.
    const refused = await invoke('meeting.newLink', { groupId: 'samverkansgrupp' }, { user: USERS.adele, channelId: channel });
    expect(refused.body[0].id).toBe('not-allowed');
  });

  it('grupp counts meetings held this year against the cadence', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const ch = await linkedChannel('samverkansgrupp');
    await say(inChannel('boka 2026-11-23 09:00 60', ch));
    clock.now = new Date('2026-11-24T10:00:00.000Z');
    const sent = await say(inChannel('grupp', ch));
    const card = text(cardOf(sent[0]!));
    // At least 8 a year: by late November 7 were due; one was held in Samverkan.
    expect(card).toContain('1 av 7 möten hållna');
    clock.now = new Date('2026-11-22T10:00:00.000Z');
  });
});
