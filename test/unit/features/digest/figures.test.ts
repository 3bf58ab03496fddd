import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../../../src/cards/size';
import { status as consentStatus } from '../../../../src/domain/consent';
import type { Consent } from '../../../../src/domain/consent';
import { fromStore } from '../../../../src/domain/consent/checked-text';
import type { DigestGroup } from '../../../../src/domain/digest/digest';
import { digestGroupOf, emptySnapshot, type Figures, type MeetingFact } from '../../../../src/domain/digest/figures';
import { isHeld, type Meeting } from '../../../../src/domain/meetings/meeting';
import { MINUTES_WORKING_DAYS, workingDaysAfter } from '../../../../src/domain/meetings/reminders';
import { overdueTasks } from '../../../../src/domain/minutes/minutes';
import { addDays, cadenceStatus, type Group, localDate, type Organisation } from '../../../../src/domain/organisation';
import { audit } from '../../../../src/features/consent/consent';
import { DigestFacts } from '../../../../src/features/digest/facts';
import { groupNeedsAttention } from '../../../../src/features/digest/card';
import { digestOpen } from '../../../../src/features/digest/actions';
import type { FiguresStore } from '../../../../src/storage/figures';
import { memoryStores, type MemoryStores } from '../../../support/memory';
import { DIGEST_MANAGER, DIGEST_TENANT, digestOrganisation, seedDigest } from '../../../support/digest-seed';
import { turnInfo, fakeTurn } from '../../../support/turn';
import { ALEX, TENANT, world } from '../reviews/world';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const TZ = 'Europe/Stockholm';

/**
 * The digest as it was computed before the figures were kept, from the raw
 * tables (meetings of the year, minutes one by one, every consent, the audit
 * log): kept here only to hold the figures to it.
 */
async function oldWay(s: MemoryStores, tenantId: string, g: Group, now: Date): Promise<DigestGroup> {
  const local = DateTime.fromJSDate(now, { zone: TZ });
  const meetings = await s.meetings.listGroup(tenantId, g.id, {
    from: local.startOf('year').toJSDate(),
    to: local.plus({ days: 14 }).toJSDate(),
  });
  const held = meetings.filter((m) => isHeld(m, now));
  const coming = meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.start) > now.getTime());
  let minutesMissing = 0;
  for (const m of held) {
    const due = workingDaysAfter(DateTime.fromISO(m.start, { zone: TZ }), MINUTES_WORKING_DAYS);
    if (due.toMillis() > now.getTime()) continue;
    if ((await s.minutes.get(tenantId, g.id, m.id))?.status !== 'final') minutesMissing += 1;
  }
  const today = localDate(now, TZ);
  const actions = overdueTasks(await s.minutes.actionsOf(tenantId, g.id), today);
  let consentsExpiring = 0;
  if (g.level === 'operative') {
    const soon = addDays(today, 30);
    consentsExpiring = (await s.consents.listForGroups(tenantId, [g.id])).filter(
      (c) => consentStatus(c, today) === 'inForce' && c.validUntil <= soon,
    ).length;
  }
  const counts = await s.audit.countsFor(tenantId, g.id, new Date(now.getTime() - 7 * 86_400_000), now);
  return {
    groupId: g.id,
    name: g.name,
    level: g.level,
    cadence: cadenceStatus(
      g.cadence,
      held.map((m) => m.start),
      now,
      TZ,
    ),
    coming: coming.map((m) => m.start),
    minutesMissing,
    overdueActions: actions.length,
    consentsExpiring,
    refusalsLastWeek: counts.refusal ?? 0,
  };
}

async function newWay(figures: FiguresStore, org: Organisation, now: Date): Promise<DigestGroup[]> {
  const snap = await figures.snapshot(org.tenantId ?? '', now);
  return org.groups.map((g) => digestGroupOf(g, snap, now, org.timeZone).group);
}

function meeting(over: Partial<Meeting>): Meeting {
  return {
    id: 'operativ.m1',
    tenantId: TENANT,
    groupId: 'operativ',
    start: '2026-11-16T08:00:00.000Z',
    end: '2026-11-16T09:00:00.000Z',
    timeZone: TZ,
    durationMinutes: 60,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: ALEX,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    reminded: {},
    ...over,
  };
}

