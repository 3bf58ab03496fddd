import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, CHANNEL, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { FLAGGED, SUBJECTS } from './consent.fixtures';

const OPERATIVE = CHANNEL.channelId;
const TACTICAL = '19:channel-samverkan@thread.tacv2';
const ALEX_PERSONAL = `a:personal-${USERS.alex.id}`;

let t: TestBot;
let now = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => now });
  const links = t.bot.services.channelLinks;
  await links.link({
    tenantId: TENANT,
    conversationId: OPERATIVE,
    groupId: 'operativ',
    linkedBy: USERS.alex.aadObjectId,
    linkedAt: now.toISOString(),
  });
  await links.link({
    tenantId: TENANT,
    conversationId: TACTICAL,
    groupId: 'samverkansgrupp',
    linkedBy: USERS.alex.aadObjectId,
    linkedAt: now.toISOString(),
  });
  // Alex, the conveners of every group, has a personal chat with the bot.
  await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
});
afterAll(async () => t?.close());

type Found = { sent: SentActivity[]; toChannel: SentActivity[]; toAlex: SentActivity[]; ms: number };

/** Posts a message and returns what the bot sent because of it (the turn is over when the POST answers). */
async function say(activity: Record<string, any>): Promise<Found> {
  const mark = t.emulator.sent.length;
  const started = Date.now();
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  const ms = Date.now() - started;
  const sent = t.emulator.sent.slice(mark);
  return {
    sent,
    toChannel: sent.filter((a) => a.conversationId === activity.conversation.id),
    toAlex: sent.filter((a) => a.conversationId === ALEX_PERSONAL),
    ms,
  };
}

function inChannel(text: string, user: TestUser = USERS.megan, channelId = OPERATIVE) {
  return channelMessage(text, { serviceUrl: t.emulator.url, user, channelId });
}

async function invoke(verb: string, data: Record<string, string>, user: TestUser = USERS.megan) {
  const res = await t.post(actionExecute(verb, data, { serviceUrl: t.emulator.url, user }));
  expect(res.status).toBe(200);
  const body = JSON.parse(res.body) as { statusCode: number; type: string; value: Record<string, any> };
  return body.value;
}

const findById = (card: unknown, id: string): Record<string, any> | undefined => {
  let hit: Record<string, any> | undefined;
  JSON.stringify(card, (_k, v) => {
    if (!hit && v && typeof v === 'object' && (v as { id?: string }).id === id) hit = v;
    return v;
  });
  return hit;
};

function refusal(f: Found): { categories: string; reason: string } {
  const reply = f.toChannel.find((a) => cardKind(a) === 'consent-refusal');
  expect(reply, 'a consent-refusal card in the thread').toBeDefined();
  const card = cardOf(reply!);
  return { categories: findById(card, 'categories')!.text, reason: findById(card, 'reason')!.text };
}

const consentData = (subject: { personnummer: string; name: string }, over: Record<string, string> = {}) => ({
  subjectPersonnummer: subject.personnummer,
  subjectName: subject.name,
  groupIds: 'operativ',
  validFrom: '',
  validUntil: '2026-06-30',
  parties: 'guardian1,guardian2',
  purpose: 'Samordning kring skolgång och stöd',
  informationCategories: 'Skolgång, hälsa',
  exclusions: '',
  form: 'written',
  documentRef: 'Dnr SN 2026/14',
  ...over,
});

let caseRefA = '';

