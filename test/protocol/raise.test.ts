import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { storedMeeting } from '../support/meetings';
import { checked } from '../support/checked';
import { SUBJECTS } from './consent.fixtures';

/**
 * item.raise over real HTTP against Azurite (§11): a convener raises an item
 * from a meeting to another group; it lands on that group's next agenda with
 * its origin, once for a resend, or waits until the group has a meeting; the
 * origin's card shows what became of each item; identifiers and case
 * references never travel; only the origin group's conveners may raise.
 */

const text = (x: unknown) => JSON.stringify(x ?? {});
const FROM = 'samverkansgrupp.raise0000001';
const TO_MEETING = 'styrgrupp.raise0000002';
const OP_MEETING = 'operativ.raise0000003';

async function post(t: TestBot, verb: string, data: Record<string, string>, user: TestUser = USERS.alex, locale = 'sv-SE') {
  const res = await t.post(actionExecute(verb, data, { serviceUrl: t.emulator.url, user, locale }));
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

describe('item.raise', () => {
  const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
    const s = t.bot.services;
    await s.meetings.create(storedMeeting(FROM, 'samverkansgrupp', '2026-11-26T12:00:00.000Z'));
    await s.meetings.create(storedMeeting(TO_MEETING, 'styrgrupp', '2026-12-10T12:00:00.000Z'));
    await s.meetings.create(storedMeeting(OP_MEETING, 'operativ', '2026-11-30T12:00:00.000Z'));
  });
  afterAll(async () => t?.close());

  it("lands on the target group's next agenda with its origin, once for a resend; the origin's card shows it", async () => {
    const data = { fromMeetingId: FROM, toGroupId: 'styrgrupp', text: 'Behov av gemensam rutin vid hög skolfrånvaro' };
    const first = await post(t, 'item.raise', data);
    expect(first.body[0].id).toBe('raised-items');
    expect(text(first)).toContain('står på dagordningen för mötet 2026-12-10');
    expect(text(first)).toContain('På dagordningen 2026-12-10');
    const again = await post(t, 'item.raise', data);
    expect(text(again)).toContain('redan lyft till Styrgrupp');
    const agenda = await t.bot.services.agendas.get(TENANT, 'styrgrupp', TO_MEETING);
    const raised = agenda!.items.filter((i) => i.text.includes('Behov av gemensam rutin'));
    expect(raised).toHaveLength(1);
    expect(raised[0]!.text).toBe('Lyft från Samverkansgrupp (möte 2026-11-26): Behov av gemensam rutin vid hög skolfrånvaro');
    expect(raised[0]!.kind).toBe('proposed');
  });

  it('waits for a group without a meeting, and lands when one is booked; handled once its minutes are final', async () => {
    const pending = await post(
      t,
      'item.raise',
      { fromMeetingId: FROM, toGroupId: 'operativ', text: 'Hur når vi familjer som inte svarar?' },
      USERS.alex,
      'en-US',
    );
    expect(text(pending)).toContain('The group has no meeting booked');
    expect(text(pending)).toContain('Waiting for the next meeting');
    await t.bot.services.meetings.create(storedMeeting('operativ.raise0000004', 'operativ', '2026-12-07T08:00:00.000Z'));
    const later = await post(t, 'item.raise', { fromMeetingId: FROM, toGroupId: 'operativ', text: 'Hur når vi familjer som inte svarar?' });
    expect(text(later)).toContain('På dagordningen 2026-12-07');
    const opAgenda = await t.bot.services.agendas.get(TENANT, 'operativ', 'operativ.raise0000004');
    expect(opAgenda!.items.some((i) => i.text.endsWith('Hur når vi familjer som inte svarar?'))).toBe(true);
    await t.bot.services.minutes.update(
      TENANT,
      'styrgrupp',
      TO_MEETING,
      () =>
        ({
          tenantId: TENANT,
          groupId: 'styrgrupp',
          meetingId: TO_MEETING,
          status: 'final',
          attendees: [],
          guests: checked(''),
          notes: {},
          decisions: [],
          actions: [],
          sip: [],
          updatedAt: '2026-12-10T14:00:00.000Z',
        }) as never,
    );
    expect(text(later)).not.toContain('Behandlad');
    const seen = await post(t, 'item.raise', {
      fromMeetingId: FROM,
      toGroupId: 'styrgrupp',
      text: 'Behov av gemensam rutin vid hög skolfrånvaro',
    });
    expect(text(seen)).toContain('Behandlad 2026-12-10');
  });

  it('refuses identifiers and case references with a clear message, and nothing travels', async () => {
    const pnr = await post(t, 'item.raise', {
      fromMeetingId: OP_MEETING,
      toGroupId: 'samverkansgrupp',
      text: `Hur gör vi med ${SUBJECTS.a.personnummer}?`,
    });
    expect(text(pnr)).toContain('Frågan kan inte lyftas: den innehåller en uppgift som kan identifiera någon');
    expect(text(pnr)).not.toContain(SUBJECTS.a.personnummer);
    const ref = await post(t, 'item.raise', {
      fromMeetingId: OP_MEETING,
      toGroupId: 'samverkansgrupp',
      text: 'Stöd i ärendet SAM-4D41E2V8 behövs',
    });
    expect(text(ref)).toContain('ärendenummer (SAM-4D41E2V8)');
    expect(await t.bot.services.raised.fromGroup(TENANT, 'operativ')).toEqual([]);
    const same = await post(t, 'item.raise', { fromMeetingId: FROM, toGroupId: 'samverkansgrupp', text: 'x' });
    expect(text(same)).toContain('Välj en annan grupp');
    expect((await post(t, 'item.raise', { fromMeetingId: 'styrgrupp.nosuchmeeting', toGroupId: 'operativ', text: 'x' })).body[0].id).toBe(
      'error',
    );
  });

  it("only the origin group's conveners may raise", async () => {
    const adele = await post(t, 'item.raise', { fromMeetingId: FROM, toGroupId: 'styrgrupp', text: 'En fråga' }, USERS.adele);
    expect(adele.body[0].id).toBe('not-allowed');
    const megan = await post(
      t,
      'item.raise',
      { fromMeetingId: OP_MEETING, toGroupId: 'styrgrupp', text: 'En fråga' },
      USERS.megan,
      'en-US',
    );
    expect(megan.body[0].id).toBe('not-allowed');
  });

  it("is raised from the agenda card's own form too, the proposal field sent along left aside", async () => {
    const UPCOMING = 'samverkansgrupp.raise0000004';
    await t.bot.services.meetings.create(storedMeeting(UPCOMING, 'samverkansgrupp', '2026-12-17T12:00:00.000Z'));
    const card = await post(t, 'agenda.refresh', { meetingId: UPCOMING });
    expect(card.body[0].id).toBe('agenda');
    // The form: a ShowCard whose item.raise names this meeting, the other groups to choose from, its own text field.
    const show = (card.actions as Array<Record<string, any>>).find((a) => a.type === 'Action.ShowCard')!;
    expect(show.title).toBe('Lyft vidare');
    expect(show.card.actions[0]).toMatchObject({ verb: 'item.raise', data: { fromMeetingId: UPCOMING } });
    expect(show.card.body.map((b: { id: string }) => b.id)).toEqual(['toGroupId', 'raiseText']);
    expect(text(show.card.body[0].choices)).not.toContain('"value":"samverkansgrupp"');
    const raised = await post(t, 'item.raise', {
      fromMeetingId: UPCOMING,
      toGroupId: 'styrgrupp',
      raiseText: 'Resurser till fältgruppen under sommarlovet',
      text: '',
    });
    expect(raised.body[0].id).toBe('raised-items');
    // The raise text taken (the empty proposal field would have been refused as empty), and kept with its origin.
    expect(text(raised)).toContain('Resurser till fältgruppen under sommarlovet');
    const kept = (await t.bot.services.raised.fromGroup(TENANT, 'samverkansgrupp')).find((r) => r.fromMeetingId === UPCOMING);
    expect(kept).toMatchObject({ toGroupId: 'styrgrupp', fromDate: '2026-12-17', text: 'Resurser till fältgruppen under sommarlovet' });
    // In English too.
    const en = await post(t, 'agenda.refresh', { meetingId: UPCOMING }, USERS.alex, 'en-US');
    expect((en.actions as Array<Record<string, any>>).find((a) => a.type === 'Action.ShowCard')!.title).toBe('Raise');
  });
});