function consent(over: Partial<Consent> = {}): Consent {
  return {
    caseRef: 'SAM-AAAA1111',
    tenantId: TENANT,
    subject: { personnummer: 'h1' },
    parties: ['guardian1'],
    form: 'written',
    documentRef: fromStore(''),
    scope: { groupIds: ['operativ'], agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
    purpose: fromStore('x'),
    validFrom: '2026-01-01',
    validUntil: '2026-12-05',
    recordedBy: ALEX,
    recordedAt: '2026-01-01T08:00:00.000Z',
    ...over,
  };
}

describe('the digest figures, kept as things happen', () => {
  const operative = (org: Organisation) => org.groups.find((g) => g.id === 'operativ')!;

  it('moves each figure once per event, and a resent event changes nothing', async () => {
    const w = world();
    const f = w.stores.figures;
    const line = async () => digestGroupOf(operative(w.organisation), await f.snapshot(TENANT, NOW), NOW, TZ);
    const held = meeting({});
    const coming = meeting({ id: 'operativ.m2', start: '2026-11-26T08:00:00.000Z', end: '2026-11-26T09:00:00.000Z' });
    for (let i = 0; i < 2; i++) await f.record({ kind: 'meetings', meetings: [held, coming] });
    let g = (await line()).group;
    expect(g.cadence.held).toBe(1);
    expect(g.coming).toEqual([coming.start]);
    expect(g.minutesMissing).toBe(1);
    expect((await line()).next?.start).toBe(coming.start);

    for (let i = 0; i < 2; i++) await f.record({ kind: 'minutesFinal', meeting: held });
    expect((await line()).group.minutesMissing).toBe(0);

    const task = { id: 't1', what: fromStore('a'), who: fromStore('b'), due: '2026-11-01', meetingId: held.id };
    const later = { ...task, id: 't2', due: '2026-12-30' };
    for (let i = 0; i < 2; i++) await f.record({ kind: 'tasks', tenantId: TENANT, groupId: 'operativ', saved: [task, later], done: [] });
    expect((await line()).group.overdueActions).toBe(1);
    await f.record({ kind: 'tasks', tenantId: TENANT, groupId: 'operativ', saved: [], done: ['t1'] });
    expect((await line()).group.overdueActions).toBe(0);

    for (let i = 0; i < 2; i++) await f.record({ kind: 'consent', consent: consent() });
    await f.record({ kind: 'consent', consent: consent({ caseRef: 'SAM-LATER', validUntil: '2027-03-01' }) });
    expect((await line()).group.consentsExpiring).toBe(1);
    await f.record({ kind: 'consent', consent: consent({ withdrawnAt: '2026-11-21T08:00:00.000Z' }) });
    expect((await line()).group.consentsExpiring).toBe(0);

    const id = `${new Date(NOW.getTime() - 3_600_000).toISOString()}_abcdef012345`;
    for (let i = 0; i < 2; i++) await f.record({ kind: 'refusal', tenantId: TENANT, groupId: 'operativ', id, time: id.slice(0, 24) });
    expect((await line()).group.refusalsLastWeek).toBe(1);

    // Cancelling the coming meeting, and moving the held one's row across a term's end.
    await f.record({ kind: 'meetings', meetings: [{ ...coming, status: 'cancelled' }] });
    g = (await line()).group;
    expect(g.coming).toEqual([]);
    await f.record({
      kind: 'meetings',
      meetings: [{ ...held, start: '2026-06-20T08:00:00.000Z', end: '2026-06-20T09:00:00.000Z' }],
      moved: true,
    });
    await f.record({ kind: 'meetings', meetings: [held], moved: true });
    g = (await line()).group;
    expect(g.cadence.held).toBe(1);
    expect(g.minutesMissing).toBe(0);
  });

  it('counts a refusal through the use case once, however often Teams resends the message', async () => {
    const w = world();
    const info = turnInfo({
      tenantId: TENANT,
      activityId: 'act-1',
      activityType: 'message',
      activityTime: new Date(NOW.getTime() - 60_000),
    });
    const services = { ...w.deps, now: () => NOW };
    for (let i = 0; i < 3; i++) await audit(services, info, 'refusal', ['operativ'], { categories: ['name'] });
    const g = digestGroupOf(operative(w.organisation), await w.stores.figures.snapshot(TENANT, NOW), NOW, TZ).group;
    expect(g.refusalsLastWeek).toBe(1);
    expect(w.stores.audit.entries().filter((e) => e.event === 'refusal')).toHaveLength(1);
  });

  it('backfills from the rows stored before, the same whether run once or twice, and equal to the digest computed the old way', async () => {
    const org = digestOrganisation(24);
    const s = memoryStores();
    await seedDigest(s, org, NOW, { consents: 300 });
    const expected = await Promise.all(org.groups.map((g) => oldWay(s, DIGEST_TENANT, g, NOW)));
    // The seed makes every kind of figure count somewhere.
    for (const k of ['minutesMissing', 'overdueActions', 'consentsExpiring', 'refusalsLastWeek'] as const)
      expect(
        expected.some((g) => g[k] > 0),
        k,
      ).toBe(true);
    expect(expected.some((g) => g.coming.length > 0)).toBe(true);
    expect(expected.some((g) => !g.cadence.onTrack)).toBe(true);

    const ids = org.groups.map((g) => g.id);
    const first = await s.figures.backfill(DIGEST_TENANT, ids, NOW);
    const figureRows = () => JSON.stringify((s.tables.dump().Figures ?? []).map(({ etag: _etag, ...row }) => row));
    const once = figureRows();
    expect(await newWay(s.figures, org, NOW)).toEqual(expected);
    const second = await s.figures.backfill(DIGEST_TENANT, ids, NOW);
    expect(second).toEqual(first);
    expect(figureRows()).toBe(once);
    expect(await newWay(s.figures, org, NOW)).toEqual(expected);
    // A day later, without any new event, still the old way's answer.
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const expectedTomorrow = await Promise.all(org.groups.map((g) => oldWay(s, DIGEST_TENANT, g, tomorrow)));
    expect(await newWay(s.figures, org, tomorrow)).toEqual(expectedTomorrow);
  });
});

describe('the digest card at 1,000 groups', () => {
  it('fits in 40 KB for a manager of all, lists the groups needing attention first and counts the rest', async () => {
    const org = digestOrganisation(1000);
    // The figures of a year at 1,000 groups, as the snapshot gives them: every group met monthly; every third's
    // last minutes missing, every seventh's a task overdue, every eleventh with refusals.
    const snap = emptySnapshot();
    org.groups.forEach((g, i) => {
      const meetings: Record<string, MeetingFact> = {};
      for (let m = 0; m < 11; m++) {
        const start = new Date(Date.UTC(2026, m, 10, 12)).toISOString();
        meetings[`${g.id}.m${m}`] = {
          start,
          end: start.replace('T12', 'T13'),
          durationMinutes: 60,
          cancelled: false,
          minutesFinal: !(i % 3 === 0 && m === 10),
        };
      }
      meetings[`${g.id}.next`] = {
        start: '2026-11-30T12:00:00.000Z',
        end: '2026-11-30T13:00:00.000Z',
        durationMinutes: 60,
        cancelled: false,
        minutesFinal: false,
      };
      snap.meetings.set(g.id, meetings);
      if (i % 7 === 0) snap.openTasks.set(g.id, { t: '2026-10-01' });
      if (i % 11 === 0) snap.refusals.set(g.id, ['2026-11-21T10:00:00.000Z']);
    });
    const deps = { organisation: org, figures: { snapshot: async () => snap } as unknown as Figures, reviews: memoryStores().reviews };
    const manager = org.managers[0]!;
    const facts = new DigestFacts(deps, NOW);
    const lines = await Promise.all(org.groups.map((g) => facts.group(DIGEST_TENANT, g)));
    const attention = lines.filter((l) => groupNeedsAttention(l.group)).map((l) => l.group.name);
    const inOrder = lines.length - attention.length;
    expect(attention.length).toBeGreaterThan(0);
    expect(inOrder).toBeGreaterThan(0);
    for (const locale of ['sv', 'en'] as const) {
      const card = await facts.forManager(DIGEST_TENANT, manager, locale);
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const json = JSON.stringify(card);
      // The groups listed are those needing attention, in order, before anything in order.
      const names = [...json.matchAll(/Samverkansgrupp \d{4} \S+ skolområdet/g)].map((m) => m[0]);
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual(attention.slice(0, names.length));
      expect(json).toContain(locale === 'sv' ? `${inOrder} grupper i ordning` : `${inOrder} groups in order`);
      if (names.length < attention.length)
        expect(json).toContain(
          locale === 'sv' ? `${attention.length - names.length} grupper till` : `${attention.length - names.length} more groups`,
        );
    }
    // Every group is reachable a page at a time, each page within 40 KB.
    const turn = fakeTurn(turnInfo({ tenantId: DIGEST_TENANT, aadObjectId: DIGEST_MANAGER, locale: 'sv' }), { organisation: org } as never);
    const services = { ...deps, now: () => NOW } as never;
    const seen: string[] = [];
    let from = 0;
    for (let pages = 0; pages < 100 && from < org.groups.length; pages++) {
      const page = await digestOpen.handle({ services, turn, data: { view: 'groups', from } } as never);
      expect(cardBytes(page)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const json = JSON.stringify(page);
      seen.push(...[...json.matchAll(/Samverkansgrupp \d{4} \S+ skolområdet/g)].map((m) => m[0]));
      const next = /"from":"?(\d+)"?,"view":"groups"|"view":"groups","from":"?(\d+)"?/.exec(json);
      if (!next) break;
      from = Number(next[1] ?? next[2]);
    }
    expect(seen).toEqual([...attention, ...lines.filter((l) => !groupNeedsAttention(l.group)).map((l) => l.group.name)]);
  });
});
