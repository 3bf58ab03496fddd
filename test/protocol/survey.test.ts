import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { storedMeeting } from '../support/meetings';

/**
 * The yearly survey over real HTTP against Azurite (§11): on the 1st of the
 * file's month at 09:00 every group member with a personal chat gets the
 * `survey` card with a token of their own (through /api/jobs/run, once);
 * `survey.answer` stores answers once per token and only for its own person;
 * the report shows no figure until at least 5 have answered, and a group's
 * only where 5 of its members have; the tactical group's agenda shows the
 * latest survey's results likewise.
 */

const clock = { now: new Date('2026-10-20T10:00:00.000Z') };
let t: TestBot;

// Two of the Essunga preset's people get Entra ids, so five can answer: Alex, Megan, Adele, Karin and Lars;
// all five are in the samverkansgrupp (Karin and Megan added here), three in the styrgrupp, two in the operative group.
const KARIN: TestUser = { id: '29:karin', aadObjectId: '00000000-0000-0000-0000-0000000000031', name: 'Karin Holm' };
const LARS: TestUser = { id: '29:lars', aadObjectId: '00000000-0000-0000-0000-0000000000032', name: 'Lars Berg' };
const STATEMENTS = [
  'Vi vet vem vi ska kontakta i den andra förvaltningen',
  'Samverkansmötena leder till beslut',
  'Handlingsplanen är känd på min arbetsplats',
];

function orgFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-survey-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(
    file,
    [
      'extends: local-demo',
      `tenantId: "${TENANT}"`,
      'updatePeople:',
      `  karin.holm: { aadObjectId: "${KARIN.aadObjectId}" }`,
      `  lars.berg: { aadObjectId: "${LARS.aadObjectId}" }`,
      'updateGroups:',
      '  samverkansgrupp: { addMembers: [karin.holm, megan.bowen] }',
      'survey:',
      '  month: 11',
      `  statements: [${STATEMENTS.map((s) => `"${s}"`).join(', ')}]`,
    ].join('\n'),
  );
  return file;
}

const text = (x: unknown) => JSON.stringify(x ?? {});
async function invoke(activity: Record<string, any>) {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const run = (now: Date): Promise<SentActivity[]> => t.runJob('reminders', now, 'survey');
const answer = (user: TestUser, data: Record<string, string>, locale = 'sv-SE') =>
  actionExecute('survey.answer', data, { serviceUrl: t.emulator.url, user, locale });
const tokenOf = (card: SentActivity) => JSON.stringify(cardOf(card)).match(/"token":"([A-Za-z0-9_-]{32})"/)![1]!;

async function reportHtml(): Promise<string> {
  const mark = t.emulator.sent.length;
  expect((await t.post(personalMessage('rapport 2026', { serviceUrl: t.emulator.url }))).status).toBe(200);
  const card = cardOf(t.emulator.sent.slice(mark).find((a) => cardKind(a) === 'report')!)!;
  const link = (card.actions as Array<{ type: string; url?: string }>).find((a) => a.type === 'Action.OpenUrl')!.url!;
  return (await fetch(`${t.bot.url}${new URL(link).pathname}`)).text();
}

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { SCHEDULER_TICK_MS: '0', ORG_CONFIG: orgFile() },
  });
  // A personal chat with each, as when they first talk to the bot: the survey can then reach them.
  for (const user of [USERS.alex, USERS.megan, USERS.adele, KARIN, LARS, USERS.isaiah])
    expect((await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user }))).status).toBe(200);
});
afterAll(async () => t?.close());

