import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import type { Minutes } from '../../src/domain/minutes/minutes';
import { type Organisation, validateOrganisation } from '../../src/domain/organisation';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ConsentStore } from '../../src/storage/consents';
import type { MinutesStore } from '../../src/storage/agendas';
import type { MeetingStore } from '../../src/storage/meetings';

/**
 * A municipality of any size, for tests and benchmarks with maximal data:
 * `groups` collaboration groups of ten people each (one convener, nine
 * members), plus two people of the demo's ids: BUSY, who convenes every
 * group, records consent and manages all (the worst case for every list),
 * and a MANAGER of all who is in no group. People are in proportion, as in
 * issue 17's table: 5 groups → 52 people, 1,000 groups → 10,002.
 */

export const SCALE_TENANT = 'tenant-scale';
/** Convener of every group, consent recorder, manager of all. */
export const BUSY = '00000000-0000-0000-0000-0000000000020';
/** Manager of all, in no group. */
export const MANAGER = '00000000-0000-0000-0000-0000000000024';

const pad = (n: number, w = 4) => String(n).padStart(w, '0');
export const groupIdOf = (i: number) => `grupp-${pad(i)}`;
export const personAad = (i: number) => `10000000-0000-0000-0000-${pad(i, 12)}`;
const LEVELS = ['strategic', 'tactical', 'operative', 'operative'] as const;

/** The organisation with `groups` groups; validated as a file would be (defaults filled in). */
export function scaledOrganisation(groups: number): Organisation {
  const people: Array<Record<string, unknown>> = [
    { id: 'busy', displayName: 'Alex Wilber', aadObjectId: BUSY, role: 'Utvecklingsledare', mayRecordConsent: true },
    { id: 'chef', displayName: 'Chef Alla', aadObjectId: MANAGER, role: 'Förvaltningschef' },
  ];
  const out: Array<Record<string, unknown>> = [];
  for (let g = 0; g < groups; g++) {
    const ids: string[] = [];
    for (let k = 0; k < 10; k++) {
      const n = g * 10 + k;
      const id = `p${pad(n, 5)}`;
      ids.push(id);
      people.push({
        id,
        displayName: `Förnamn${n} Efternamn${n % 977}`,
        aadObjectId: personAad(n),
        role: k === 0 ? 'Rektor' : 'Kurator',
        mayRecordConsent: k < 3,
      });
    }
    out.push({
      id: groupIdOf(g),
      name: `Samverkansgrupp ${pad(g)} ${['Norra', 'Södra', 'Östra', 'Västra'][g % 4]} skolområdet`,
      level: LEVELS[g % LEVELS.length],
      conveners: ['busy', ids[0]],
      members: ids.slice(1),
      cadence: g % 3 === 0 ? 'monthly' : g % 3 === 1 ? 'weekly' : '6 times a year',
    });
  }
  const r = validateOrganisation(
    {
      id: 'skala',
      name: 'Skalkommunen',
      tenantId: SCALE_TENANT,
      language: 'sv',
      people,
      groups: out,
      managers: [
        { personId: 'busy', oversees: 'all' },
        { personId: 'chef', oversees: 'all' },
      ],
    },
    `scale-${groups}.yaml`,
  );
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join('\n'));
  return r.organisation;
}

export interface Seeded {
  meetings: number;
  minutes: number;
  consents: number;
}

/**
 * A school year of meetings for every group: one a month from six months
 * before `now` to six months after, at 13:00 local time; final minutes with
 * two tasks for each one held. `writeMinutes: false` leaves the minutes out.
 */
export async function seedMeetings(
  stores: { meetings: MeetingStore; minutes: MinutesStore },
  org: Organisation,
  now: Date,
  o: { writeMinutes?: boolean; concurrency?: number } = {},
): Promise<Seeded> {
  const tasks: Array<() => Promise<void>> = [];
  let meetings = 0;
  let minutes = 0;
  // 12:00 UTC is 13:00 in Stockholm in winter; plain arithmetic, as luxon for 12,000 dates costs seconds.
  const DAY = 86_400_000;
  const base = Math.floor(now.getTime() / DAY) * DAY + 12 * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const [gi, g] of org.groups.entries()) {
    for (let k = -6; k < 6; k++) {
      const start = base + (k * 30 + (gi % 20) - 10) * DAY;
      const m: Meeting = {
        id: `${g.id}.${pad(gi, 6)}${pad(k + 6, 4)}`,
        tenantId: SCALE_TENANT,
        groupId: g.id,
        start: iso(start),
        end: iso(start + 90 * 60_000),
        timeZone: org.timeZone,
        durationMinutes: 90,
        location: fromStore('Kommunhuset, sal 3'),
        status: 'scheduled',
        sequence: 0,
        agendaStatus: k < 0 ? 'published' : 'none',
        rsvp: {},
        rsvpUserIds: [],
        createdBy: BUSY,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        reminded: {},
      };
      meetings += 1;
      tasks.push(async () => {
        await stores.meetings.create(m);
      });
      if (k < 0 && o.writeMinutes !== false) {
        minutes += 1;
        const due = iso(start + 28 * DAY).slice(0, 10);
        const mins: Minutes = {
          tenantId: SCALE_TENANT,
          groupId: g.id,
          meetingId: m.id,
          status: 'final',
          attendees: g.members.slice(0, 5),
          guests: fromStore(''),
          notes: {},
          decisions: [fromStore('Rutinen för frånvaro gäller från nästa termin.')],
          actions: [0, 1].map((n) => ({
            id: `${m.id}-t${n}`,
            meetingId: m.id,
            what: fromStore(`Följa upp rutin ${n + 1} för närvaro`),
            who: fromStore('Rektor'),
            due,
          })) as Minutes['actions'],
          sip: [],
          closedActions: [],
          finalizedAt: iso(start + DAY),
          finalizedBy: BUSY,
          completedAt: iso(start + DAY),
          updatedAt: iso(start + DAY),
        };
        tasks.push(async () => {
          await stores.minutes.update(SCALE_TENANT, g.id, m.id, () => mins);
        });
      }
    }
  }
  await runAll(tasks, o.concurrency ?? 32);
  return { meetings, minutes, consents: 0 };
}

