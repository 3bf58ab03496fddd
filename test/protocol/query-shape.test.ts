import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { broadcastId } from '../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../src/domain/consent/checked-text';
import { surveyToken } from '../../src/domain/survey/survey';
import { identifierKey } from '../../src/features/consent/consent';
import { TableStore } from '../../src/storage/tables';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { aConsent } from '../unit/consent/fixtures';
import { storedMeeting } from '../support/meetings';
import { pinnedPartition } from '../support/memory/table';

/**
 * Issue 17 item 6: every storage request a turn makes is a point operation
 * or a query confined to one partition by `PartitionKey eq`, with nothing
 * but RowKey bounds besides. Every TableClient the bot gets from its
 * TableStore is wrapped to record what it is asked; each kind of turn
 * (a personal message, a channel message allowed and refused, each command,
 * each card action) is posted over HTTP against Azurite, and a request of
 * another shape fails the test, naming the table and the filter.
 *
 * The demo organisation names no tenant, which is where the personal-chat
 * lookups used to scan every tenant.
 */

interface Request {
  table: string;
  op: string;
  filter?: string;
}

const requests: Request[] = [];
const wrapped = new WeakMap<TableClient, TableClient>();

function record(table: string, client: TableClient): TableClient {
  let proxy = wrapped.get(client);
  if (proxy) return proxy;
  proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        if (prop === 'listEntities') {
          const filter = (args[0] as { queryOptions?: { filter?: string } } | undefined)?.queryOptions?.filter;
          requests.push({ table, op: prop, filter });
        } else if (/Entity|Transaction|Table$/.test(prop)) requests.push({ table, op: prop });
        return value.apply(target, args);
      };
    },
  });
  wrapped.set(client, proxy);
  return proxy;
}

/**
 * Tables whose partitions are small by design, where a filter on other
 * columns within the one partition is fine: a group's meetings (a year of a
 * group's meetings is a few dozen rows; their keys are the meeting ids).
 */
const BOUNDED_PARTITIONS = new Set(['Meetings']);

/**
 * The open rows of one broadcast's fan-out run: the turn that sends a
 * broadcast to people works that run for at most a few seconds
 * (src/features/broadcast/personal.ts), and its partition holds one row per
 * recipient of that one broadcast, bounded by the organisation's people and
 * not growing with time; only this exact query of the fan-out is allowed.
 */
const BROADCAST_RUN = /^PartitionKey eq 'broadcast-b-[0-9a-f]{16}' and \(status eq 'pending' or status eq 'sending'\)$/;

/** What is wrong with a request's shape, or undefined when it is a point operation or a key-confined query. */
function shapeProblem(r: Request): string | undefined {
  if (r.op !== 'listEntities') return undefined;
  if (!r.filter) return 'a query without a filter reads every partition';
  if (BROADCAST_RUN.test(r.filter) && r.table.replace(/^t[0-9a-f]{10}/, '') === 'Outbox') return undefined;
  if (pinnedPartition(r.filter) === undefined) return 'a query not confined to one partition';
  if (BOUNDED_PARTITIONS.has(r.table.replace(/^t[0-9a-f]{10}/, ''))) return undefined;
  const terms = r.filter.replace(/'(?:[^']|'')*'/g, "''").split(/\s+and\s+/);
  const other = terms.filter((t) => !/^\(?\s*(PartitionKey\s+eq|RowKey\s+(eq|ge|gt|le|lt))\s/.test(t.trim()));
  return other.length ? `a query on other columns than the keys (${other.map((t) => t.split(/\s/)[0]).join(', ')})` : undefined;
}

let t: TestBot;
const NOW = new Date('2026-11-22T10:00:00Z');
const CHANNEL_ID = '19:channel-query-shape@thread.tacv2';
const TEAM = '19:team-query-shape@thread.tacv2';

beforeAll(async () => {
  const real = TableStore.prototype.client;
  vi.spyOn(TableStore.prototype, 'client').mockImplementation(function (this: TableStore, name) {
    return record(String(name), real.call(this, name));
  });
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => NOW, env: { SCHEDULER_TICK_MS: '0' } });
  // Every user has a personal chat (conveners are told of refusals there), and the operative group has its channel.
  for (const user of [USERS.alex, USERS.megan, USERS.adele]) await t.post(personalMessage('hej', { serviceUrl: t.emulator.url, user }));
  await t.post(inChannel('grupp koppla operativ'));
}, 180_000);
// A consent in force for the operative group, so a SIP can be called, booked and planned in the turns below.
const SIP_CASE = 'SAM-7K2M9QXD';
beforeAll(async () => {
  await t.bot.services.consents.record(
    aConsent({
      caseRef: SIP_CASE,
      tenantId: TENANT,
      subject: { personnummer: 'hash-pnr-query-shape' },
      validUntil: '2027-06-30',
      recordedBy: USERS.megan.aadObjectId!,
    }),
  );
});
// Issue 19: a held meeting of the samverkansgrupp to raise an item from, and Alex's survey token, issued as the survey's send does.
const RAISE_FROM = 'samverkansgrupp.shape0000001';
const surveyTokenOf = () => surveyToken(identifierKey(t.bot.services), '2026', 'alex.wilber');
beforeAll(async () => {
  await t.bot.services.meetings.create(storedMeeting(RAISE_FROM, 'samverkansgrupp', '2026-11-19T12:00:00.000Z'));
  await t.bot.services.surveys.issue(t.bot.services.organisation.tenantId ?? '', '2026', surveyTokenOf());
});
/** The SIP the private booking turn below made (its id is that activity's). */
const SIP_BOOKING = actionExecuteOnce('sip.create', {
  caseRef: SIP_CASE,
  participants: 'social-sektor,utbildningssektor,guardian1',
  date: '2026-12-08',
  time: '10:00',
  durationMinutes: '60',
  location: '',
  where: 'private',
});
const sipId = async () => (await t.bot.services.sips.listGroup(TENANT, 'operativ'))[0]?.id ?? 'operativ.0000000000';

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

