import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { FLAGGED, SUBJECTS } from './consent.fixtures';
import { checked } from '../support/checked';

/**
 * Agendas and minutes over real HTTP against the connector emulator and
 * Azurite: proposing (by command and on the card), the consent gate on
 * proposals, case references in the operative group, publishing, minutes
 * drafts with bad data explained, finalising with the summary in the
 * channel, the printable page, actions carried over and reminders fired
 * through /api/jobs/run.
 */

const TEAM = '19:team-agenda@thread.tacv2';
const TOKEN = 'test-admin-token-0123456789abcdef';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let counter = 0;
let lastLink = 0;
/** A new channel id; the clock moves on a second, so the channel linked last is the group's channel. */
const newChannel = () => {
  lastLink = Math.max(clock.now.getTime(), lastLink + 1000);
  clock.now = new Date(lastLink);
  return `19:channel-agenda-${++counter}-${Date.now()}@thread.tacv2`;
};

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { SCHEDULER_TICK_MS: '0', PUBLIC_URL: 'http://127.0.0.1:9' },
  });
  await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
});
afterAll(async () => t?.close());

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}
const inChannel = (text: string, channelId: string, user: TestUser = USERS.alex, id?: string) => {
  const a = channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId, teamId: TEAM, user }) as Record<string, any>;
  if (id) a.id = id;
  return a;
};
async function invoke(verb: string, data: Record<string, string>, o: { user?: TestUser; channelId?: string; replyToId?: string } = {}) {
  const conversation = o.channelId ? { id: o.channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT } : undefined;
  const activity = actionExecute(verb, data, { serviceUrl: t.emulator.url, user: o.user, conversation, replyToId: o.replyToId }) as Record<
    string,
    any
  >;
  if (o.channelId) activity.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: o.channelId } };
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const text = (card: unknown) => JSON.stringify(card ?? {});
const meetingIdOf = (card: unknown) => /"meetingId":"([^"]+)"/.exec(text(card))![1]!;

async function runJobs(job: string, now: string) {
  const res = await fetch(`${t.bot.url}/api/jobs/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ job, now }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { sent: number };
}

async function tableRows(name: string): Promise<Array<Record<string, any>>> {
  const table = TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}${name}`, {
    allowInsecureConnection: true,
  });
  const out: Array<Record<string, any>> = [];
  for await (const e of table.listEntities<Record<string, any>>()) out.push(e);
  return out;
}

async function book(channel: string, when: string): Promise<string> {
  const sent = await say(inChannel(`boka ${when}`, channel));
  expect(cardKind(sent[0]!)).toBe('meeting');
  return meetingIdOf(cardOf(sent[0]!));
}

const consent = (over: Partial<Consent>): Consent => ({
  caseRef: 'SAM-7K2M9QXA',
  tenantId: TENANT,
  subject: { personnummer: 'hash-pnr' },
  parties: ['guardian1', 'guardian2'],
  form: 'written',
  documentRef: checked('D-1'),
  scope: { groupIds: ['operativ'], agencies: [], informationCategories: checked('skolgång'), exclusions: checked('') },
  purpose: checked('SIP'),
  validFrom: '2026-01-01',
  validUntil: '2027-06-30',
  recordedBy: USERS.megan.aadObjectId,
  recordedAt: '2026-01-01T08:00:00.000Z',
  ...over,
});

