import { describe, expect, it } from 'vitest';
import { fromStore } from '../../../src/domain/consent/checked-text';
import type { Meeting } from '../../../src/domain/meetings/meeting';
import type { Minutes, Task } from '../../../src/domain/minutes/minutes';
import { type Organisation, validateOrganisation } from '../../../src/domain/organisation';
import { buildReport, type ReportInput, reportPeriod } from '../../../src/domain/report/report';
import { reportCard } from '../../../src/features/report/card';
import { reportHtml } from '../../../src/features/report/page';
import { loadReport } from '../../../src/features/report/report';
import { ReportStore } from '../../../src/storage/reports';
import { TABLES } from '../../../src/storage/tables';
import { DIGEST_TENANT, digestOrganisation, seedDigest } from '../../support/digest-seed';
import { memoryStores } from '../../support/memory';
import type { TableClient } from '@azure/data-tables';
import { expectValidCard } from '../../support/cards';

/**
 * The report to the boards on a seeded year: two groups, a strategic one
 * meeting monthly and an operative one weekly, their minutes, tasks,
 * reviews, the gate's refusals and the consents per month.
 */

function org(): Organisation {
  const r = validateOrganisation(
    {
      id: 'rapportkommun',
      name: 'Rapportkommunen',
      tenantId: 't-report',
      people: [
        { id: 'anna', displayName: 'Anna Styrsson', role: 'Skolchef' },
        { id: 'bo', displayName: 'Bo Styrsson', role: 'Socialchef' },
        { id: 'cia', displayName: 'Cia Opsson', role: 'Kurator' },
        { id: 'dan', displayName: 'Dan Opsson', role: 'Socialsekreterare' },
      ],
      groups: [
        { id: 'styr', name: 'Styrgrupp', level: 'strategic', conveners: ['anna'], members: ['bo'], cadence: 'monthly' },
        { id: 'op', name: 'Operativ grupp', level: 'operative', conveners: ['cia'], members: ['dan'], cadence: '10 times a year' },
      ],
      managers: [{ personId: 'bo', oversees: 'all' }],
      documents: [
        {
          id: 'plan',
          title: 'Handlingsplan för samverkan',
          ownerGroup: 'styr',
          reviewCycle: { kind: 'yearly', month: 3 },
          lastReviewed: '2025-03-01',
        },
      ],
    },
    'rapport.yaml',
  );
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

const at = (day: string, time = '13:00') => new Date(`${day}T${time}:00+01:00`).toISOString();

function meeting(groupId: string, day: string, status: Meeting['status'] = 'scheduled'): Meeting {
  return { id: `${groupId}-${day}`, start: at(day), end: at(day, '14:30'), status } as Meeting;
}

/** The seeded year 2026 as of 2026-12-20: the strategic group met 11 of 12 months (May cancelled), the operative 6 times. */
function seeded(now = new Date('2026-12-20T12:00:00Z')): ReportInput {
  const o = org();
  const styr: Meeting[] = [];
  for (let m = 1; m <= 12; m++) styr.push(meeting('styr', `2026-${String(m).padStart(2, '0')}-10`, m === 5 ? 'cancelled' : 'scheduled'));
  // Last year's and a future meeting do not count.
  styr.push(meeting('styr', '2025-12-10'), meeting('styr', '2026-12-28'));
  const op = ['2026-02-03', '2026-03-03', '2026-04-07', '2026-09-01', '2026-10-06', '2026-11-03'].map((d) => meeting('op', d));
  const minutes = (ms: Meeting[], attendees: string[], decisions: string[]): Minutes[] =>
    ms.map((m) => ({ meetingId: m.id, status: 'final', attendees, decisions: decisions.map(fromStore) }) as unknown as Minutes);
  const task = (id: string, meetingId: string, due: string, doneAt?: string): Task =>
    ({ id, meetingId, due, ...(doneAt ? { doneAt } : {}) }) as Task;
  return {
    organisation: o,
    period: reportPeriod(2026, false),
    now,
    meetings: new Map([
      ['styr', styr],
      ['op', op],
    ]),
    minutes: new Map([
      ['styr', minutes(styr.slice(0, 4), ['anna'], ['Handlingsplanen antas'])],
      ['op', minutes(op, ['cia', 'dan'], ['SAM-7K3F9Q2M: SIP bokas'])],
    ]),
    tasks: new Map([
      [
        'styr',
        [
          task('t1', 'styr-2026-01-10', '2026-02-01', at('2026-01-20')),
          task('t2', 'styr-2026-02-10', '2026-03-01'),
          task('t3', 'styr-2025-12-10', '2026-01-01'),
        ],
      ],
      ['op', [task('t4', 'op-2026-11-03', '2027-01-15')]],
    ]),
    reviews: new Map([['plan', { documentId: 'plan', reviews: [{ date: '2026-03-12', decisionRef: fromStore('Ks 2026/12 § 4') }] }]]),
    audit: [
      { month: '2026-01', groupId: 'op', event: 'refusal' },
      { month: '2026-01', groupId: 'op', event: 'refusal' },
      { month: '2026-03', groupId: '', event: 'refusal' },
      { month: '2026-03', groupId: 'op', event: 'consentRecorded' },
      { month: '2026-09', groupId: 'op', event: 'consentWithdrawn' },
      { month: '2025-12', groupId: 'op', event: 'refusal' },
    ],
    consentExpiries: [
      { groupIds: ['op'], validUntil: '2026-06-30', withdrawn: false },
      { groupIds: ['op'], validUntil: '2026-06-15', withdrawn: true },
      { groupIds: ['op'], validUntil: '2027-01-31', withdrawn: false },
    ],
  };
}

describe('buildReport on a seeded year', () => {
  it('counts meetings held against the cadence, attendance, decisions and actions per group', () => {
    const r = buildReport(seeded());
    const styr = r.groups.find((g) => g.id === 'styr')!;
    // 20 December: the cadence asks for 11 so far (monthly), 9 of the operative group's 10.
    expect(styr).toMatchObject({ expected: 11, held: 11, cancelled: 1, withMinutes: 4, attendancePercent: 50, decisions: 4 });
    expect(styr.decisionTexts).toEqual(Array(4).fill('Handlingsplanen antas'));
    // t3 belongs to last year's meeting; t1 done, t2 overdue.
    expect(styr.actions).toEqual({ recorded: 2, done: 1, overdue: 1, open: 1 });
    const op = r.groups.find((g) => g.id === 'op')!;
    expect(op).toMatchObject({ expected: 9, held: 6, withMinutes: 6, attendancePercent: 100, decisions: 6 });
    expect(op.actions).toEqual({ recorded: 1, done: 0, overdue: 0, open: 1 });
    expect(r.totals).toEqual({ held: 17, expected: 20, refusals: 3, decisions: 10, actionsOverdue: 1 });
    expect(r.asOf).toBe('2026-12-20');
  });

  it('a year that has ended counts the whole cadence and every meeting held in it', () => {
    const r = buildReport(seeded(new Date('2027-01-10T12:00:00Z')));
    expect(r.asOf).toBe('2026-12-31');
    expect(r.groups.find((g) => g.id === 'styr')!).toMatchObject({ expected: 12, held: 12 });
    expect(r.groups.find((g) => g.id === 'op')!).toMatchObject({ expected: 10, held: 6 });
  });

  it('quotes no decision that names a person or a case, in any group: those it counts only', () => {
    const base = seeded();
    const styrMinutes = base.minutes.get('styr')!;
    const named = [
      { ...styrMinutes[0]!, decisions: ['Kalle Testsson i 4B får stöd av elevhälsan', 'SAM-7K3F9Q2M följs upp'].map(fromStore) },
      ...styrMinutes.slice(1),
    ];
    const r = buildReport({ ...base, minutes: new Map([...base.minutes, ['styr', named]]) });
    const styr = r.groups.find((g) => g.id === 'styr')!;
    expect(styr.decisions).toBe(5);
    expect(styr.decisionTexts).toEqual(Array(3).fill('Handlingsplanen antas'));
    expect(JSON.stringify(r)).not.toContain('Testsson');
    expect(JSON.stringify(r)).not.toContain('SAM-7K3F9Q2M');
  });

  it('keeps an operative group to counts: its decisions (which may hold a case reference) are not listed', () => {
    const r = buildReport(seeded());
    expect(r.groups.find((g) => g.id === 'op')!.decisionTexts).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('SAM-7K3F9Q2M');
  });

  it('counts refusals and consents per month, and consents expired only once ended', () => {
    const r = buildReport(seeded());
    expect(r.months).toHaveLength(12);
    const m = Object.fromEntries(r.months.map((x) => [x.month, x]));
    expect(m['2026-01']!.refusals).toBe(2);
    expect(m['2026-03']).toMatchObject({ refusals: 1, consentsRecorded: 1 });
    expect(m['2026-09']!.consentsWithdrawn).toBe(1);
    expect(m['2026-06']!.consentsExpired).toBe(1);
    expect(r.months.reduce((s, x) => s + x.consentsExpired, 0)).toBe(1);
  });

  it('lists the reviews of the period with their decision references', () => {
    const r = buildReport(seeded());
    expect(r.reviews).toEqual([
      {
        documentId: 'plan',
        title: 'Handlingsplan för samverkan',
        ownerGroupName: 'Styrgrupp',
        date: '2026-03-12',
        decisionRef: 'Ks 2026/12 § 4',
      },
    ]);
  });

  it('the interim period runs January to August, its cadence pro rata', () => {
    const input = { ...seeded(), period: reportPeriod(2026, true) };
    const r = buildReport(input);
    expect(r.period).toMatchObject({ from: '2026-01-01', to: '2026-08-31' });
    expect(r.months.map((x) => x.month).at(-1)).toBe('2026-08');
    const styr = r.groups.find((g) => g.id === 'styr')!;
    expect(styr.held).toBe(7);
    expect(styr.expected).toBe(8);
    expect(r.groups.find((g) => g.id === 'op')!.expected).toBe(6);
    expect(r.asOf).toBe('2026-08-31');
  });

  it('a running year counts up to today', () => {
    const r = buildReport(seeded(new Date('2026-06-20T12:00:00Z')));
    expect(r.asOf).toBe('2026-06-20');
    expect(r.groups.find((g) => g.id === 'styr')!).toMatchObject({ held: 5, expected: 5 });
  });

  it('puts terms in time order (VT before HT) and counts plan activities done and overdue per plan', () => {
    const r = buildReport({
      ...seeded(),
      indicators: [
        {
          id: 'fort',
          name: 'Fortbildningsdagar',
          target: 2,
          better: 'higher',
          values: [
            { period: '2026-HT', value: 2 },
            { period: '2025-HT', value: 1 },
            { period: '2026-VT', value: 3 },
          ],
        },
      ],
      activities: [
        { documentId: 'plan', status: 'done', due: '2026-03-01' },
        { documentId: 'plan', status: 'ongoing', due: '2026-10-01' },
        { documentId: 'plan', status: 'planned', due: '2027-06-30' },
        { documentId: 'plan', status: 'cancelled', due: '2026-01-01' },
      ],
    });
    expect(r.indicators[0]!.values.map((v) => v.period)).toEqual(['2025-HT', '2026-VT', '2026-HT']);
    expect(r.indicators[0]!.status).toBe('met');
    expect(r.activities).toEqual({
      total: 4,
      done: 1,
      overdue: 1,
      byDocument: [{ documentId: 'plan', title: 'Handlingsplan för samverkan', total: 4, done: 1, overdue: 1 }],
    });
  });

  it('shows plans, indicators and broadcasts as empty until their features fill them, and an indicator against its target', () => {
    const empty = buildReport(seeded());
    expect(empty.activities.total).toBe(0);
    expect(empty.indicators).toEqual([]);
    expect(empty.broadcasts).toEqual([]);
    const r = buildReport({
      ...seeded(),
      indicators: [
        {
          id: 'trygg',
          name: 'Trygghet',
          unit: '%',
          target: 80,
          better: 'higher',
          values: [
            { period: '2026', value: 76 },
            { period: '2025', value: 70 },
          ],
        },
        { id: 'fr', name: 'Frånvaro', target: 5, better: 'lower', values: [{ period: '2026', value: 4 }] },
      ],
    });
    expect(r.indicators.map((i) => [i.id, i.status, i.values.map((v) => v.period)])).toEqual([
      ['trygg', 'notMet', ['2025', '2026']],
      ['fr', 'met', ['2026']],
    ]);
  });
});

describe('the printable report', () => {
  it('renders its charts as SVG, each with a title, and no person in it', async () => {
    const input = seeded();
    const r = buildReport({
      ...input,
      indicators: [
        {
          id: 'trygg',
          name: 'Trygghet',
          unit: '%',
          target: 80,
          better: 'higher',
          values: [
            { period: '2025', value: 70 },
            { period: '2026', value: 76 },
          ],
        },
      ],
    });
    for (const locale of ['sv', 'en'] as const) {
      const html = await reportHtml(r, locale, new Date('2026-12-20T12:00:00Z'));
      const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs).toHaveLength(3);
      for (const svg of svgs) expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*><title id="[^"]+">[^<]+<\/title><desc/);
      expect(html).toContain(locale === 'sv' ? 'Möten hållna mot mötesplanen, per grupp' : 'Meetings held against the cadence, per group');
      // The cadence chart has one bar per group and kind; the numbers are in its description too.
      expect(svgs[0]).toContain('Styrgrupp: 11');
      expect(html).toContain('@media print');
      for (const p of ['Anna Styrsson', 'Bo Styrsson', 'Cia Opsson', 'Dan Opsson', 'anna', 'SAM-7K3F9Q2M']) expect(html).not.toContain(p);
    }
  });

  it('the report card holds the headline figures and the link, and is a valid card in both languages', () => {
    const r = buildReport(seeded());
    for (const locale of ['sv', 'en'] as const) {
      const card = reportCard(locale, r, 'https://bot.example.se/report/abc.html');
      expectValidCard(card);
      expect(card.body[0]!.id).toBe('report');
      expect(JSON.stringify(card)).toContain(locale === 'sv' ? 'Möten hållna: 17 av 20' : 'Meetings held: 17 of 20');
      expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://bot.example.se/report/abc.html' })]);
    }
  });
});

