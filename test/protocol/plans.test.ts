import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, personalMessage, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { storedMeeting } from '../support/meetings';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';

/**
 * Action plans over real HTTP against Azurite (§11): `plan` / `plan` gives
 * the `action-plan` card to the plan's conveners and to managers, and
 * refuses others; `plan.update` adds (empty activityId), changes and closes
 * activities, its text through the consent gate; a resent invoke adds once.
 * The demo's handlingsplan has three activities from the organisation file.
 */

const text = (x: unknown) => JSON.stringify(x ?? {});

async function say(t: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
async function post(t: TestBot, activity: Record<string, any>) {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
function update(t: TestBot, data: Record<string, string>, user: TestUser = USERS.alex, locale = 'sv-SE') {
  return actionExecute('plan.update', data, { serviceUrl: t.emulator.url, user, locale });
}
/** How many activities the card lists (each has a status column). */
function activityCount(card: unknown): number {
  return (text(card).match(/"id":"text_handlingsplan--(?!new")/g) ?? []).length;
}

describe('plan / plan: the action plans', () => {
  const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
  });
  afterAll(async () => t?.close());

  it('gives a convener the plan with its activities from the organisation file, overdue first, in Swedish and English', async () => {
    const sv = await say(t, personalMessage('plan', { serviceUrl: t.emulator.url }));
    expect(cardKind(sv[0]!)).toBe('action-plan');
    const card = text(cardOf(sv[0]!));
    expect(card).toContain('Handlingsplan till riktlinjen för samverkan');
    expect(card).toContain('Presentera handlingsplanen på arbetsplatsträffar');
    // Due 2026-11-30, still ongoing on 2026-12-02: overdue, and listed first.
    expect(card).toContain('Försenad');
    expect(card.indexOf('Presentera handlingsplanen')).toBeLessThan(card.indexOf('Följa upp och revidera'));
    expect(card).toContain('1 försenade');
    expect(card).toContain('Beslut: Ks 2024/393 § 199');
    expect(card).toContain('"verb":"plan.update"');
    expect(activityCount(cardOf(sv[0]!))).toBe(3);
    const en = await say(t, personalMessage('plan', { serviceUrl: t.emulator.url, locale: 'en-US' }));
    expect(cardKind(en[0]!)).toBe('action-plan');
    expect(text(cardOf(en[0]!))).toContain('Action plans');
    expect(text(cardOf(en[0]!))).toContain('Overdue');
  });

  it("refuses people who neither convene the plan's group nor manage, with the not-allowed card", async () => {
    for (const [user, word, locale] of [
      [USERS.adele, 'plan', 'sv-SE'],
      [USERS.megan, 'plan', 'en-US'],
      [USERS.isaiah, 'plan', 'sv-SE'],
    ] as const) {
      const sent = await say(t, personalMessage(word, { serviceUrl: t.emulator.url, user, locale }));
      expect(cardKind(sent[0]!)).toBe('not-allowed');
    }
    const refused = await post(
      t,
      update(t, { documentId: 'handlingsplan', activityId: '', status: '', due: '', owner: '', text: 'Ny aktivitet' }, USERS.adele),
    );
    expect(refused.body[0].id).toBe('not-allowed');
  });

  it('plan.update adds an activity (empty activityId) once, also when the invoke is resent', async () => {
    const add = update(t, {
      documentId: 'handlingsplan',
      activityId: '',
      status: 'planned',
      due: '2027-02-28',
      owner: 'samverkansgrupp',
      text: 'Gemensam fortbildning om anmälningsplikten',
    });
    const first = await post(t, add);
    expect(first.body[0].id).toBe('action-plan');
    expect(text(first)).toContain('Aktiviteten är tillagd');
    expect(text(first)).toContain('Gemensam fortbildning om anmälningsplikten');
    expect(activityCount(first)).toBe(4);
    const again = await post(t, add);
    expect(activityCount(again)).toBe(4);
    const en = await post(
      t,
      update(
        t,
        { documentId: 'handlingsplan', activityId: '', status: '', due: '', owner: '', text: 'Joint training day' },
        USERS.alex,
        'en-US',
      ),
    );
    expect(text(en)).toContain('The activity is added');
    expect(activityCount(en)).toBe(5);
  });

  it('plan.update changes an activity from the card\'s own inputs, and closes one with "Markera klar"', async () => {
    const key = 'handlingsplan--uppfoljning-lasar';
    const changed = await post(
      t,
      update(t, {
        documentId: 'handlingsplan',
        activityId: 'uppfoljning-lasar',
        [`status_${key}`]: 'ongoing',
        [`due_${key}`]: '2027-05-31',
        [`owner_${key}`]: 'styrgrupp',
        [`text_${key}`]: 'Följa upp och revidera handlingsplanen för läsåret',
      }),
    );
    expect(text(changed)).toContain('Aktiviteten är uppdaterad.');
    expect(text(changed)).toContain('Klart senast: 2027-05-31');
    const closed = await post(t, update(t, { documentId: 'handlingsplan', activityId: 'kand-i-forvaltningarna', status: 'done' }));
    expect(text(closed)).toContain('Aktiviteten är markerad som klar.');
    // Closed: no longer overdue.
    expect(text(closed)).toContain('0 försenade');
    // The plan as shown to the next reader holds the changes.
    const sent = await say(t, personalMessage('plan', { serviceUrl: t.emulator.url }));
    expect(text(cardOf(sent[0]!))).toContain('Klart senast: 2027-05-31');
  });

  it('the gate refuses an activity text that identifies a child, and nothing is stored; bad values are named on the card', async () => {
    const refused = await post(
      t,
      update(t, { documentId: 'handlingsplan', activityId: '', text: `Följ upp ${SUBJECTS.a.personnummer}, hög frånvaro` }),
    );
    expect(refused.body[0].id).toBe('consent-refusal');
    expect(text(refused)).not.toContain(SUBJECTS.a.personnummer);
    const sent = await say(t, personalMessage('plan', { serviceUrl: t.emulator.url }));
    expect(text(cardOf(sent[0]!))).not.toContain('frånvaro');
    const badDue = await post(t, update(t, { documentId: 'handlingsplan', activityId: 'uppfoljning-lasar', due: '2027-02-30' }));
    expect(text(badDue)).toContain('2027-02-30 är inget datum');
    const badOwner = await post(t, update(t, { documentId: 'handlingsplan', activityId: 'uppfoljning-lasar', owner: 'okand-grupp' }));
    expect(text(badOwner)).toContain('okand-grupp är varken en person eller en grupp');
    const badStatus = await post(t, update(t, { documentId: 'handlingsplan', activityId: 'uppfoljning-lasar', status: 'kanske' }));
    expect(text(badStatus)).toContain('Okänd status: kanske');
    const unknownDoc = await post(t, update(t, { documentId: 'riktlinje-samverkan', activityId: '', text: 'x' }));
    expect(unknownDoc.body[0].id).toBe('error');
  });
});