describe('the agenda', () => {
  let channel: string;
  let meetingId: string;
  let agendaCardId: string;

  beforeAll(async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    channel = newChannel();
    await say(inChannel('grupp koppla samverkansgrupp', channel));
    meetingId = await book(channel, '2026-12-03 13:00 90');
  });

  it("dagordning posts the next meeting's agenda with the tactical level's standing items", async () => {
    const sent = (await say(inChannel('dagordning', channel))).filter((a) => a.method === 'POST');
    expect(cardKind(sent[0]!)).toBe('agenda');
    const card = text(cardOf(sent[0]!));
    for (const item of [
      'Rutiner och deras översyn',
      'Avidentifierade eller påhittade fall',
      'Kompetensutvecklingsplanen',
      'Frågor att lyfta till styrgruppen',
    ])
      expect(card).toContain(item);
    expect(card).toContain('Dagordning · Samverkansgrupp');
    expect(card).toContain('"verb":"agenda.propose"');
    expect(card).toContain('"verb":"agenda.publish"');
    agendaCardId = /emu-\d+/.exec(sent[0]!.path)?.[0] ?? '';
    const row = (await tableRows('Agendas'))[0];
    expect(row?.cardActivityId).toMatch(/^emu-\d+$/);
    agendaCardId = row!.cardActivityId;
  });

  it('a member proposes with dagordning + text; the posted card is updated for everyone; a resent activity is not added twice', async () => {
    const activity = inChannel('dagordning + Rutin för frånvaro (15 min)', channel, USERS.adele, 'teams-activity-42');
    const sent = await say(activity);
    const answer = sent.find((a) => a.method === 'POST')!;
    expect(cardKind(answer)).toBe('agenda');
    expect(text(cardOf(answer))).toContain('Rutin för frånvaro');
    expect(text(cardOf(answer))).toContain('Föreslagen av Adele Vance');
    expect(text(cardOf(answer))).toContain('15 min');
    const update = sent.find((a) => a.method === 'PUT' && a.activityId === agendaCardId);
    expect(update).toBeDefined();
    expect(text(cardOf(update!))).toContain('Rutin för frånvaro');

    await say(inChannel('dagordning + Rutin för frånvaro (15 min)', channel, USERS.adele, 'teams-activity-42'));
    const items = JSON.parse((await tableRows('Agendas')).find((r) => r.rowKey === meetingId)!.items) as Array<{ text: string }>;
    expect(items.filter((i) => i.text === 'Rutin för frånvaro')).toHaveLength(1);
    // The meeting card now says proposals are open.
    const meeting = (await tableRows('Meetings')).find((r) => r.rowKey === meetingId)!;
    expect(meeting.agendaStatus).toBe('draft');
  });

  it('proposes on the card too (Action.Execute), answering with the updated card', async () => {
    const card = await invoke(
      'agenda.propose',
      { meetingId, text: 'Kompetensplanen för våren' },
      { user: USERS.adele, channelId: channel, replyToId: agendaCardId },
    );
    expect(card.body[0].id).toBe('agenda');
    expect(text(card)).toContain('Kompetensplanen för våren');
    expect(text(card)).toContain('Punkten är tillagd.');
  });

  it('an identifiable proposal is refused on the card and not stored', async () => {
    const card = await invoke('agenda.propose', { meetingId, text: FLAGGED.aAbsence }, { user: USERS.adele, channelId: channel });
    expect(card.body[0].id).toBe('agenda');
    expect(text(card)).not.toContain(SUBJECTS.a.personnummer);
    expect(text(card)).toMatch(/personnummer/i);
    const stored = JSON.stringify(await tableRows('Agendas'));
    expect(stored).not.toContain(SUBJECTS.a.personnummer);
    expect(stored).not.toContain('hög frånvaro');
  });

  it('a case reference is refused outside the operative level', async () => {
    const card = await invoke('agenda.propose', { meetingId, text: 'SAM-7K2M9QXA uppföljning' }, { user: USERS.alex, channelId: channel });
    expect(text(card)).toContain('Individärenden tas bara upp i operativa grupper');
  });

  it('someone outside the group cannot propose; a member cannot publish; a convener publishes', async () => {
    // Someone outside the group is not shown the agenda at all (read-access.test.ts).
    expect((await invoke('agenda.propose', { meetingId, text: 'Något' }, { user: USERS.isaiah, channelId: channel })).body[0].id).toBe(
      'not-allowed',
    );
    expect(text(await invoke('agenda.publish', { meetingId }, { user: USERS.adele, channelId: channel }))).toContain(
      'Bara gruppens sammankallande kan publicera dagordningen.',
    );
    const mark = t.emulator.sent.length;
    const card = await invoke('agenda.publish', { meetingId }, { user: USERS.alex, channelId: channel });
    expect(text(card)).toContain('Dagordningen är publicerad.');
    expect(text(card)).toContain('Publicerad');
    expect(text(card)).not.toContain('"verb":"agenda.publish"');
    const meeting = (await tableRows('Meetings')).find((r) => r.rowKey === meetingId)!;
    expect(meeting.agendaStatus).toBe('published');
    // The meeting card in the channel shows the agenda as published.
    const puts = t.emulator.sent.slice(mark).filter((a) => a.method === 'PUT');
    expect(puts.some((a) => cardKind(a) === 'meeting' && text(cardOf(a)).includes('Publicerad'))).toBe(true);
  });
});

