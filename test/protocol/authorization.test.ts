import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { storedMeeting } from '../support/meetings';
import { cardOf } from '../support/connector-emulator';

/**
 * Who may do what, over real HTTP (SPEC section 5): every command and card
 * action against every role — a convener, a member, an operative member with
 * the right to record consent, a manager who convenes nothing, someone in no
 * group, and a user of another tenant — allowed or refused as the SPEC says.
 */

const MONA = { id: '29:mona', aadObjectId: '00000000-0000-0000-0000-0000000000030', name: 'Mona Manager' };
const OTHER_TENANT = '99999999-0000-0000-0000-000000000001';
type Who = 'convener' | 'member' | 'consentMember' | 'manager' | 'none' | 'otherTenant';
const PEOPLE: Record<Who, { user: TestUser; tenant: string }> = {
  convener: { user: USERS.alex, tenant: TENANT },
  member: { user: USERS.adele, tenant: TENANT },
  consentMember: { user: USERS.megan, tenant: TENANT },
  manager: { user: MONA, tenant: TENANT },
  none: { user: USERS.isaiah, tenant: TENANT },
  otherTenant: { user: USERS.alex, tenant: OTHER_TENANT },
};
const WHO = Object.keys(PEOPLE) as Who[];

const CHANNEL = '19:channel-authz@thread.tacv2';
const TEAM = '19:team-authz@thread.tacv2';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let meetingId = '';

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-authz-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(
    file,
    [
      'extends: local-demo',
      `tenantId: ${TENANT}`,
      'addPeople:',
      `  - { id: mona.manager, displayName: Mona Manager, aadObjectId: ${MONA.aadObjectId}, role: Förvaltningschef }`,
      'addManagers:',
      '  - { personId: mona.manager, oversees: all }',
    ].join('\n'),
  );
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { ORG_CONFIG: file, SCHEDULER_TICK_MS: '0' },
  });
  await t.post(
    channelMessage('grupp koppla samverkansgrupp', { serviceUrl: t.emulator.url, mention: true, channelId: CHANNEL, teamId: TEAM }),
  );
  await t.post(channelMessage('boka 2026-12-10 13:00 60', { serviceUrl: t.emulator.url, mention: true, channelId: CHANNEL, teamId: TEAM }));
  meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(t.emulator.sent.map((a) => a.body)))![1]!;
  // A meeting that has been held, for the minutes.
  const s = t.bot.services;
  await s.meetings.create(storedMeeting('samverkansgrupp.heldheld0001', 'samverkansgrupp', '2026-11-20T12:00:00.000Z'));
});
afterAll(async () => t?.close());

// Refused: the not-allowed card, a refusal on the card itself, or — for another tenant, whose
// channel links, meetings and agendas are their own — nothing of ours found.
const REFUSAL = /Bara gruppens|Only the group's|Du tillhör en annan organisation|Kanalen är inte kopplad/;
function refused(card: Record<string, any> | undefined): boolean {
  if (!card) return true;
  const kind = card.body?.[0]?.id;
  return kind === 'not-allowed' || kind === 'error' || REFUSAL.test(JSON.stringify(card));
}

function channel(text: string, who: Who) {
  const { user, tenant } = PEOPLE[who];
  return channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId: CHANNEL, teamId: TEAM, user, tenantId: tenant });
}
function personal(text: string, who: Who) {
  const { user, tenant } = PEOPLE[who];
  return personalMessage(text, { serviceUrl: t.emulator.url, user, tenantId: tenant, conversationId: `a:personal-${user.id}-${tenant}` });
}
async function answer(activity: Record<string, any>): Promise<Record<string, any> | undefined> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  if (activity.type === 'invoke') return JSON.parse(res.body).value;
  const replies = t.emulator.sent.slice(mark).filter((a) => a.method === 'POST');
  return replies.length ? cardOf(replies[replies.length - 1]!) : undefined;
}
function action(verb: string, data: Record<string, string>, who: Who, inChannel = true) {
  const { user, tenant } = PEOPLE[who];
  const a = actionExecute(verb, data, {
    serviceUrl: t.emulator.url,
    user,
    tenantId: tenant,
    conversation: inChannel ? { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: tenant } : undefined,
  }) as Record<string, any>;
  if (inChannel) a.channelData = { tenant: { id: tenant }, team: { id: TEAM }, channel: { id: CHANNEL } };
  return a;
}

interface Case {
  name: string;
  allowed: Who[];
  make: (who: Who) => Record<string, any>;
}