describe("the strategic group's agenda follows up the action plan", () => {
  it('the standing item on following up the plan says how many activities are overdue, in Swedish and English', async () => {
    const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => clock.now,
      env: { SCHEDULER_TICK_MS: '0' },
    });
    try {
      await t.bot.services.meetings.create(storedMeeting('styrgrupp.plan00000001', 'styrgrupp', '2026-12-10T12:00:00.000Z'));
      const propose = (locale: string) =>
        post(
          t,
          actionExecute(
            'agenda.propose',
            { meetingId: 'styrgrupp.plan00000001', text: 'Resurser 2027' },
            { serviceUrl: t.emulator.url, locale },
          ),
        );
      const sv = await propose('sv-SE');
      expect(sv.body[0].id).toBe('agenda');
      expect(text(sv)).toContain('Uppföljning av handlingsplan: 1 försenad aktivitet');
      expect(text(await propose('en-US'))).toContain('Follow-up of the action plan: 1 overdue activity');
      // The overdue activity closed: none overdue.
      await post(t, update(t, { documentId: 'handlingsplan', activityId: 'kand-i-forvaltningarna', status: 'done' }));
      expect(text(await propose('sv-SE'))).toContain('Uppföljning av handlingsplan: 0 försenade aktiviteter');
    } finally {
      await t.close();
    }
  });
});

describe("an activity's owner is reminded on its due date", () => {
  it("a working group's conveners, or the person who owns it, in their own chat, once; a closed activity not at all", async () => {
    const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => clock.now,
      env: { SCHEDULER_TICK_MS: '0' },
    });
    const ALEX_CHAT = `a:personal-${USERS.alex.id}`;
    const MEGAN_CHAT = `a:personal-${USERS.megan.id}`;
    try {
      for (const user of [USERS.alex, USERS.megan]) await say(t, personalMessage('hjälp', { serviceUrl: t.emulator.url, user }));
      const add = (due: string, owner: string, what: string) =>
        post(t, update(t, { documentId: 'handlingsplan', activityId: '', status: 'planned', due, owner, text: what }));
      // Owned by the samverkansgrupp (Alex convenes it; Megan is in the operative group only), and by Megan herself.
      await add('2026-12-10', 'samverkansgrupp', 'Rutin för skolfrånvaro till arbetsplatsträffarna');
      await add('2026-12-11', 'megan.bowen', 'Sammanställ elevhälsans frågor');
      await add('2026-12-14', 'samverkansgrupp', 'Aktivitet som hinner stängas');
      await post(t, update(t, { documentId: 'handlingsplan', activityId: '', text: 'Aktivitet som hinner stängas', status: 'done' }));

      expect((await t.runJob('reminders', new Date('2026-12-10T07:59:00.000Z'))).filter((a) => a.conversationId === ALEX_CHAT)).toEqual([]);
      const day = await t.runJob('reminders', new Date('2026-12-10T08:01:00.000Z'));
      const toAlex = day.filter((a) => a.conversationId === ALEX_CHAT).map((a) => String(a.body.text ?? ''));
      expect(toAlex).toEqual([
        'Aktivitet i Handlingsplan till riktlinjen för samverkan ska vara klar i dag (2026-12-10): Rutin för skolfrånvaro till arbetsplatsträffarna.',
      ]);
      expect(day.filter((a) => a.conversationId === MEGAN_CHAT)).toEqual([]);
      const next = await t.runJob('reminders', new Date('2026-12-11T08:01:00.000Z'));
      expect(next.filter((a) => a.conversationId === MEGAN_CHAT).map((a) => String(a.body.text ?? ''))).toEqual([
        'Aktivitet i Handlingsplan till riktlinjen för samverkan ska vara klar i dag (2026-12-11): Sammanställ elevhälsans frågor.',
      ]);
      expect(next.filter((a) => a.conversationId === ALEX_CHAT)).toEqual([]);
      // The closed one sends nothing on its day, and nothing goes twice.
      const later = await t.runJob('reminders', new Date('2026-12-14T09:00:00.000Z'));
      expect(later.filter((a) => String(a.body.text ?? '').startsWith('Aktivitet i'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