describe('case references in the operative group', () => {
  let channel: string;
  let meetingId: string;

  beforeAll(async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const consents = t.bot.services.consents;
    await consents.record(consent({ caseRef: 'SAM-AAAA1111' }));
    await consents.record(consent({ caseRef: 'SAM-BBBB2222', validUntil: '2026-10-01' }));
    await consents.record(
      consent({ caseRef: 'SAM-CCCC3333', withdrawnAt: '2026-09-01T00:00:00.000Z', withdrawnBy: 'x' } as Partial<Consent>),
    );
    await consents.record(
      consent({
        caseRef: 'SAM-DDDD4444',
        scope: { groupIds: ['samverkansgrupp'], agencies: [], informationCategories: checked(''), exclusions: checked('') },
      }),
    );
    channel = newChannel();
    await say(inChannel('grupp koppla operativ', channel));
    meetingId = await book(channel, '2026-12-08 09:00 60');
  });

  it('a case with a consent in force for the group is added with its validity', async () => {
    const card = await invoke(
      'agenda.propose',
      { meetingId, text: 'SAM-AAAA1111 uppföljning av skolgång (10 min)' },
      { user: USERS.megan, channelId: channel },
    );
    expect(text(card)).toContain('Punkten är tillagd.');
    expect(text(card)).toContain('Ärende SAM-AAAA1111 · samtycke gäller t.o.m. 2027-06-30');
    expect(text(card)).toContain('Individärenden (med ärendereferens)');
  });

  it.each([
    ['SAM-ZZZZ9999', 'har inget samtycke i registret'],
    ['SAM-BBBB2222', 'har gått ut'],
    ['SAM-CCCC3333', 'är återkallat'],
    ['SAM-DDDD4444', 'gäller inte den här gruppen'],
  ])('%s is refused: %s', async (ref, why) => {
    const card = await invoke('agenda.propose', { meetingId, text: `${ref} ny information` }, { user: USERS.megan, channelId: channel });
    expect(text(card)).toContain(why);
    const items = JSON.parse((await tableRows('Agendas')).find((r) => r.rowKey === meetingId)!.items) as Array<{ caseRef?: string }>;
    expect(items.some((i) => i.caseRef === ref)).toBe(false);
  });
});