function inChannel(text: string, o: { mention?: boolean; user?: TestUser } = {}) {
  return channelMessage(text, {
    serviceUrl: t.emulator.url,
    mention: o.mention ?? true,
    channelId: CHANNEL_ID,
    teamId: TEAM,
    user: o.user,
  });
}
const personal = (text: string, user: TestUser = USERS.alex) => personalMessage(text, { serviceUrl: t.emulator.url, user });
/** One card action made once, so the turns after it can name what it made. */
function actionExecuteOnce(verb: string, data: Record<string, string>, user: TestUser = USERS.megan) {
  let made: unknown;
  return () => {
    made ??= actionExecute(verb, data, { serviceUrl: t.emulator.url, user });
    return made;
  };
}
const invoke = (verb: string, data: Record<string, string>, user: TestUser = USERS.alex) =>
  actionExecute(verb, data, { serviceUrl: t.emulator.url, user });

/** The requests one activity makes, from the POST until it is answered. */
async function requestsOf(activity: unknown): Promise<Request[]> {
  const mark = requests.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return requests.slice(mark);
}

/** A broadcast to the operative group's channel and to two people by name (their personal chats, through the outbox fan-out). */
const SHAPE_BROADCAST = {
  title: 'Rutin',
  text: '',
  url: '',
  groupIds: 'operativ',
  memberGroupIds: '',
  personIds: 'megan.bowen,isaiah.langer',
};
const shapeBroadcastId = () =>
  broadcastId(USERS.alex.aadObjectId, {
    title: SHAPE_BROADCAST.title as CheckedText,
    text: '' as CheckedText,
    url: '',
    groupIds: ['operativ'],
    personIds: ['megan.bowen', 'isaiah.langer'],
  });

const TURNS: Array<[string, () => unknown]> = [
  ['a personal message', () => personal('hej, hur gör jag?')],
  ['a channel message allowed', () => inChannel('Vi ses på torsdag i aulan', { mention: false })],
  ['a channel message refused', () => inChannel('Vi behöver prata om Ali Hassan i 7B', { mention: false })],
  ['a command in a channel (möten)', () => inChannel('möten')],
  ['hjälp in a channel', () => inChannel('hjälp')],
  ['grupp in a channel', () => inChannel('grupp')],
  ['hjälp', () => personal('hjälp')],
  ['grupp', () => personal('grupp')],
  ['boka', () => personal('boka')],
  ['möten', () => personal('möten')],
  ['dagordning', () => personal('dagordning')],
  ['protokoll', () => personal('protokoll')],
  ['översyn', () => personal('översyn')],
  ['samtycke', () => personal('samtycke')],
  ['samtycke lista', () => personal('samtycke lista')],
  ['samtycke återkalla', () => personal('samtycke återkalla SAM-00000000')],
  ['sammanfattning', () => personal('sammanfattning')],
  ['rapport', () => personal('rapport 2026')],
  ['språk', () => personal('språk')],
  ['an unknown command from someone in no group', () => personal('möten', USERS.isaiah)],
  ['help.run', () => invoke('help.run', { command: 'meetings' })],
  ['meetings.page', () => invoke('meetings.page', { from: '0' })],
  ['consent.listPage', () => invoke('consent.listPage', { after: '', shown: '0' })],
  ['consent.listPage, a later page', () => invoke('consent.listPage', { after: 'a9999999999999999_SAM-00000000', shown: '25' })],
  [
    'meeting.schedule',
    () => invoke('meeting.schedule', { groupId: 'operativ', date: '2026-12-03', time: '13:00', durationMinutes: '60', recurrence: 'none' }),
  ],
  ['meeting.newLink', () => invoke('meeting.newLink', { groupId: 'operativ' })],
  ['consent.withdraw', () => invoke('consent.withdraw', { caseRef: 'SAM-00000000' })],
  ['language.set', () => invoke('language.set', { language: 'sv' })],
  ['digest.open', () => invoke('digest.open', { view: 'meetings' })],
  ['utskick', () => personal('utskick')],
  ['broadcast.send to a channel and to people', () => invoke('broadcast.send', SHAPE_BROADCAST)],
  ['broadcast.read', () => invoke('broadcast.read', { broadcastId: shapeBroadcastId() }, USERS.megan)],
  ['oro', () => personal('oro')],
  ['kontakt', () => personal('kontakt kurator')],
  ['sip', () => personal('sip', USERS.megan)],
  ['sip ny', () => personal(`sip ny ${SIP_CASE}`, USERS.megan)],
  ['sip.create, booked privately (each invited member told in their personal chat)', SIP_BOOKING],
  ['sip.create resent', SIP_BOOKING],
  // From plan to board (issue 19).
  ['plan', () => personal('plan')],
  [
    'plan.update (an activity given a date: its reminder planned)',
    () => invoke('plan.update', { documentId: 'handlingsplan', activityId: 'uppfoljning-lasar', due: '2027-05-31' }),
  ],
  ['indikator', () => personal('indikator')],
  ['indicator.record', () => invoke('indicator.record', { indicatorId: 'trygghet-barn-unga', period: '2026', value: '1' })],
  [
    'item.raise',
    () => invoke('item.raise', { fromMeetingId: RAISE_FROM, toGroupId: 'styrgrupp', text: 'Gemensam rutin för skolfrånvaro' }),
  ],
  ['survey.answer', () => invoke('survey.answer', { surveyId: '2026', token: surveyTokenOf(), s1: '4', s2: '3', s3: '5', s4: '4' })],
  ['agenda.refresh of a tactical group (the latest survey read)', () => invoke('agenda.refresh', { meetingId: RAISE_FROM })],
];

