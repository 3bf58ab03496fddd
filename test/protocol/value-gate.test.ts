import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { FLAGGED, SUBJECTS, writtenForms } from './consent.fixtures';
import { consentRecordForm } from '../support/consent-form';

/**
 * A message activity that carries a `value` (an Adaptive Card's
 * Action.Submit, a messageBack, or anything a client makes up) is gated like
 * any other message (issue 13, item 10): its text and every string in its
 * value pass the consent gate before any route runs. A refusal answers with
 * the consent-refusal card and nothing of it is stored.
 */

const TACTICAL = '19:channel-valuegate-tactical@thread.tacv2';
const TEAM = '19:team-valuegate@thread.tacv2';
const PNR = SUBJECTS.a.personnummer;
let t: TestBot;
let meetingId = '';

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
  await t.bot.services.channelLinks.link({
    tenantId: TENANT,
    conversationId: TACTICAL,
    groupId: 'samverkansgrupp',
    linkedBy: USERS.alex.aadObjectId,
    linkedAt: new Date().toISOString(),
  });
  const booked = await say(
    channelMessage('boka 2030-12-10 13:00 60', { serviceUrl: t.emulator.url, mention: true, channelId: TACTICAL, teamId: TEAM }),
  );
  meetingId = /"meetingId":"(samverkansgrupp\.[^"]+)"/.exec(JSON.stringify(booked.map((a) => a.body)))![1]!;
});
afterAll(async () => t?.close());

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}

/** A message in the tactical channel with a value, and with text only when given. */
function withValue(value: unknown, text?: string, user: TestUser = USERS.adele) {
  const m = channelMessage(text ?? '', { serviceUrl: t.emulator.url, channelId: TACTICAL, teamId: TEAM, user }) as Record<string, any>;
  if (text === undefined) delete m.text;
  m.value = value;
  return m;
}

/** Every row of every table of this bot, as text. */
async function everyRow(): Promise<string> {
  const out: string[] = [];
  for await (const table of t.bot.services.store.service().listTables()) {
    if (!table.name?.startsWith(t.tablePrefix)) continue;
    for await (const e of t.bot.services.store.client(table.name.slice(t.tablePrefix.length)).listEntities()) out.push(JSON.stringify(e));
  }
  return out.join('\n');
}

async function expectRefusedAndNothingStored(activity: Record<string, any>, label: string) {
  const before = await everyRow();
  const sent = await say(activity);
  expect(sent.map(cardKind), label).toEqual(['consent-refusal']);
  expect(sent[0]!.conversationId.startsWith(TACTICAL), label).toBe(true);
  expect(sent[0]!.replyToId, label).toBe(activity.id);
  // The reason: individual children are never discussed on the tactical level.
  expect(JSON.stringify(cardOf(sent[0]!)), label).toContain('Här diskuteras aldrig enskilda barn');
  for (const form of writtenForms(SUBJECTS.a.twelve)) expect(JSON.stringify(cardOf(sent[0]!)), label).not.toContain(form);
  const after = await everyRow();
  for (const form of writtenForms(SUBJECTS.a.twelve)) expect(after, label).not.toContain(form);
  expect(after, label).not.toContain('hög frånvaro');
  // What changed is the refusal's audit row (and the turn's state), nothing else.
  expect(after.length, label).toBeGreaterThan(before.length);
}

