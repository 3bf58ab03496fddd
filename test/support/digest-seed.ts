import { DateTime } from 'luxon';
import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import type { Minutes, Task } from '../../src/domain/minutes/minutes';
import { addDays, localDate, type Organisation, validateOrganisation } from '../../src/domain/organisation';
import type { MinutesStore } from '../../src/storage/agendas';
import type { AuditLog } from '../../src/storage/audit';
import type { ConsentStore } from '../../src/storage/consents';
import type { MeetingStore } from '../../src/storage/meetings';

/**
 * Raw rows for the digest's tests and benchmark, written through the real
 * stores as the use cases write them: an organisation of `groups` groups and
 * a manager of all, a year of meetings per group (some held without final
 * minutes, some cancelled, the coming fortnight), tasks open and done,
 * consents (some expiring within 30 days, some withdrawn) and refusals.
 */

export const DIGEST_TENANT = 'tenant-digest';
export const DIGEST_MANAGER = '00000000-0000-0000-0000-0000000000099';

const pad = (n: number, w = 4) => String(n).padStart(w, '0');
const LEVELS = ['strategic', 'tactical', 'operative', 'operative'] as const;

/** `groups` groups of three people each, every fourth… behind its plan; the manager `chef` oversees all. */
export function digestOrganisation(groups: number): Organisation {
  const people: Array<Record<string, unknown>> = [
    { id: 'chef', displayName: 'Chef Alla', aadObjectId: DIGEST_MANAGER, role: 'Förvaltningschef' },
  ];
  const out: Array<Record<string, unknown>> = [];
  for (let g = 0; g < groups; g++) {
    const ids = [0, 1, 2].map((k) => `p${pad(g * 3 + k, 5)}`);
    ids.forEach((id, k) => people.push({ id, displayName: `Person${g * 3 + k} Efternamn${g % 97}`, role: 'Kurator' }));
    out.push({
      id: `grupp-${pad(g)}`,
      name: `Samverkansgrupp ${pad(g)} ${['Norra', 'Södra', 'Östra', 'Västra'][g % 4]} skolområdet`,
      level: LEVELS[g % LEVELS.length],
      conveners: [ids[0]],
      members: ids.slice(1),
      cadence: g % 2 === 0 ? 'monthly' : '6 times a year',
    });
  }
  const r = validateOrganisation(
    {
      id: 'digest',
      name: 'Sammanfattningskommunen',
      tenantId: DIGEST_TENANT,
      language: 'sv',
      people,
      groups: out,
      managers: [{ personId: 'chef', oversees: 'all' }],
    },
    `digest-${groups}.yaml`,
  );
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join('\n'));
  return r.organisation;
}

export interface DigestStores {
  meetings: MeetingStore;
  minutes: MinutesStore;
  consents: ConsentStore;
  audit: AuditLog;
}

export interface SeedOptions {
  consents?: number;
  /** Consents only, numbered from this one on (to add more to a seeded organisation). */
  moreConsentsFrom?: number;
  /** How many writes at once (Azurite likes a few). */
  concurrency?: number;
}

async function inBatches(tasks: Array<() => Promise<unknown>>, n: number): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, n) }, async () => {
      while (i < tasks.length) await tasks[i++]!();
    }),
  );
}

/**
 * Meetings monthly through the year up to a month after `now` at 13:00
 * local; held ones get final minutes except every third; the coming one in
 * every fifth group is cancelled; each held meeting with minutes records a
 * task, the older ones done. Consents spread over five years of expiry
 * dates around `now`, every seventh withdrawn. Refusals in every sixth
 * group, two within the week and one eight days ago.
 */
export async function seedDigest(s: DigestStores, org: Organisation, now: Date, o: SeedOptions = {}): Promise<void> {
  const tz = org.timeZone;
  const tenantId = org.tenantId ?? '';
  const tasks: Array<() => Promise<unknown>> = [];
  const today = localDate(now, tz);
  const base = DateTime.fromJSDate(now, { zone: tz }).startOf('year').set({ hour: 13 });
  const iso = (d: DateTime) => d.toUTC().toISO()!;
  org.groups.forEach((g, gi) => {
    if (o.moreConsentsFrom !== undefined) return;
    for (let k = 0; ; k++) {
      const start = base.plus({ months: k, days: (gi % 20) + 1 });
      if (start > DateTime.fromJSDate(now, { zone: tz }).plus({ days: 25 })) break;
      const end = start.plus({ minutes: 90 });
      const id = `${g.id}.m${k}`;
      const held = end.toMillis() <= now.getTime();
      const cancelled = !held && gi % 5 === 0;
      const m: Meeting = {
        id,
        tenantId,
        groupId: g.id,
        start: iso(start),
        end: iso(end),
        timeZone: tz,
        durationMinutes: 90,
        status: cancelled ? 'cancelled' : 'scheduled',
        sequence: 0,
        agendaStatus: 'none',
        rsvp: {},
        rsvpUserIds: [],
        createdBy: 'seed',
        createdAt: iso(base),
        updatedAt: iso(base),
        reminded: {},
      };
      tasks.push(() => s.meetings.create(m));
      if (held && k % 3 !== 2) {
        const due = addDays(start.toISODate()!, 30);
        const task: Task = {
          id: `${id}.t`,
          what: fromStore('Uppföljning'),
          who: fromStore('Sammankallande'),
          due,
          meetingId: id,
          ...(due < addDays(today, -40) ? { doneAt: iso(base) } : {}),
        };
        const minutes: Minutes = {
          tenantId,
          groupId: g.id,
          meetingId: id,
          status: 'final',
          attendees: [],
          guests: fromStore(''),
          notes: {},
          decisions: [],
          actions: [task],
          sip: [],
          closedActions: [],
          finalizedAt: iso(end),
          updatedAt: iso(end),
        };
        tasks.push(() => s.minutes.update(tenantId, g.id, id, () => minutes));
        tasks.push(() => s.minutes.saveActions(tenantId, g.id, [task]));
      }
    }
    if (gi % 6 === 1) {
      for (const hoursAgo of [2, 30, 8 * 24]) {
        tasks.push(() =>
          s.audit.append({
            time: new Date(now.getTime() - hoursAgo * 3_600_000),
            tenantId,
            groupId: g.id,
            userId: 'u',
            event: 'refusal',
            categories: ['name'],
            onceKey: `seed:${g.id}:${hoursAgo}`,
          }),
        );
      }
    }
  });
  const operative = org.groups.filter((g) => g.level === 'operative');
  for (let i = o.moreConsentsFrom ?? 0; i < (o.consents ?? 0) && operative.length; i++) {
    const validUntil = addDays(today, ((i * 37) % (5 * 365)) - 365);
    const c: Consent = {
      caseRef: `SAM-${pad(i, 8)}`,
      tenantId,
      subject: { personnummer: `hash-p-${i}`, name: `hash-n-${i}` },
      parties: ['guardian1'],
      form: 'written',
      documentRef: fromStore(''),
      scope: {
        groupIds: [operative[i % operative.length]!.id],
        agencies: [],
        informationCategories: fromStore(''),
        exclusions: fromStore(''),
      },
      purpose: fromStore('Samverkan'),
      validFrom: addDays(validUntil, -365),
      validUntil,
      recordedBy: 'seed',
      recordedAt: iso(base),
      ...(i % 7 === 3 ? { withdrawnAt: iso(base), withdrawnBy: 'seed' } : {}),
    };
    tasks.push(() => s.consents.record(c));
  }
  await inBatches(tasks, o.concurrency ?? 8);
}
