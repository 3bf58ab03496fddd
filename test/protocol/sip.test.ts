import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, CHANNEL, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';

/**
 * SIP as a process per child (issue 18, item 1) over real HTTP against
 * Azurite and the Bot Connector emulator: `sip` / `sip ny` in both
 * languages and for each role, the consent in force and covering every
 * invited agency, booking through the meetings (card in the operative
 * channel, reminders), the plan through the gate field by field, its
 * printable page, the coordinator's reminder through /api/jobs/run, closing,
 * and resent activities doing nothing twice. The demo organisation gets a
 * region agency (BUP) and a SIP system link through an overlay.
 */

const OPERATIVE = CHANNEL.channelId;
const TACTICAL = '19:channel-samverkan-sip@thread.tacv2';
const SIP_SYSTEM = 'https://prator.example.se/';
const MEGAN_CHAT = `a:personal-${USERS.megan.id}`;

function orgFile(lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-sip-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

const clock = { now: new Date('2026-03-10T09:00:00.000Z') };
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: {
      SCHEDULER_TICK_MS: '0',
      ORG_CONFIG: orgFile([
        'extends: local-demo',
        `sipSystemUrl: ${SIP_SYSTEM}`,
        'addAgencies:',
        '  - { id: bup, name: BUP Sörmland, kind: child-psychiatry }',
      ]),
    },
  });
  const links = t.bot.services.channelLinks;
  for (const [conversationId, groupId] of [
    [OPERATIVE, 'operativ'],
    [TACTICAL, 'samverkansgrupp'],
  ] as const)
    await links.link({ tenantId: TENANT, conversationId, groupId, linkedBy: USERS.alex.aadObjectId, linkedAt: clock.now.toISOString() });
  // The operative channel's conversation reference, so the meeting card can be posted there.
  await t.post(channelMessage('Hej allihop', { serviceUrl: t.emulator.url, user: USERS.alex, channelId: OPERATIVE }));
});
afterAll(async () => t?.close());

const json = (x: unknown) => JSON.stringify(x ?? {});

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
const personal = (text: string, user: TestUser = USERS.megan, locale = 'sv-SE') =>
  say(personalMessage(text, { serviceUrl: t.emulator.url, user, locale }));