/**
 * `count` consents spread over the operative groups: a third withdrawn or
 * expired, the rest in force for a year; subject hashes are made-up hex,
 * as the register keeps only keyed hashes.
 */
export async function seedConsents(
  consents: ConsentStore,
  org: Organisation,
  count: number,
  now: Date,
  o: {
    concurrency?: number;
    /**
     * The store's tables: the consents are then written as table
     * transactions (100 rows of one partition each, `concurrency` at once,
     * default 8), the rows the store itself would write, instead of one
     * request per row (20,000 consents on Azurite in seconds, not minutes).
     */
    tables?: { consents: TableClient; index: TableClient };
  } = {},
): Promise<number> {
  // With tables: the rows the store writes, kept by key instead of written (the last write of a key wins, as upserts do; the tables are new, so each is created).
  const captured = { consents: new Map<string, Entity>(), index: new Map<string, Entity>() };
  const capture = new ConsentStore(capturing(captured.consents), capturing(captured.index));
  const operative = org.groups.filter((g) => g.level === 'operative');
  const today = now.toISOString().slice(0, 10);
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const tasks: Array<() => Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const g = operative[i % operative.length]!;
    const kind = i % 6;
    const c: Consent = {
      caseRef: `SAM-${i.toString(36).toUpperCase().padStart(8, '0')}`,
      tenantId: SCALE_TENANT,
      subject: { personnummer: hex(i, 'p'), name: hex(i, 'n') },
      parties: ['guardian1', 'guardian2'],
      form: 'written',
      documentRef: fromStore(`Dnr ${i}`),
      scope: { groupIds: [g.id], agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
      purpose: fromStore('Samordnat stöd i skolan'),
      validFrom: kind === 1 ? day(-400) : day(-30),
      validUntil: kind === 1 ? day(-35) : day(335),
      recordedBy: BUSY,
      recordedAt: `${kind === 1 ? day(-400) : day(-30)}T09:00:00.000Z`,
      ...(kind === 2 ? { withdrawnAt: `${today}T08:00:00.000Z`, withdrawnBy: BUSY } : {}),
    };
    tasks.push(() => (o.tables ? capture.record(c) : consents.record(c)));
  }
  if (!o.tables) {
    await runAll(tasks, o.concurrency ?? 32);
    return count;
  }
  // The rows the store writes, captured, then written as table transactions of 100 per partition, several at once.
  await runAll(tasks, 1);
  const batches: Array<() => Promise<void>> = [];
  for (const [table, rows] of [
    [o.tables.consents, captured.consents],
    [o.tables.index, captured.index],
  ] as const) {
    const byPartition = new Map<string, Entity[]>();
    for (const e of rows.values()) {
      const list = byPartition.get(e.partitionKey) ?? [];
      list.push(e);
      byPartition.set(e.partitionKey, list);
    }
    for (const list of byPartition.values())
      for (let i = 0; i < list.length; i += 100) {
        const batch = list.slice(i, i + 100);
        batches.push(async () => {
          await table.submitTransaction(batch.map((e) => ['create', e] as TransactionAction));
        });
      }
  }
  await runAll(batches, o.concurrency ?? 8);
  return count;
}

type Entity = { partitionKey: string; rowKey: string } & Record<string, unknown>;
/** A table that keeps what is written to it by key. */
const capturing = (rows: Map<string, Entity>) =>
  ({
    async upsertEntity(e: Entity, mode: 'Merge' | 'Replace' = 'Merge') {
      const key = `${e.partitionKey}|${e.rowKey}`;
      rows.set(key, mode === 'Merge' ? { ...rows.get(key), ...e } : e);
    },
    async createEntity(e: Entity) {
      rows.set(`${e.partitionKey}|${e.rowKey}`, e);
    },
  }) as unknown as TableClient;

function hex(i: number, salt: string): string {
  let h = 2166136261 ^ salt.charCodeAt(0);
  let out = '';
  for (let k = 0; k < 8; k++) {
    h = Math.imul(h ^ (i + k * 7919), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

async function runAll(tasks: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}