describe('minutes', () => {
  let channel: string;
  let meetingId: string;

  beforeAll(async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    channel = newChannel();
    await say(inChannel('grupp koppla samverkansgrupp', channel));
    meetingId = await book(channel, '2026-11-30 13:00 60');
    await invoke('agenda.propose', { meetingId, text: 'Rutin för orosanmälan' }, { user: USERS.adele, channelId: channel });
    clock.now = new Date('2026-11-30T15:00:00.000Z');
  });

  it('protokoll gives conveners the minutes card of the latest meeting; members are refused', async () => {
    const sent = await say(inChannel('protokoll', channel));
    expect(cardKind(sent[0]!)).toBe('minutes');
    const card = text(cardOf(sent[0]!));
    expect(card).toContain('"id":"attendees"');
    expect(card).toContain('Alex Wilber');
    expect(card).toContain('Anteckningar: Rutin för orosanmälan');
    expect(card).toContain('"verb":"minutes.finalize"');
    const refused = await say(inChannel('protokoll', channel, USERS.adele));
    expect(cardKind(refused[0]!)).toBe('not-allowed');
  });

  it('bad data is explained on the card and nothing is stored', async () => {
    const card = await invoke(
      'minutes.save',
      { meetingId, attendees: 'alex.wilber', actions: 'Uppdatera rutinen; ; 2027-01-15\nBjud in BUP; Adele Vance; snart', decisions: '' },
      { channelId: channel },
    );
    expect(card.body[0].id).toBe('minutes');
    expect(text(card)).toContain('Åtgärd på rad 1: vem ansvarar?');
    expect(text(card)).toContain('Åtgärd på rad 2: \\"snart\\" är inget datum');
    // The convener's input comes back for fixing.
    expect(text(card)).toContain('Bjud in BUP; Adele Vance; snart');
    expect((await tableRows('Minutes')).filter((r) => r.rowKey === meetingId)).toHaveLength(0);
  });

  it('identifiable text in a field is stopped by the gate, dropped and not stored', async () => {
    const card = await invoke('minutes.save', { meetingId, decisions: FLAGGED.aAbsence }, { channelId: channel });
    expect(text(card)).toContain('stoppades av samtyckesspärren');
    expect(text(card)).not.toContain(SUBJECTS.a.personnummer);
    expect(JSON.stringify(await tableRows('Minutes'))).not.toContain(SUBJECTS.a.personnummer);
  });

  it('saves a draft, then finalises: the summary is posted in the channel, actions kept, the record printable', async () => {
    const fields = {
      meetingId,
      attendees: 'alex.wilber,adele.vance,not.a.member',
      guests: 'Eva Ek, rektor',
      decisions: 'Rutinen för orosanmälan antas.\nNästa möte tar upp kompetensplanen.',
      actions: 'Uppdatera rutinen; Alex Wilber; 2027-01-15\nBjud in BUP; Adele Vance; 2027-02-01',
    };
    const draft = await invoke('minutes.save', fields, { channelId: channel });
    expect(text(draft), text(draft)).toContain('Utkastet är sparat.');
    expect((await tableRows('Minutes')).find((r) => r.rowKey === meetingId)?.status).toBe('draft');

    const mark = t.emulator.sent.length;
    const final = await invoke('minutes.finalize', fields, { channelId: channel });
    expect(text(final)).toContain('Protokollet är justerat');
    expect(text(final)).not.toContain('"verb":"minutes.save"');
    const row = (await tableRows('Minutes')).find((r) => r.rowKey === meetingId)!;
    expect(row.status).toBe('final');
    expect(JSON.parse(row.attendees)).toEqual(['alex.wilber', 'adele.vance']);
    const summary = t.emulator.sent.slice(mark).find((a) => cardKind(a) === 'minutes-summary');
    expect(summary?.conversationId.startsWith(channel)).toBe(true);
    expect(text(cardOf(summary!))).toContain('Rutinen för orosanmälan antas.');
    expect(text(cardOf(summary!))).toContain('Uppdatera rutinen');
    const actions = (await tableRows('Actions')).map((a) => [a.what, a.whoPersonId, a.due]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['Uppdatera rutinen', 'alex.wilber', '2027-01-15'],
        ['Bjud in BUP', 'adele.vance', '2027-02-01'],
      ]),
    );

    const url = /"url":"(http[^"]+\/minutes\/[A-Za-z0-9_-]{43}\.html)"/.exec(text(final))![1]!;
    const page = await fetch(`${t.bot.url}${new URL(url).pathname}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Protokoll, Samverkansgrupp');
    expect(html).toContain('Rutinen för orosanmälan antas.');
    expect(html).toContain('Eva Ek, rektor');
    expect((await fetch(`${t.bot.url}/minutes/${'y'.repeat(43)}.html`)).status).toBe(404);

    // Finalised minutes stay as they are.
    expect(text(await invoke('minutes.save', fields, { channelId: channel }))).toContain('Protokollet är redan justerat.');
  });

  it('open actions carry over to the next agenda, and their owners are reminded on the due date', async () => {
    clock.now = new Date('2026-12-01T10:00:00.000Z');
    await book(channel, '2027-01-20 13:00 60');
    const sent = (await say(inChannel('dagordning', channel))).filter((a) => a.method === 'POST');
    const card = text(cardOf(sent[0]!));
    expect(card).toContain('Öppna åtgärder från tidigare protokoll');
    expect(card).toContain('Uppdatera rutinen — Alex Wilber, senast 2027-01-15');

    const mark = t.emulator.sent.length;
    await runJobs('reminders', '2027-01-15T08:01:00Z');
    const reminder = t.emulator.sent
      .slice(mark)
      .find((a) => a.conversationId === `a:personal-${USERS.alex.id}` && String(a.body.text ?? '').includes('Uppdatera rutinen'));
    expect(reminder).toBeDefined();
    expect(reminder!.body.text).toBe('Åtgärd från Samverkansgrupp ska vara klar i dag: Uppdatera rutinen.');
  });

  it('a meeting still without final minutes three working days after reminds its conveners', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    const id = await book(channel, '2026-12-10 13:00 60'); // Thursday → Fri 11, Mon 14, Tue 15
    const mark = t.emulator.sent.length;
    await runJobs('reminders', '2026-12-15T08:01:00Z');
    const reminder = t.emulator.sent
      .slice(mark)
      .find(
        (a) =>
          a.conversationId === `a:personal-${USERS.alex.id}` &&
          text(cardOf(a)).includes('har inget justerat protokoll') &&
          text(cardOf(a)).includes(id),
      );
    expect(reminder).toBeDefined();
  });
});

describe('operative minutes', () => {
  it('have SIP fields per case on the agenda, checked, and summarised by case reference only', async () => {
    clock.now = new Date('2026-11-22T10:00:00.000Z');
    await t.bot.services.consents.record(consent({ caseRef: 'SAM-EEEE5555' }));
    const channel = newChannel();
    await say(inChannel('grupp koppla operativ', channel));
    const meetingId = await book(channel, '2026-11-25 09:00 60');
    await invoke('agenda.propose', { meetingId, text: 'SAM-EEEE5555 SIP-uppföljning' }, { user: USERS.megan, channelId: channel });
    clock.now = new Date('2026-11-25T11:00:00.000Z');
    const sent = await say(inChannel('protokoll', channel));
    expect(text(cardOf(sent[0]!))).toContain('SIP · SAM-EEEE5555');
    expect(text(cardOf(sent[0]!))).toContain('"id":"sip_SAMEEEE5555_goal"');

    const bad = await invoke(
      'minutes.finalize',
      { meetingId, sip_SAMEEEE5555_goal: 'Regelbunden närvaro', sip_SAMEEEE5555_due: 'i vår' },
      { channelId: channel },
    );
    expect(text(bad)).toContain('SIP SAM-EEEE5555: Insats saknas.');
    expect(text(bad)).toContain('SIP SAM-EEEE5555: \\"i vår\\" är inget datum');

    const mark = t.emulator.sent.length;
    const ok = await invoke(
      'minutes.finalize',
      {
        meetingId,
        attendees: 'megan.bowen',
        sip_SAMEEEE5555_goal: 'Regelbunden närvaro',
        sip_SAMEEEE5555_intervention: 'Stödsamtal varje vecka',
        sip_SAMEEEE5555_responsible: 'Skolkurator',
        sip_SAMEEEE5555_due: '2027-03-01',
        sip_SAMEEEE5555_coordinator: 'Socialsekreterare',
      },
      { channelId: channel },
    );
    expect(text(ok)).toContain('Protokollet är justerat');
    const summary = t.emulator.sent.slice(mark).find((a) => cardKind(a) === 'minutes-summary')!;
    expect(text(cardOf(summary))).toContain('SIP uppdaterad för 1 ärende: SAM-EEEE5555.');
    expect(text(cardOf(summary))).not.toContain('Stödsamtal');
  });
});