async function invoke(
  verb: string,
  data: Record<string, string>,
  user: TestUser = USERS.megan,
  locale = 'sv-SE',
  activity?: Record<string, any>,
) {
  const a = activity ?? actionExecute(verb, data, { serviceUrl: t.emulator.url, user, locale });
  const res = await t.post(a);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const kind = (card: Record<string, any>) => card.body?.[0]?.id;

const runJobs = (job: string, now: Date) => t.runJobSummary(job, now);

let caseRef = '';
let sipId = '';
let printUrl = '';

const booking = (over: Record<string, string> = {}) => ({
  caseRef,
  participants: 'social-sektor,utbildningssektor,guardian1,guardian2,child',
  date: '2026-03-17',
  time: '13:00',
  durationMinutes: '90',
  location: 'Kommunhuset, rum 3',
  ...over,
});

const PLAN = {
  needs: 'Stöd i skolan och i hemmet',
  municipalityProvides: 'Familjebehandling varannan vecka; anpassningar i skolan',
  regionProvides: 'Utredning på BUP',
  othersProvide: 'Fritidsgården erbjuder en kontaktperson',
  overallResponsibility: 'Socialtjänsten',
  coordinator: 'Megan Bowen, skolkurator',
  participation: 'Vårdnadshavare 1 och barnet deltog; vårdnadshavare 2 per telefon',
  followUpDate: '2026-06-01',
};

describe('sip / sip ny: who may, where', () => {
  it('any operative member lists the open SIPs, in Swedish and English (none yet)', async () => {
    const sv = await personal('sip');
    expect(cardKind(sv[0]!)).toBe('sip-list');
    expect(json(cardOf(sv[0]!))).toContain('Det finns ingen pågående SIP');
    const en = await personal('sip', USERS.megan, 'en-US');
    expect(cardKind(en[0]!)).toBe('sip-list');
    expect(json(cardOf(en[0]!))).toContain('There is no open SIP');
  });

  it('refuses people in no operative group, and the tactical channel even for its convener', async () => {
    for (const user of [USERS.adele, USERS.isaiah]) expect(cardKind((await personal('sip', user))[0]!)).toBe('not-allowed');
    const inTactical = await say(
      channelMessage('sip', { serviceUrl: t.emulator.url, user: USERS.alex, channelId: TACTICAL, mention: true }),
    );
    const card = inTactical.find((a) => a.conversationId.startsWith(TACTICAL));
    expect(cardKind(card!)).toBe('not-allowed');
    expect(json(cardOf(card!))).toContain('Det här gäller bara operativa grupper.');
  });

  it('sip ny needs a consent in force: without one, a clear refusal', async () => {
    const sent = await personal('sip ny SAM-0000AAAA');
    expect(cardKind(sent[0]!)).toBe('error');
    expect(json(cardOf(sent[0]!))).toContain('Det finns inget samtycke för SAM-0000AAAA');
    const bad = await personal('sip ny 12');
    expect(cardKind(bad[0]!)).toBe('error');
  });

  it('with a consent recorded, a member who is not a convener gets the sip-form, in both languages', async () => {
    const recorded = await invoke('consent.record', {
      subjectPersonnummer: SUBJECTS.c.personnummer,
      subjectName: SUBJECTS.c.name,
      groupIds: 'operativ',
      validFrom: '',
      validUntil: '2026-12-31',
      parties: 'guardian1,guardian2,child',
      purpose: 'Samordnad individuell plan',
      informationCategories: 'Skolgång, hälsa',
      exclusions: '',
      form: 'written',
      documentRef: 'Dnr SN 2026/30',
    });
    caseRef = /SAM-[0-9A-Z]{8}/.exec(json(recorded))![0];
    const sv = await personal(`sip ny ${caseRef}`);
    expect(cardKind(sv[0]!)).toBe('sip-form');
    const form = json(cardOf(sv[0]!));
    expect(form).toContain(caseRef);
    expect(form).toContain('"verb":"sip.create"');
    expect(form).toContain('Social sektor, Utbildningssektor');
    expect(form).not.toContain(SUBJECTS.c.name);
    const en = await personal(`sip new ${caseRef.toLowerCase()}`, USERS.megan, 'en-US');
    expect(cardKind(en[0]!)).toBe('sip-form');
    expect(json(cardOf(en[0]!))).toContain('Book the SIP meeting');
  });
});

describe('sip.create: consent scope by agency, booking through the meetings', () => {
  it('says which invited agency the consent does not cover, and books nothing', async () => {
    const before = (await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).length;
    const card = await invoke('sip.create', booking({ participants: 'social-sektor,bup,guardian1' }));
    expect(kind(card)).toBe('sip-form');
    expect(json(card)).toContain('Samtycket omfattar inte BUP Sörmland');
    const en = await invoke('sip.create', booking({ participants: 'bup,child' }), USERS.megan, 'en-US');
    expect(json(en)).toContain('The consent does not cover BUP Sörmland');
    expect((await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).length).toBe(before);
  });

  it('refuses a name for a family member, a past time and an identifying place', async () => {
    const named = await invoke('sip.create', booking({ participants: 'guardian1, Mormor Gunnel' }));
    expect(json(named)).toContain('1 deltagare är okänd');
    // A name typed where a role belongs is neither shown back nor kept (the privacy scan looks for the subjects' names everywhere).
    expect(json(named)).not.toContain('Gunnel');
    const subject = await invoke('sip.create', booking({ participants: `guardian1, ${SUBJECTS.b.name}` }));
    expect(['sip-form', 'consent-refusal']).toContain(kind(subject));
    expect(json(subject)).not.toContain(SUBJECTS.b.name.split(' ')[1]!);
    const past = await invoke('sip.create', booking({ date: '2026-03-01' }));
    expect(json(past)).toContain('2026-03-01 13:00 har redan varit');
    const place = await invoke('sip.create', booking({ location: `Hemma hos ${SUBJECTS.a.personnummer}` }));
    expect(kind(place)).toBe('sip-form');
    expect(json(place)).not.toContain(SUBJECTS.a.personnummer);
  });

  it('books the SIP meeting: the plan card answers, the meeting card goes to the operative channel; a resend books once', async () => {
    const activity = actionExecute('sip.create', booking(), { serviceUrl: t.emulator.url, user: USERS.megan });
    const mark = t.emulator.sent.length;
    const card = await invoke('sip.create', {}, USERS.megan, 'sv-SE', activity);
    expect(kind(card)).toBe('sip-plan');
    expect(json(card)).toContain('SIP-mötet är bokat');
    expect(json(card)).toContain('Vårdnadshavare 1');
    sipId = /"sipId":"([^"]+)"/.exec(json(card))![1]!;
    const posted = t.emulator.sent.slice(mark).filter((a) => a.conversationId.startsWith(OPERATIVE) && cardKind(a) === 'meeting');
    expect(posted).toHaveLength(1);
    // The case reference stays out of the channel's meeting card.
    expect(json(cardOf(posted[0]!))).not.toContain(caseRef);
    const meetings = await t.bot.services.meetings.listGroup(TENANT, 'operativ', {});
    const again = await invoke('sip.create', {}, USERS.megan, 'sv-SE', activity);
    expect(kind(again)).toBe('sip-plan');
    expect(/"sipId":"([^"]+)"/.exec(json(again))![1]).toBe(sipId);
    expect((await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).length).toBe(meetings.length);
    const stored = await t.bot.services.sips.get(TENANT, 'operativ', sipId);
    expect(stored?.status).toBe('booked');
    expect(stored?.family).toEqual(['guardian1', 'guardian2', 'child']);
  });

  it('sip lists it by case reference, with the SIP system link; in the operative channel too', async () => {
    const list = json(cardOf((await personal('sip'))[0]!));
    expect(list).toContain(caseRef);
    expect(list).toContain('Möte bokat');
    expect(list).toContain(SIP_SYSTEM);
    const inChannel = await say(
      channelMessage('sip', { serviceUrl: t.emulator.url, user: USERS.megan, channelId: OPERATIVE, mention: true }),
    );
    const card = inChannel.find((a) => cardKind(a) === 'sip-list');
    expect(json(cardOf(card!))).toContain(caseRef);
  });
});

