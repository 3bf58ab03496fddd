import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';
import { consentRecordForm } from '../support/consent-form';

/**
 * Read access over real HTTP (issue 13, item 7): a meeting id is in channel
 * cards and in the calendar feed, so every card verb that answers with a
 * meeting, agenda or minutes card — refresh, and every refusal of propose,
 * publish, move, cancel and rsvp — shows it only to the meeting's group: its
 * conveners, its members and the managers who oversee it. Anyone else — an
 * outsider in the tenant, a member of another group, a manager of another
 * area, another tenant's user — gets the not-allowed card, with no agenda
 * item and no case reference in it.
 */

const MONA = { id: '29:mona', aadObjectId: '00000000-0000-0000-0000-0000000000030', name: 'Mona Manager' };
const OLLE = { id: '29:olle', aadObjectId: '00000000-0000-0000-0000-0000000000031', name: 'Olle Områdeschef' };
const OTHER_TENANT = '99999999-0000-0000-0000-000000000002';
type Who = 'convener' | 'member' | 'overseer' | 'otherManager' | 'otherGroupMember' | 'outsider' | 'otherTenant';
const PEOPLE: Record<Who, { user: TestUser; tenant: string }> = {
  convener: { user: USERS.alex, tenant: TENANT },
  member: { user: USERS.megan, tenant: TENANT },
  overseer: { user: MONA, tenant: TENANT },
  otherManager: { user: OLLE, tenant: TENANT },
  otherGroupMember: { user: USERS.adele, tenant: TENANT },
  outsider: { user: USERS.isaiah, tenant: TENANT },
  otherTenant: { user: USERS.alex, tenant: OTHER_TENANT },
};
const READERS: Who[] = ['convener', 'member', 'overseer'];
const OTHERS: Who[] = ['otherManager', 'otherGroupMember', 'outsider', 'otherTenant'];

const CHANNEL = '19:channel-readaccess-operativ@thread.tacv2';
const TEAM = '19:team-readaccess@thread.tacv2';
const ITEM = 'Uppföljning av närvaroplanen';
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let meetingId = '';
let cancelId = '';
let caseRef = '';

const text = (x: unknown) => JSON.stringify(x ?? {});

function action(verb: string, data: Record<string, string>, who: Who) {
  const { user, tenant } = PEOPLE[who];
  const a = actionExecute(verb, data, {
    serviceUrl: t.emulator.url,
    user,
    tenantId: tenant,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: tenant },
  }) as Record<string, any>;
  a.channelData = { tenant: { id: tenant }, team: { id: TEAM }, channel: { id: CHANNEL } };
  return a;
}
async function invoke(verb: string, data: Record<string, string>, who: Who): Promise<Record<string, any>> {
  const res = await t.post(action(verb, data, who));
  expect(res.status).toBe(200);
  return JSON.parse(res.body).value;
}
async function say(activity: Record<string, any>) {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
const inChannel = (line: string, user: TestUser = USERS.alex) =>
  channelMessage(line, { serviceUrl: t.emulator.url, mention: true, channelId: CHANNEL, teamId: TEAM, user });

/** A refusal that shows nothing of the meeting's content. */
function expectNothingShown(card: Record<string, any> | undefined, label: string) {
  expect(card?.body?.[0]?.id, label).toBe('not-allowed');
  const json = text(card);
  expect(json, label).not.toContain(ITEM);
  expect(json, label).not.toContain(caseRef);
  expect(json, label).not.toMatch(/SAM-[0-9A-Z]{8}/);
  expect(json, label).not.toContain(meetingId);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-read-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(
    file,
    [
      'extends: local-demo',
      `tenantId: ${TENANT}`,
      'addPeople:',
      `  - { id: mona.manager, displayName: Mona Manager, aadObjectId: ${MONA.aadObjectId}, role: Förvaltningschef }`,
      `  - { id: olle.manager, displayName: Olle Områdeschef, aadObjectId: ${OLLE.aadObjectId}, role: Områdeschef }`,
      'addManagers:',
      '  - { personId: mona.manager, oversees: [operativ] }',
      '  - { personId: olle.manager, oversees: [styrgrupp, samverkansgrupp] }',
    ].join('\n'),
  );
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { ORG_CONFIG: file, SCHEDULER_TICK_MS: '0' },
  });
  await say(inChannel('grupp koppla operativ'));
  await say(inChannel('boka 2026-12-10 13:00 60'));
  await say(inChannel('boka 2026-12-17 13:00 60'));
  const ids = [...new Set([...text(t.emulator.sent.map((a) => a.body)).matchAll(/"meetingId":"(operativ\.[^"]+)"/g)].map((m) => m[1]!))];
  expect(ids).toHaveLength(2);
  [meetingId, cancelId] = ids as [string, string];
  // A consent in force, and an agenda item for the child's case by its reference.
  const consent = await t.post(
    actionExecute('consent.record', consentRecordForm({ personnummer: SUBJECTS.c.personnummer }), {
      serviceUrl: t.emulator.url,
      user: USERS.megan,
    }),
  );
  caseRef = /SAM-[0-9A-Z]{8}/.exec(consent.body)![0];
  const proposed = await invoke('agenda.propose', { meetingId, text: `${caseRef} ${ITEM}` }, 'member');
  expect(proposed.body[0].id).toBe('agenda');
  expect(text(proposed)).toContain(ITEM);
  expect(text(proposed)).toContain(caseRef);
}, 180_000);
afterAll(async () => t?.close());