describe('the consent gate in the demo organisation', () => {
  it('refuses an identified child in the operative channel without consent, in the thread, within a second', async () => {
    const activity = inChannel(FLAGGED.aAbsence);
    const f = await say(activity);
    const { categories, reason } = refusal(f);
    expect(categories).toContain('personnummer');
    expect(categories).not.toContain(SUBJECTS.a.personnummer.slice(0, 6));
    expect(reason).toBe('Det finns inget samtycke som gäller för barnet.');
    const reply = f.toChannel.find((a) => cardKind(a) === 'consent-refusal')!;
    expect(reply.replyToId).toBe(activity.id);
    expect(f.ms).toBeLessThan(1000);
  });

  it('tells the group’s conveners privately', async () => {
    const f = await say(inChannel(FLAGGED.aAbsence));
    const notice = f.toAlex.find((a) => cardKind(a) === 'consent-refusal');
    expect(notice).toBeDefined();
    const json = JSON.stringify(cardOf(notice!));
    expect(json).toContain('Operativ grupp');
    expect(json).toContain('Megan Bowen');
    expect(json).not.toContain(SUBJECTS.a.personnummer);
  });

  it('records a consent through the consent.record action and shows the case reference', async () => {
    const card = await invoke('consent.record', consentData(SUBJECTS.a));
    expect(card.body[0].id).toBe('consent-recorded');
    caseRefA = findById(card, 'caseRef')!.text;
    expect(caseRefA).toMatch(/^SAM-[0-9A-HJKMNP-TV-Z]{8}$/);
    const json = JSON.stringify(card);
    expect(json).not.toContain(SUBJECTS.a.personnummer);
    expect(json).not.toContain(SUBJECTS.a.name);
    expect(json).toContain('2026-06-30');
    // The purpose and the document reference that were typed, as the gate checked them.
    expect(card.body.find((b: { type: string }) => b.type === 'FactSet').facts).toEqual(
      expect.arrayContaining([
        { title: 'Syfte', value: 'Samordning kring skolgång och stöd' },
        { title: 'Dokumentreferens', value: 'Dnr SN 2026/14' },
      ]),
    );
  });

  it('a consent.record Teams resends (same activity id) records one consent and answers with the same reference', async () => {
    const activity = actionExecute(
      'consent.record',
      consentData({ personnummer: '', name: 'Nils Påhittsson' }, { validUntil: '2026-09-30' }),
      { serviceUrl: t.emulator.url, user: USERS.megan },
    );
    const first = JSON.parse((await t.post(activity)).body).value;
    const again = JSON.parse((await t.post(activity)).body).value;
    const ref = findById(first, 'caseRef')!.text;
    expect(findById(again, 'caseRef')!.text).toBe(ref);
    const listed = await t.bot.services.consents.listForGroups(TENANT, ['operativ']);
    expect(listed.filter((c) => c.validUntil === '2026-09-30')).toHaveLength(1);
  });

  it('allows the child in the operative channel once the consent is in force', async () => {
    const f = await say(inChannel(FLAGGED.aAbsence));
    expect(f.toChannel).toHaveLength(0);
    expect(f.toAlex).toHaveLength(0);
  });

  it('still refuses the same child in the tactical channel: never on this level', async () => {
    const f = await say(inChannel(FLAGGED.aAbsence, USERS.alex, TACTICAL));
    expect(refusal(f).reason).toContain('Här diskuteras aldrig enskilda barn');
  });

  it('refuses a message about two children when only one is covered', async () => {
    const f = await say(inChannel(FLAGGED.abTogether));
    expect(refusal(f).reason).toBe('Det finns inget samtycke som gäller för barnet.');
  });

  it('refuses in personal chat, which is linked to no operative group', async () => {
    const f = await say(personalMessage(FLAGGED.personal, { serviceUrl: t.emulator.url, user: USERS.megan }));
    expect(refusal(f).reason).toContain('Här diskuteras aldrig enskilda barn');
  });

  it('answers in English for an English Teams client', async () => {
    const f = await say(
      channelMessage(FLAGGED.abTogether, { serviceUrl: t.emulator.url, user: USERS.megan, channelId: OPERATIVE, locale: 'en-US' }),
    );
    expect(refusal(f).categories).toBe('The message contains: personal identity number.');
  });

  it('lists the register pseudonymously, with the gate’s counts for the convener', async () => {
    const f = await say(personalMessage('samtycke lista', { serviceUrl: t.emulator.url, user: USERS.alex }));
    const list = f.sent.find((a) => cardKind(a) === 'consent-list');
    expect(list).toBeDefined();
    const json = JSON.stringify(cardOf(list!));
    expect(json).toContain(caseRefA);
    expect(json).toContain('Megan Bowen');
    expect(json).toContain('Gäller');
    expect(json).not.toContain(SUBJECTS.a.personnummer);
    expect(json).toMatch(/\d+ stoppade meddelanden, \d+ tillåtna med samtycke/);
  });

  it('withdraws with samtycke återkalla, after which the child is refused again', async () => {
    const f = await say(personalMessage(`samtycke återkalla ${caseRefA.toLowerCase()}`, { serviceUrl: t.emulator.url, user: USERS.megan }));
    const list = f.sent.find((a) => cardKind(a) === 'consent-list');
    expect(list, `the register card, not ${f.sent.map((a) => cardKind(a) ?? a.body?.text).join(', ')}`).toBeDefined();
    expect(JSON.stringify(cardOf(list!))).toContain('gäller inte längre');
    const again = await say(inChannel(FLAGGED.aAbsence));
    expect(refusal(again).reason).toBe('Samtycket har återkallats.');
  });

  it('withdraws with the consent.withdraw action too', async () => {
    const recorded = await invoke('consent.record', consentData(SUBJECTS.b, { subjectName: '' }));
    const ref = findById(recorded, 'caseRef')!.text as string;
    const card = await invoke('consent.withdraw', { caseRef: ref });
    expect(card.body[0].id).toBe('consent-list');
    expect(JSON.stringify(card)).toContain(`${ref} gäller inte längre`);
  });

  it('lets a consent expire by date', async () => {
    const recorded = await invoke('consent.record', consentData(SUBJECTS.c, { validUntil: '2026-03-20' }));
    expect(recorded.body[0].id).toBe('consent-recorded');
    expect((await say(inChannel(FLAGGED.cSip))).toChannel).toHaveLength(0);
    now = new Date('2026-03-21T09:00:00Z');
    try {
      expect(refusal(await say(inChannel(FLAGGED.cSip))).reason).toBe('Samtycket har gått ut.');
    } finally {
      now = new Date('2026-03-10T09:00:00Z');
    }
  });

  it('explains bad data on the form and never echoes the subject', async () => {
    const card = await invoke(
      'consent.record',
      consentData(
        { personnummer: '150312-1235', name: SUBJECTS.a.name },
        { validUntil: '2026-03-01', groupIds: 'operativ,samverkansgrupp' },
      ),
    );
    expect(card.body[0].id).toBe('consent-form');
    const json = JSON.stringify(card);
    expect(json).toContain('kontrollsiffran');
    expect(json).toContain('redan passerat');
    expect(json).toContain('bara operativa grupper');
    expect(json).not.toContain('150312');
    expect(json).not.toContain(SUBJECTS.a.name);
    expect(findById(card, 'purpose')!.value).toBe('Samordning kring skolgång och stöd');
  });

  it('refuses recording for a member without the right, on the command and on the action', async () => {
    const f = await say(personalMessage('samtycke', { serviceUrl: t.emulator.url, user: USERS.adele }));
    expect(f.sent.map(cardKind)).toEqual(['not-allowed']);
    const card = await invoke('consent.record', consentData(SUBJECTS.b), USERS.adele);
    expect(card.body[0].id).toBe('not-allowed');
  });

  it('offers the form to a member with the right', async () => {
    const f = await say(personalMessage('samtycke', { serviceUrl: t.emulator.url, user: USERS.megan }));
    const form = f.sent.find((a) => cardKind(a) === 'consent-form');
    expect(form).toBeDefined();
    expect(findById(cardOf(form!), 'groupIds')!.choices).toEqual([{ title: 'Operativ grupp', value: 'operativ' }]);
  });

  it('runs the help card’s quick buttons as a card verb, which the Agents Playground answers too, and leads back to help', async () => {
    const f = await say(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.megan, locale: 'en-US' }));
    const help = cardOf(f.sent.find((a) => cardKind(a) === 'help')!);
    expect(JSON.stringify(help)).not.toContain('imBack');
    // The quick buttons, then the way to report a concern (anyone's, always last).
    const quick = (help!.actions as Array<Record<string, any>>).map((a) => [a.type, a.verb]);
    expect(quick.at(-1)).toEqual(['Action.Execute', 'concern.show']);
    expect(quick.length).toBeGreaterThan(1);
    for (const q of quick.slice(0, -1)) expect(q).toEqual(['Action.Execute', 'help.run']);
    const form = await invoke('help.run', { command: 'consent' }, USERS.megan);
    expect(form.body[0].id).toBe('consent-form');
    const back = form.actions.at(-1);
    expect(back).toMatchObject({ type: 'Action.Execute', verb: 'help.run', data: { command: 'help' } });
    expect((await invoke('help.run', back.data, USERS.megan)).body[0].id).toBe('help');
  });

  it('keeps an audit row for every refusal, allowance and register event, without text', async () => {
    const rows: Array<Record<string, unknown>> = [];
    for await (const e of t.bot.services.store.client('Audit').listEntities<Record<string, unknown>>()) rows.push(e);
    const events = new Set(rows.map((r) => r.event));
    for (const e of ['refusal', 'allowedUnderConsent', 'consentRecorded', 'consentListed', 'consentWithdrawn']) expect(events).toContain(e);
    // Rows sort by month partition and time; pick the first refusal for want of consent, whichever month it fell in.
    const refusalRow = rows.find((r) => r.event === 'refusal' && r.groupId === 'operativ' && r.reason === 'noConsent')!;
    expect(refusalRow).toMatchObject({ tenant: TENANT, userId: USERS.megan.aadObjectId, categories: 'personnummer', reason: 'noConsent' });
    expect(rows.some((r) => r.event === 'refusal' && r.reason === 'withdrawn')).toBe(true);
    expect(Object.keys(refusalRow).sort()).toEqual([
      'caseRef',
      'categories',
      'etag',
      'event',
      'groupId',
      'partitionKey',
      'reason',
      'rowKey',
      'tenant',
      'time',
      'timestamp',
      'userId',
    ]);
  });
});