describe('sip.plan: the plan through the gate, its page and the coordinator’s reminder', () => {
  it('refuses an identifier in every text field, names the field, keeps and shows nothing of it', async () => {
    for (const field of Object.keys(PLAN).filter((k) => k !== 'followUpDate')) {
      const card = await invoke('sip.plan', { sipId, ...PLAN, [field]: `Gäller ${SUBJECTS.b.personnummer} som har hög frånvaro` });
      expect(kind(card), field).toBe('sip-plan');
      expect(json(card), field).not.toContain(SUBJECTS.b.personnummer);
      expect(json(card), field).not.toContain('hög frånvaro');
      expect((await t.bot.services.sips.get(TENANT, 'operativ', sipId))?.plan, field).toBeUndefined();
    }
    const en = await invoke('sip.plan', { sipId, ...PLAN, needs: `For ${SUBJECTS.b.personnummer}` }, USERS.megan, 'en-US');
    expect(json(en)).toContain('Interventions needed:');
  });

  it('asks for the required items and a follow-up date after today', async () => {
    const empty = await invoke('sip.plan', { sipId, ...PLAN, needs: '', coordinator: '' });
    expect(json(empty)).toContain('Fyll i: Vilka insatser som behövs.');
    expect(json(empty)).toContain('Fyll i: Samordnare (namn och roll).');
    const past = await invoke('sip.plan', { sipId, ...PLAN, followUpDate: '2026-03-01' });
    expect(json(past)).toContain('Uppföljningsdatumet ska vara ett riktigt datum efter i dag.');
  });

  it('saves the plan (resent: once), with a printable page for the family', async () => {
    const activity = actionExecute('sip.plan', { sipId, ...PLAN }, { serviceUrl: t.emulator.url, user: USERS.megan });
    const card = await invoke('sip.plan', {}, USERS.megan, 'sv-SE', activity);
    expect(kind(card)).toBe('sip-plan');
    expect(json(card)).toContain('Planen är sparad. Samordnaren påminns före uppföljningen 2026-06-01.');
    await invoke('sip.plan', {}, USERS.megan, 'sv-SE', activity);
    const stored = await t.bot.services.sips.get(TENANT, 'operativ', sipId);
    expect(stored?.status).toBe('planned');
    expect(stored?.followUps).toEqual([]);
    printUrl = card.actions.find((a: { type: string; url?: string }) => a.type === 'Action.OpenUrl' && a.url?.includes('/sip/')).url;
    const page = await fetch(`${t.bot.url}${new URL(printUrl).pathname}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const s of [
      caseRef,
      'Stöd i skolan och i hemmet',
      'Utredning på BUP',
      'Megan Bowen, skolkurator',
      '2026-06-01',
      'Vårdnadshavare 2',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain(SUBJECTS.c.name);
    expect((await fetch(`${t.bot.url}/sip/${'A'.repeat(43)}.html`)).status).toBe(404);
    expect((await fetch(`${t.bot.url}/sip/short.html`)).status).toBe(404);
  });

  it('a member opens it from the list, in either language; a convener of the group lists it too', async () => {
    const en = await invoke('sip.open', { sipId }, USERS.megan, 'en-US');
    expect(kind(en)).toBe('sip-plan');
    expect(json(en)).toContain('Save the plan');
    expect(json(en)).toContain('Stöd i skolan och i hemmet');
    const alex = await personal('sip', USERS.alex, 'en-US');
    expect(json(cardOf(alex[0]!))).toContain(caseRef);
    expect(json(cardOf(alex[0]!))).toContain('Plan made');
  });

  it('people outside the group may not open, plan or close it', async () => {
    for (const verb of ['sip.open', 'sip.plan', 'sip.close']) {
      const card = await invoke(verb, { sipId, ...PLAN }, USERS.adele);
      expect(kind(card), verb).toBe('not-allowed');
      expect(json(card)).not.toContain(caseRef);
    }
  });

  it('reminds the coordinator a week before the follow-up, through /api/jobs/run, once', async () => {
    // Megan has a personal chat with the bot (the tests above); the plan names her as coordinator.
    const mark = t.emulator.sent.length;
    const early = await runJobs('reminders', new Date('2026-05-24T08:00:00.000Z'));
    expect(t.emulator.sent.slice(mark).filter((a) => a.conversationId === MEGAN_CHAT && cardKind(a) === 'sip-plan')).toHaveLength(0);
    expect(early.sent).toBeGreaterThanOrEqual(0);
    await runJobs('reminders', new Date('2026-05-25T07:00:00.000Z'));
    await runJobs('reminders', new Date('2026-05-25T08:00:00.000Z'));
    const reminders = t.emulator.sent.slice(mark).filter((a) => a.conversationId === MEGAN_CHAT && cardKind(a) === 'sip-plan');
    expect(reminders).toHaveLength(1);
    // In the language of Megan's chat (her last message was in English).
    expect(json(cardOf(reminders[0]!))).toMatch(new RegExp(`(du är samordnare för|you coordinate) SIP ${caseRef}`));
  });

  it('a plan saved on the follow-up date follows the SIP up; closing it ends the process', async () => {
    clock.now = new Date('2026-06-01T08:00:00.000Z');
    const followed = await invoke('sip.plan', { sipId, ...PLAN, followUpDate: '2026-10-01' });
    expect(json(followed)).toContain('Uppföljningen är gjord');
    expect((await t.bot.services.sips.get(TENANT, 'operativ', sipId))?.followUps).toEqual(['2026-06-01']);
    const list = await invoke('sip.close', { sipId });
    expect(kind(list)).toBe('sip-list');
    expect(json(list)).toContain(`SIP för ${caseRef} är avslutad`);
    expect(json(list)).not.toContain('"verb":"sip.open"');
    const again = await invoke('sip.close', { sipId }, USERS.megan, 'en-US');
    expect(json(again)).toContain('The SIP was closed already.');
    expect((await t.bot.services.sips.get(TENANT, 'operativ', sipId))?.status).toBe('closed');
    const refused = await invoke('sip.plan', { sipId, ...PLAN, followUpDate: '2026-12-01' });
    expect(json(refused)).toContain('SIP-processen är avslutad');
  });
});

describe('sip in private chats: the personal chat with the bot, not a group chat', () => {
  const GROUP_CHAT = '19:groupchat-sip@thread.v2';
  const inGroupChat = (text: string, user: TestUser = USERS.megan, locale = 'sv-SE') => {
    const a = channelMessage(text, { serviceUrl: t.emulator.url, user, channelId: OPERATIVE, mention: true, locale }) as Record<
      string,
      any
    >;
    a.conversation = { id: GROUP_CHAT, conversationType: 'groupChat', isGroup: true, tenantId: a.conversation.tenantId };
    a.channelData = { tenant: a.channelData.tenant };
    return a;
  };

  it('in a group chat, sip and sip ny answer where to go instead, in both languages, and show no case reference', async () => {
    const sv = (await say(inGroupChat('sip'))).filter((a) => a.conversationId.startsWith(GROUP_CHAT));
    expect(sv.map(cardKind)).toEqual(['not-allowed']);
    expect(json(cardOf(sv[0]!))).toContain('En SIP hanteras i den operativa gruppens kanal eller i din personliga chatt med mig');
    const en = (await say(inGroupChat(`sip new ${caseRef}`, USERS.megan, 'en-US'))).filter((a) => a.conversationId.startsWith(GROUP_CHAT));
    expect(en.map(cardKind)).toEqual(['not-allowed']);
    expect(json(cardOf(en[0]!))).toContain("A SIP is handled in the operative group's channel or in your personal chat with me");
    expect(json(cardOf(en[0]!))).not.toContain(caseRef);
  });

  it('a SIP card pressed in a group chat is answered the same way; in the personal chat it opens', async () => {
    const conversation = { id: GROUP_CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
    const there = await invoke('sip.open', { sipId }, USERS.megan, 'sv-SE', {
      ...actionExecute('sip.open', { sipId }, { serviceUrl: t.emulator.url, user: USERS.megan, conversation }),
    });
    expect(kind(there)).toBe('not-allowed');
    expect(json(there)).not.toContain(caseRef);
    const personalChat = await invoke('sip.open', { sipId });
    expect(kind(personalChat)).toBe('sip-plan');
    expect(json(personalChat)).toContain(caseRef);
  });
});

describe('sip.create privately: the invited members, each in their personal chat with the bot (Teams lets a bot start no group chat)', () => {
  const ALEX_CHAT = `a:personal-${USERS.alex.id}`;
  let privateSip = '';
  let meetingId = '';
  const privately = (over: Record<string, string> = {}) =>
    booking({ participants: 'social-sektor,utbildningssektor,guardian1', date: '2026-06-10', time: '10:00', where: 'private', ...over });
  const meetingCardsTo = (sent: SentActivity[], conversationId: string) =>
    sent.filter((a) => a.conversationId === conversationId && cardKind(a) === 'meeting');
  const toChannel = (sent: SentActivity[]) => sent.filter((a) => a.conversationId.startsWith(OPERATIVE));

  it('the form offers the channel or the invited members’ own chats, in both languages', async () => {
    // Alex's personal chat with the bot, as Teams makes it when the app is installed for him.
    await personal('hjälp', USERS.alex);
    const sv = json(cardOf((await personal(`sip ny ${caseRef}`))[0]!));
    expect(sv).toContain('"id":"where"');
    expect(sv).toContain('Bara till de inbjudna, i var och ens chatt med mig');
    const en = json(cardOf((await personal(`sip new ${caseRef}`, USERS.megan, 'en-US'))[0]!));
    expect(en).toContain('Only to those invited, each in their own chat with me');
  });

  it('books it: the meeting card goes to each invited member’s personal chat, not to the channel; a resend sends nothing more', async () => {
    const activity = actionExecute('sip.create', privately(), { serviceUrl: t.emulator.url, user: USERS.megan });
    const mark = t.emulator.sent.length;
    const card = await invoke('sip.create', {}, USERS.megan, 'sv-SE', activity);
    expect(kind(card)).toBe('sip-plan');
    expect(json(card)).toContain('Kallelsen går till de inbjudna i deras personliga chatt med mig: Megan Bowen, Alex Wilber.');
    privateSip = /"sipId":"([^"]+)"/.exec(json(card))![1]!;
    const sent = t.emulator.sent.slice(mark);
    expect(meetingCardsTo(sent, MEGAN_CHAT)).toHaveLength(1);
    expect(meetingCardsTo(sent, ALEX_CHAT)).toHaveLength(1);
    expect(toChannel(sent)).toEqual([]);
    // The case reference is not on the meeting card, in a chat either.
    expect(json(cardOf(meetingCardsTo(sent, ALEX_CHAT)[0]!))).not.toContain(caseRef);
    const sip = await t.bot.services.sips.get(TENANT, 'operativ', privateSip);
    expect(sip?.status).toBe('booked');
    const meeting = await t.bot.services.meetings.get(TENANT, 'operativ', sip!.meetingId!);
    expect(meeting?.invitees).toEqual(['megan.bowen', 'alex.wilber']);
    expect(meeting?.card).toBeUndefined();
    meetingId = meeting!.id;

    const again = t.emulator.sent.length;
    const resent = await invoke('sip.create', {}, USERS.megan, 'sv-SE', activity);
    expect(/"sipId":"([^"]+)"/.exec(json(resent))![1]).toBe(privateSip);
    expect(json(resent)).toContain('SIP-mötet var redan bokat');
    expect(t.emulator.sent.slice(again).filter((a) => cardKind(a) === 'meeting')).toEqual([]);
  });

  it('in English, only the initiator’s agency invited: the notice says who got it, and only they did', async () => {
    const mark = t.emulator.sent.length;
    const card = await invoke('sip.create', privately({ participants: 'social-sektor,child', time: '14:00' }), USERS.alex, 'en-US');
    expect(json(card)).toContain('The invitation goes to those invited, in their personal chat with me: Alex Wilber.');
    const sent = t.emulator.sent.slice(mark);
    expect(meetingCardsTo(sent, ALEX_CHAT)).toHaveLength(1);
    expect(meetingCardsTo(sent, MEGAN_CHAT)).toEqual([]);
    expect(toChannel(sent)).toEqual([]);
  });

  it('a bad place to book is refused and books nothing; someone outside the operative group may not book privately either', async () => {
    const before = (await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).length;
    const bad = await invoke('sip.create', privately({ where: 'groupchat', time: '15:00' }));
    expect(kind(bad)).not.toBe('sip-plan');
    expect(json(bad)).toContain('where');
    const outsider = await invoke('sip.create', privately({ time: '15:00' }), USERS.adele);
    expect(kind(outsider)).toBe('not-allowed');
    // Another tenant's user finds no consent by this reference (the demo organisation names no tenant), and books nothing.
    const elsewhere = actionExecute('sip.create', privately({ time: '15:00' }), {
      serviceUrl: t.emulator.url,
      user: USERS.megan,
      tenantId: '99999999-0000-0000-0000-000000000009',
    });
    const foreign = await invoke('sip.create', {}, USERS.megan, 'sv-SE', elsewhere);
    expect(kind(foreign)).not.toBe('sip-plan');
    expect(json(foreign)).not.toContain('"verb":"sip.create"');
    expect((await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).length).toBe(before);
  });

  it('an invited member answers in their personal chat; nothing is posted in the channel', async () => {
    const mark = t.emulator.sent.length;
    const card = await invoke('meeting.rsvp', { meetingId, answer: 'yes' }, USERS.alex);
    expect(kind(card)).toBe('meeting');
    expect(json(card)).toContain('Ditt svar: ja.');
    expect((await t.bot.services.meetings.get(TENANT, 'operativ', meetingId))?.rsvp[USERS.alex.aadObjectId!]).toBe('yes');
    expect(toChannel(t.emulator.sent.slice(mark))).toEqual([]);
  });

  it('stays out of the group’s shared calendar feed, which still holds the group’s ordinary meetings', async () => {
    const feed = await t.bot.services.calendarFeeds.ensure(TENANT, 'operativ', new Date('2026-06-01T08:00:00.000Z'));
    const res = await fetch(`${t.bot.url}/calendar/${feed.token}.ics`);
    expect(res.status).toBe(200);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).not.toContain(`UID:${meetingId}@samverkan`);
    const ordinary = (await t.bot.services.meetings.listGroup(TENANT, 'operativ', {})).filter((m) => !m.invitees?.length);
    expect(ordinary.length).toBeGreaterThan(0);
    for (const m of ordinary) expect(ics.replace(/\r\n /g, '')).toContain(`UID:${m.id}@samverkan`);
  });

  it('the day before, each invited member is reminded in their chat through /api/jobs/run, once; the channel gets nothing', async () => {
    const mark = t.emulator.sent.length;
    await runJobs('reminders', new Date('2026-06-09T07:00:00.000Z'));
    await runJobs('reminders', new Date('2026-06-09T07:30:00.000Z'));
    const sent = t.emulator.sent.slice(mark);
    const reminders = (chat: string) =>
      meetingCardsTo(sent, chat).filter((a) => json(cardOf(a)).match(/gruppen möts i morgon|the group meets tomorrow/));
    expect(reminders(MEGAN_CHAT)).toHaveLength(1);
    // Alex: the reminder of each of his two private SIP meetings on 10 June.
    expect(reminders(ALEX_CHAT)).toHaveLength(2);
    expect(toChannel(sent)).toEqual([]);
  });
});