/** Turns that need what an earlier one made: the SIP's id. */
const SIP_TURNS: Array<[string, (id: string) => unknown]> = [
  ['sip.open', (sipId) => invoke('sip.open', { sipId }, USERS.megan)],
  [
    'sip.plan',
    (sipId) =>
      invoke(
        'sip.plan',
        {
          sipId,
          needs: 'Stöd i skolan',
          municipalityProvides: '',
          regionProvides: '',
          othersProvide: '',
          overallResponsibility: 'Socialtjänsten',
          coordinator: 'Megan Bowen',
          participation: '',
          followUpDate: '2027-03-01',
        },
        USERS.megan,
      ),
  ],
  ['sip.close', (sipId) => invoke('sip.close', { sipId }, USERS.megan)],
];

describe('the storage requests of each kind of turn', () => {
  it.each(TURNS)('%s: point reads and single-partition key ranges only', async (_name, activity) => {
    const made = await requestsOf(activity());
    const wrong = made.flatMap((r) => {
      const problem = shapeProblem(r);
      return problem ? [`${r.table}: ${problem}: ${r.filter}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it.each(SIP_TURNS)('%s: point reads and single-partition key ranges only', async (_name, activity) => {
    const id = await sipId();
    expect(id).not.toBe('operativ.0000000000');
    const made = await requestsOf(activity(id));
    const wrong = made.flatMap((r) => {
      const problem = shapeProblem(r);
      return problem ? [`${r.table}: ${problem}: ${r.filter}`] : [];
    });
    expect(wrong).toEqual([]);
    expect(made.length).toBeGreaterThan(0);
  });

  it('the check itself refuses a cross-partition query and a filter on other columns', () => {
    expect(shapeProblem({ table: 'X', op: 'listEntities', filter: "conversationType eq 'personal'" })).toMatch(/one partition/);
    expect(shapeProblem({ table: 'X', op: 'listEntities', filter: "PartitionKey eq 'a' or PartitionKey eq 'b'" })).toMatch(/one partition/);
    expect(shapeProblem({ table: 'X', op: 'listEntities', filter: "PartitionKey eq 'a' and groupId eq 'g'" })).toMatch(/other columns/);
    expect(
      shapeProblem({ table: 'X', op: 'listEntities', filter: "PartitionKey eq 'a' and RowKey ge 'b' and RowKey lt 'c'" }),
    ).toBeUndefined();
    expect(shapeProblem({ table: 'X', op: 'getEntity' })).toBeUndefined();
    // Only a broadcast's own run of the outbox is let through, and only on the Outbox table.
    const open = "and (status eq 'pending' or status eq 'sending')";
    expect(
      shapeProblem({ table: 'Outbox', op: 'listEntities', filter: `PartitionKey eq 'broadcast-b-0123456789abcdef' ${open}` }),
    ).toBeUndefined();
    expect(shapeProblem({ table: 'Outbox', op: 'listEntities', filter: `PartitionKey eq 'digest-2026-11-23' ${open}` })).toBeDefined();
    expect(
      shapeProblem({ table: 'Consents', op: 'listEntities', filter: `PartitionKey eq 'broadcast-b-0123456789abcdef' ${open}` }),
    ).toBeDefined();
    expect(TENANT).toBeTruthy();
  });
});