describe('the report from the stores', () => {
  it('reads a seeded year of 8 groups through the real stores over memory tables', async () => {
    const organisation = digestOrganisation(8);
    const now = new Date('2026-11-20T12:00:00Z');
    const stores = memoryStores(organisation.timeZone);
    await seedDigest(stores, organisation, now, { consents: 40 });
    const c = (name: string) => stores.tables.client(name) as unknown as TableClient;
    const reports = new ReportStore(c(TABLES.reportTokens), c(TABLES.audit), stores.figures);
    const deps = { organisation, meetings: stores.meetings, minutes: stores.minutes, reviews: stores.reviews, now: () => now, reports };
    const r = await loadReport(deps, { tenantId: DIGEST_TENANT, year: 2026, interim: false });
    expect(r.groups).toHaveLength(8);
    // Monthly meetings on day gi+1 from January; held by 20 November: 11 each (the one on day 21 and up in November not yet).
    expect(r.groups[0]!.held).toBe(11);
    expect(r.groups[0]!.expected).toBe(10);
    // Refusals in groups 1 and 7 (gi % 6 === 1): three each, all in November.
    expect(r.totals.refusals).toBe(6);
    expect(r.months.find((m) => m.month === '2026-11')!.refusals).toBe(6);
    const html = await reportHtml(r, 'sv', now);
    expect(html).not.toMatch(/Person\d+|Efternamn|SAM-\d/);
  });

  it('gives one link per tenant and period, and resolves it', async () => {
    const stores = memoryStores();
    const c = (name: string) => stores.tables.client(name) as unknown as TableClient;
    const reports = new ReportStore(c(TABLES.reportTokens), c(TABLES.audit), stores.figures);
    const a = await reports.ensureToken({ tenantId: 't1', year: 2026, interim: false });
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await reports.ensureToken({ tenantId: 't1', year: 2026, interim: false })).toBe(a);
    const b = await reports.ensureToken({ tenantId: 't1', year: 2026, interim: true });
    expect(b).not.toBe(a);
    expect(await reports.resolveToken(a)).toEqual({ tenantId: 't1', year: 2026, interim: false });
    expect(await reports.resolveToken(b)).toEqual({ tenantId: 't1', year: 2026, interim: true });
    expect(await reports.resolveToken('x'.repeat(43))).toBeUndefined();
    expect(await reports.resolveToken('bad token')).toBeUndefined();
  });
});