describe('survey', () => {
  const cards = new Map<string, SentActivity>();

  it('goes out on the 1st of the month at 09:00 to every group member with a chat, each with their own token, once', async () => {
    expect(await run(new Date('2026-11-01T07:30:00.000Z'))).toEqual([]); // 08:30 local: not yet
    const sent = await run(new Date('2026-11-01T08:30:00.000Z'));
    expect(sent).toHaveLength(5); // not Isaiah, who is in no group
    for (const [user, card] of [USERS.alex, USERS.megan, USERS.adele, KARIN, LARS].map(
      (u) => [u, sent.find((a) => a.conversationId === `a:personal-${u.id}`)] as const,
    )) {
      expect(card, user.name).toBeDefined();
      cards.set(user.id, card!);
    }
    const body = text(cardOf(cards.get(USERS.alex.id)!));
    expect(cardOf(cards.get(USERS.alex.id)!)!.body[0].id).toBe('survey');
    expect(body).toContain('Enkät om samverkan 2026');
    for (const s of STATEMENTS) expect(body).toContain(s);
    expect(body).toContain('"verb":"survey.answer"');
    expect(new Set([...cards.values()].map(tokenOf)).size).toBe(5);
    expect(await run(new Date('2026-11-01T09:30:00.000Z'))).toEqual([]);
  });

  it('stores an answer once per token, only for its own person, and checks the values', async () => {
    const alex = tokenOf(cards.get(USERS.alex.id)!);
    // Another person's card, forwarded, answers nothing; nor a made-up token.
    expect((await invoke(answer(USERS.megan, { surveyId: '2026', token: alex, s1: '4' }))).body[0].id).toBe('error');
    expect((await invoke(answer(USERS.isaiah, { surveyId: '2026', token: 'x'.repeat(32), s1: '4' }))).body[0].id).toBe('error');
    expect(text(await invoke(answer(USERS.alex, { surveyId: '2026', token: alex, s1: '7' })))).toContain(
      'Svara med en siffra från 1 till 5',
    );
    expect(text(await invoke(answer(USERS.alex, { surveyId: '2026', token: alex, s1: '' })))).toContain(
      'Välj ett svar på minst ett påstående',
    );
    const first = await invoke(answer(USERS.alex, { surveyId: '2026', token: alex, s1: '4', s2: '3', s3: '5' }));
    expect(first.body[0].id).toBe('survey');
    expect(text(first)).toContain('Tack för dina svar');
    expect(text(first)).not.toContain('"verb":"survey.answer"');
    const again = await invoke(answer(USERS.alex, { surveyId: '2026', token: alex, s1: '1', s2: '1', s3: '1' }, 'en-US'));
    expect(text(again)).toContain('You have already answered the survey');
  });

  it('the report shows no figure below 5 answers, and the means from the fifth', async () => {
    const before = await reportHtml();
    expect(before).toContain('Enkät om samverkan');
    expect(before).toContain('färre än 5 svar');
    for (const [user, values] of [
      [USERS.megan, ['5', '4', '4']],
      [USERS.adele, ['3', '2', '']],
      [KARIN, ['4', '3', '5']],
    ] as const) {
      const token = tokenOf(cards.get(user.id)!);
      expect(text(await invoke(answer(user, { surveyId: '2026', token, s1: values[0], s2: values[1], s3: values[2] })))).toContain('Tack');
    }
    expect(await reportHtml()).toContain('färre än 5 svar'); // four answers
    await invoke(answer(LARS, { surveyId: '2026', token: tokenOf(cards.get(LARS.id)!), s1: '4', s2: '3', s3: '4' }));
    const after = await reportHtml();
    expect(after).not.toContain('färre än 5 svar');
    // s1: 4, 5, 3, 4, 4 → 4.0 of 5 answers; s3: 5, 4, 5, 4 (Adele left it) → 4.5 of 4.
    expect(after).toContain(`1. ${STATEMENTS[0]}</th><td>5</td><td>4,0</td>`);
    expect(after).toContain(`3. ${STATEMENTS[2]}</th><td>4</td><td>4,5</td>`);
    expect(after).toContain('5 personer svarade på årets enkät.');
    // Per group: the samverkansgrupp, where all five answered; not the styrgrupp (3) nor the operative group (2).
    const perGroup = after.match(/<table class="survey-groups">.*?<\/table>/s)?.[0] ?? '';
    expect(perGroup).toContain('<th scope="row">Samverkansgrupp</th><td>5</td><td>4,0</td><td>3,0</td><td>4,5</td>');
    expect(perGroup).not.toContain('Styrgrupp');
    expect(perGroup).not.toContain('Operativ grupp');
  });

  it("shows the latest survey's results on the tactical group's agenda, not on the others'", async () => {
    clock.now = new Date('2026-11-20T10:00:00.000Z'); // the survey went out on 1 November: it is the latest
    await t.bot.services.meetings.create(storedMeeting('samverkansgrupp.survey0000001', 'samverkansgrupp', '2026-11-26T12:00:00.000Z'));
    await t.bot.services.meetings.create(storedMeeting('styrgrupp.survey000000001', 'styrgrupp', '2026-11-27T12:00:00.000Z'));
    const agenda = async (meetingId: string, locale = 'sv-SE') =>
      text(await invoke(actionExecute('agenda.refresh', { meetingId }, { serviceUrl: t.emulator.url, user: USERS.alex, locale })));
    const tactical = await agenda('samverkansgrupp.survey0000001');
    expect(tactical).toContain('Enkät om samverkan 2026: 5 svar (medel 1–5)');
    expect(tactical).toContain(`${STATEMENTS[0]}: 4,0 (gruppen: 4,0 av 5 svar)`);
    expect(tactical).toContain(`${STATEMENTS[2]}: 4,5 (gruppen: 4,5 av 5 svar)`);
    const english = await agenda('samverkansgrupp.survey0000001', 'en-US');
    expect(english).toContain('Survey on the collaboration 2026: 5 answers');
    // A decimal point in English, a decimal comma in Swedish.
    expect(english).toContain(': 4.5 (');
    expect(await agenda('styrgrupp.survey000000001')).not.toContain('Enkät om samverkan');
  });
});