interface Case {
  verb: string;
  data: () => Record<string, string>;
  /** The card kind a reader gets (content, or a refusal shown on the content). */
  kind: 'agenda' | 'meeting';
}

// In this order: proposals before the agenda is published; cancel on a meeting of its own.
const CASES: Case[] = [
  { verb: 'agenda.refresh', data: () => ({ meetingId }), kind: 'agenda' },
  { verb: 'meeting.refresh', data: () => ({ meetingId }), kind: 'meeting' },
  { verb: 'agenda.propose', data: () => ({ meetingId, text: 'Punkt från någon' }), kind: 'agenda' },
  { verb: 'agenda.publish', data: () => ({ meetingId }), kind: 'agenda' },
  { verb: 'meeting.rsvp', data: () => ({ meetingId, answer: 'yes' }), kind: 'meeting' },
  // To the time it already has: a convener's move changes nothing.
  { verb: 'meeting.move', data: () => ({ meetingId, date: '2026-12-10', time: '13:00' }), kind: 'meeting' },
  { verb: 'meeting.cancel', data: () => ({ meetingId: cancelId }), kind: 'meeting' },
];

describe("meeting and agenda cards are shown to the meeting's group only", () => {
  for (const c of CASES) {
    it(`${c.verb}: not allowed for ${OTHERS.join(', ')}, with nothing of the meeting in the answer; the card for ${READERS.join(', ')}`, async () => {
      for (const who of OTHERS) expectNothingShown(await invoke(c.verb, c.data(), who), `${c.verb} / ${who}`);
      for (const who of READERS) {
        const card = await invoke(c.verb, c.data(), who);
        expect(card.body[0].id, `${c.verb} / ${who}`).toBe(c.kind);
        if (c.kind === 'agenda') {
          expect(text(card), `${c.verb} / ${who}`).toContain(ITEM);
          expect(text(card), `${c.verb} / ${who}`).toContain(caseRef);
        }
      }
    });
  }

  it('minutes.save and minutes.finalize: not allowed for anyone outside the group either', async () => {
    for (const verb of ['minutes.save', 'minutes.finalize']) {
      for (const who of OTHERS) expectNothingShown(await invoke(verb, { meetingId, decisions: 'Beslut.' }, who), `${verb} / ${who}`);
    }
  });

  it('the refused actions changed nothing: no item, no answer, no move, no cancellation by anyone outside the group', async () => {
    const s = t.bot.services;
    const agenda = await s.agendas.get(TENANT, 'operativ', meetingId);
    const proposers = new Set(agenda!.items.filter((i) => i.text === 'Punkt från någon').map((i) => i.proposerKey));
    expect([...proposers].sort()).toEqual([USERS.alex.aadObjectId, USERS.megan.aadObjectId].sort());
    const m = await s.meetings.get(TENANT, 'operativ', meetingId);
    expect(Object.keys(m!.rsvp).sort()).toEqual([USERS.alex.aadObjectId, USERS.megan.aadObjectId].sort());
    expect(m!.start).toBe('2026-12-10T12:00:00.000Z');
    expect(await s.agendas.get(OTHER_TENANT, 'operativ', meetingId)).toBeUndefined();
  });

  it('the Action.Submit fallback answers the same: not allowed for an outsider, the agenda for a member', async () => {
    const submit = (user: TestUser) => ({
      ...channelMessage('', { serviceUrl: t.emulator.url, channelId: CHANNEL, teamId: TEAM, user }),
      text: undefined,
      value: { verb: 'agenda.refresh', meetingId },
    });
    const refused = (await say(submit(USERS.isaiah))).filter((a) => a.method === 'POST');
    expect(refused).toHaveLength(1);
    expectNothingShown(cardOf(refused[0]!), 'submit / outsider');
    const shown = (await say(submit(USERS.megan))).filter((a) => a.method === 'POST');
    expect(cardKind(shown[0]!)).toBe('agenda');
    expect(text(cardOf(shown[0]!))).toContain(ITEM);
  });

  it("boka flytta and boka ställ in in the group's channel: not allowed for someone outside the group, and the meeting not shown", async () => {
    for (const user of [USERS.isaiah, USERS.adele]) {
      for (const line of ['boka flytta 2026-12-10 till 2026-12-11', 'boka ställ in 2026-12-10']) {
        const replies = (await say(inChannel(line, user))).filter((a) => a.method === 'POST');
        expect(replies.map(cardKind), `${line} / ${user.name}`).toEqual(['not-allowed']);
        expect(text(cardOf(replies[0]!))).not.toContain(meetingId);
      }
    }
    const m = await t.bot.services.meetings.get(TENANT, 'operativ', meetingId);
    expect(m!.status).toBe('scheduled');
    expect(m!.start).toBe('2026-12-10T12:00:00.000Z');
  });
});