const CASES: Case[] = [
  { name: 'hjälp', allowed: WHO, make: (w) => personal('hjälp', w) },
  {
    name: 'grupp (the linked channel)',
    allowed: ['convener', 'member', 'consentMember', 'manager', 'none'],
    make: (w) => channel('grupp', w),
  },
  {
    name: 'grupp koppla',
    allowed: ['convener'],
    make: (w) =>
      channelMessage('grupp koppla styrgrupp', {
        serviceUrl: t.emulator.url,
        mention: true,
        channelId: `19:c-${w}-${Date.now()}@thread.tacv2`,
        teamId: TEAM,
        user: PEOPLE[w].user,
        tenantId: PEOPLE[w].tenant,
      }),
  },
  { name: 'boka', allowed: ['convener'], make: (w) => channel('boka', w) },
  { name: 'möten', allowed: ['convener', 'member'], make: (w) => channel('möten', w) },
  { name: 'dagordning', allowed: ['convener', 'member'], make: (w) => channel('dagordning', w) },
  { name: 'protokoll', allowed: ['convener'], make: (w) => channel('protokoll', w) },
  { name: 'översyn', allowed: ['convener', 'manager'], make: (w) => personal('översyn', w) },
  { name: 'samtycke', allowed: ['convener', 'consentMember'], make: (w) => personal('samtycke', w) },
  { name: 'sammanfattning', allowed: ['convener', 'manager'], make: (w) => personal('sammanfattning', w) },
  { name: 'meeting.rsvp', allowed: ['convener', 'member'], make: (w) => action('meeting.rsvp', { meetingId, answer: 'yes' }, w) },
  { name: 'meeting.move', allowed: ['convener'], make: (w) => action('meeting.move', { meetingId, date: '2026-12-10', time: '13:00' }, w) },
  { name: 'meeting.newLink', allowed: ['convener'], make: (w) => action('meeting.newLink', { groupId: 'samverkansgrupp' }, w) },
  {
    name: 'agenda.propose',
    allowed: ['convener', 'member'],
    make: (w) => action('agenda.propose', { meetingId, text: `Punkt från ${w}` }, w),
  },
  { name: 'agenda.publish', allowed: ['convener'], make: (w) => action('agenda.publish', { meetingId }, w) },
  {
    name: 'minutes.save',
    allowed: ['convener'],
    make: (w) => action('minutes.save', { meetingId: 'samverkansgrupp.heldheld0001', decisions: 'Beslut.' }, w),
  },
  {
    name: 'review.complete',
    allowed: ['convener', 'manager'],
    make: (w) => action('review.complete', { documentId: 'riktlinje-samverkan', date: '2026-11-20', decisionRef: '' }, w, false),
  },
  { name: 'consent.list (samtycke lista)', allowed: ['convener', 'consentMember'], make: (w) => personal('samtycke lista', w) },
  { name: 'digest.open', allowed: ['convener', 'manager'], make: (w) => action('digest.open', { view: 'reviews' }, w, false) },
  // From plan to board (SPEC §11).
  { name: 'plan', allowed: ['convener', 'manager'], make: (w) => personal('plan', w) },
  { name: 'indikator', allowed: ['convener'], make: (w) => personal('indikator', w) },
  { name: 'utskick', allowed: ['convener'], make: (w) => personal('utskick', w) },
  { name: 'rapport 2026', allowed: ['convener', 'manager'], make: (w) => personal('rapport 2026', w) },
  {
    name: 'plan.update',
    allowed: ['convener', 'manager'],
    make: (w) => action('plan.update', { documentId: 'handlingsplan', activityId: 'uppfoljning-lasar', status: 'ongoing' }, w, false),
  },
  {
    name: 'indicator.record',
    allowed: ['convener'],
    make: (w) => action('indicator.record', { indicatorId: 'trygghet-barn-unga', period: '2026', value: '1' }, w, false),
  },
  {
    name: 'item.raise',
    allowed: ['convener'],
    make: (w) =>
      action(
        'item.raise',
        { fromMeetingId: 'samverkansgrupp.heldheld0001', toGroupId: 'styrgrupp', text: 'Gemensam rutin för frånvaro' },
        w,
      ),
  },
  {
    name: 'broadcast.send',
    allowed: ['convener'],
    make: (w) =>
      action(
        'broadcast.send',
        { title: 'Ny rutin', text: 'Rutinen för frånvaro är antagen.', url: 'https://intranat.example/rutin', groupIds: 'samverkansgrupp' },
        w,
        false,
      ),
  },
];

describe('every command and card action against every role', () => {
  for (const c of CASES) {
    it(`${c.name}: allowed for ${c.allowed.join(', ')}; refused for the others`, async () => {
      const outcome: Record<string, 'allowed' | 'refused'> = {};
      for (const who of WHO) outcome[who] = refused(await answer(c.make(who))) ? 'refused' : 'allowed';
      const expected = Object.fromEntries(WHO.map((w) => [w, c.allowed.includes(w) ? 'allowed' : 'refused']));
      expect(outcome).toEqual(expected);
    });
  }

  it('a refused answer was not recorded', async () => {
    const row = await t.bot.services.meetings.get(TENANT, 'samverkansgrupp', meetingId);
    expect(Object.keys(row!.rsvp).sort()).toEqual([USERS.adele.aadObjectId, USERS.alex.aadObjectId].sort());
  });
});