describe('a message with a value is gated, text and value', () => {
  it('value only: { title: <personnummer> } is refused with the consent-refusal card and nothing is stored', async () => {
    await expectRefusedAndNothingStored(withValue({ title: PNR }), 'value only');
  });

  it('text and value: harmless text with the personnummer in the value is refused', async () => {
    await expectRefusedAndNothingStored(withValue({ title: PNR }, 'Se formuläret'), 'text + value');
  });

  it('text and value: the identifying text with a harmless value is refused too', async () => {
    await expectRefusedAndNothingStored(withValue({ title: 'Planering' }, FLAGGED.aAbsence), 'identifying text + value');
  });

  it('every string at any depth, in keys and arrays, and numbers', async () => {
    await expectRefusedAndNothingStored(withValue({ form: { rows: [{ note: 'ok' }, { note: `elev ${PNR}` }] } }), 'nested');
    await expectRefusedAndNothingStored(withValue([['x', [PNR]]]), 'arrays');
    await expectRefusedAndNothingStored(withValue({ [PNR]: 'x' }), 'key');
    await expectRefusedAndNothingStored(withValue({ id: Number(SUBJECTS.a.twelve) }), 'number');
    await expectRefusedAndNothingStored(withValue(PNR), 'a bare string value');
  });

  it("a card verb's Action.Submit (routed to the verb, which never reads the text): its fields are gated before it runs", async () => {
    await expectRefusedAndNothingStored(withValue({ verb: 'agenda.propose', meetingId, text: FLAGGED.aAbsence }), 'agenda.propose submit');
    await expectRefusedAndNothingStored(
      withValue({ verb: 'agenda.publish', meetingId, text: PNR }, undefined, USERS.alex),
      'a field the verb ignores',
    );
    await expectRefusedAndNothingStored(
      withValue({ verb: 'meeting.rsvp', meetingId, answer: 'yes', msteams: { displayText: `Ja, ${PNR}` } }),
      'messageBack display text',
    );
    const agenda = await t.bot.services.agendas.get(TENANT, 'samverkansgrupp', meetingId);
    expect(agenda?.status ?? 'draft').toBe('draft');
    const m = await t.bot.services.meetings.get(TENANT, 'samverkansgrupp', meetingId);
    expect(m!.rsvp).toEqual({});
  });

  it('an edited message with a value is gated the same way', async () => {
    const edited = withValue({ title: PNR }, 'Rättat');
    edited.type = 'messageUpdate';
    edited.channelData.eventType = 'editMessage';
    await expectRefusedAndNothingStored(edited, 'edit');
  });

  it('a harmless submit goes on to its verb; a harmless value no route claims gets no answer', async () => {
    const sent = await say(withValue({ verb: 'meeting.refresh', meetingId }));
    expect(sent.map(cardKind)).toEqual(['meeting']);
    expect(await say(withValue({ title: 'Planering inför terminsstart' }))).toHaveLength(0);
  });

  it("the consent form's subject is the one exception, for the consent.record submit only; its other fields are gated", async () => {
    const form = { verb: 'consent.record', ...consentRecordForm(SUBJECTS.b, { validUntil: '2030-06-30' }) };
    const submit = (value: Record<string, string>, text?: string) => {
      const m = personalMessage(text ?? '', { serviceUrl: t.emulator.url, user: USERS.megan }) as Record<string, any>;
      if (text === undefined) delete m.text;
      m.value = value;
      return m;
    };
    const recorded = await say(submit(form));
    expect(recorded.map(cardKind)).toEqual(['consent-recorded']);
    expect(JSON.stringify(cardOf(recorded[0]!))).not.toContain(SUBJECTS.b.personnummer);
    // The subject in another field, or the same form with text (which no verb route receives): refused.
    expect((await say(submit({ ...form, purpose: `Samordning för ${PNR}` }))).map(cardKind)).toEqual(['consent-refusal']);
    expect((await say(submit(form, 'Här är formuläret'))).map(cardKind)).toEqual(['consent-refusal']);
    // And the subject fields of any other verb are just fields.
    expect((await say(submit({ verb: 'meeting.refresh', meetingId, subjectPersonnummer: PNR }))).map(cardKind)).toEqual([
      'consent-refusal',
    ]);
  });

  it('each refusal left an audit row without text', async () => {
    const rows: Array<Record<string, unknown>> = [];
    for await (const e of t.bot.services.store.client('Audit').listEntities<Record<string, unknown>>()) rows.push(e);
    const refusals = rows.filter((r) => r.event === 'refusal' && r.groupId === 'samverkansgrupp');
    expect(refusals.length).toBeGreaterThanOrEqual(12);
    for (const r of refusals) expect(r.categories).toMatch(/personnummer/);
  });
});
