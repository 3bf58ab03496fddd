import { DateTime } from 'luxon';
import type { Consent } from '../src/domain/consent';
import { fromStore } from '../src/domain/consent/checked-text';
import type { Meeting } from '../src/domain/meetings/meeting';
import type { Minutes, Task } from '../src/domain/minutes/minutes';
import { addDays } from '../src/domain/organisation';
import { reportHtml } from '../src/features/report/page';
import { loadReport } from '../src/features/report/report';
import { MinutesStore } from '../src/storage/agendas';
import { AuditLog } from '../src/storage/audit';
import { startAzurite } from '../src/storage/azurite';
import { FiguresStore } from '../src/storage/figures';
import { MeetingStore } from '../src/storage/meetings';
import { ReportStore } from '../src/storage/reports';
import { ReviewStore } from '../src/storage/reviews';
import { TABLES, TableStore } from '../src/storage/tables';
import { DIGEST_TENANT, digestOrganisation } from '../test/support/digest-seed';
import { summarise } from './stats';

/**
 * `npm run bench -- report`: the report to the boards for a municipality of
 * 20 groups with three years of data (2024–2026) on Azurite: every group's
 * meetings monthly with final minutes (a decision and attendance each) and a
 * task, refusals and consents recorded, withdrawn and expiring every month.
 * Measures what `GET /report/<token>.html` does: reading the period from
 * storage and rendering the page with its charts (vega-lite and vega, SVG),
 * the first run (which loads vega) apart from the median of the rest.
 */

const GROUPS = Number(process.env.REPORT_GROUPS ?? 20);
const RUNS = Number(process.env.REPORT_RUNS ?? 15);
const NOW = new Date('2026-12-20T09:00:00Z');
const YEARS = [2024, 2025, 2026];

async function inBatches(tasks: Array<() => Promise<unknown>>, n: number): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < tasks.length) await tasks[i++]!();
    }),
  );
}

export async function runReportBench(): Promise<unknown> {
  const azurite = await startAzurite();
  try {
    const store = new TableStore(azurite.connectionString, `rb${Date.now().toString(36)}`);
    await store.ensureTables();
    const org = digestOrganisation(GROUPS);
    const tz = org.timeZone;
    const meetings = new MeetingStore(store.client(TABLES.meetings));
    const minutes = new MinutesStore(store.client(TABLES.minutes), store.client(TABLES.actions), store.client(TABLES.minutesPrint));
    const audit = new AuditLog(store.client(TABLES.audit), store.client(TABLES.auditByGroup));
    const figures = new FiguresStore(store.client(TABLES.figures), tz);
    const reviews = new ReviewStore(store.client(TABLES.reviews));
    const reports = new ReportStore(store.client(TABLES.reportTokens), store.client(TABLES.audit), figures);

    const tasks: Array<() => Promise<unknown>> = [];
    const counts = { meetings: 0, refusals: 0, consents: 0 };
    org.groups.forEach((g, gi) => {
      for (const year of YEARS)
        for (let month = 1; month <= 12; month++) {
          const start = DateTime.fromObject({ year, month, day: (gi % 20) + 3, hour: 13 }, { zone: tz });
          if (start.toJSDate() > NOW) continue;
          const end = start.plus({ minutes: 90 });
          const id = `${g.id}.${year}.${month}`;
          const iso = (d: DateTime) => d.toUTC().toISO()!;
          const m = {
            id,
            tenantId: DIGEST_TENANT,
            groupId: g.id,
            start: iso(start),
            end: iso(end),
            timeZone: tz,
            durationMinutes: 90,
            status: month % 7 === 0 ? 'cancelled' : 'scheduled',
            sequence: 0,
            agendaStatus: 'none',
            rsvp: {},
            rsvpUserIds: [],
            createdBy: 'seed',
            createdAt: iso(start),
            updatedAt: iso(start),
            reminded: {},
          } as Meeting;
          counts.meetings++;
          tasks.push(() => meetings.create(m));
          if (m.status === 'cancelled') continue;
          const task: Task = {
            id: `${id}.t`,
            what: fromStore('Uppföljning av handlingsplanen'),
            who: fromStore('Sammankallande'),
            due: addDays(start.toISODate()!, 30),
            meetingId: id,
            ...(month % 3 === 0 ? {} : { doneAt: iso(end.plus({ days: 20 })) }),
          };
          const mins: Minutes = {
            tenantId: DIGEST_TENANT,
            groupId: g.id,
            meetingId: id,
            status: 'final',
            attendees: [...g.conveners, ...g.members].slice(0, 1 + (month % 3)),
            guests: fromStore(''),
            notes: {},
            decisions: [fromStore(`Beslut ${month}/${year}: rutinen för samverkan fastställs`)],
            actions: [task],
            sip: [],
            closedActions: [],
            finalizedAt: iso(end),
            updatedAt: iso(end),
          };
          tasks.push(() => minutes.update(DIGEST_TENANT, g.id, id, () => mins));
          tasks.push(() => minutes.saveActions(DIGEST_TENANT, g.id, [task]));
          if (gi % 3 === 0) {
            counts.refusals++;
            tasks.push(() =>
              audit.append({
                time: start.plus({ days: 2 }).toJSDate(),
                tenantId: DIGEST_TENANT,
                groupId: g.id,
                userId: 'u',
                event: 'refusal',
                categories: ['name'],
                onceKey: `${id}.r`,
              }),
            );
          }
          if (g.level === 'operative') {
            counts.consents++;
            const c = {
              caseRef: `SAM-${gi}${year}${month}`,
              tenantId: DIGEST_TENANT,
              scope: { groupIds: [g.id] },
              validFrom: start.toISODate()!,
              validUntil: start.plus({ months: 6 }).toISODate()!,
              ...(month % 5 === 0 ? { withdrawnAt: iso(end) } : {}),
            } as unknown as Consent;
            tasks.push(() => figures.record({ kind: 'consent', consent: c }));
            tasks.push(() =>
              audit.append({
                time: start.toJSDate(),
                tenantId: DIGEST_TENANT,
                groupId: g.id,
                userId: 'u',
                event: 'consentRecorded',
                caseRef: c.caseRef,
                onceKey: `${id}.c`,
              }),
            );
          }
        }
    });
    const seedStarted = Date.now();
    await inBatches(tasks, 8);
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const deps = { organisation: org, meetings, minutes, reviews, now: () => NOW, reports };
    const key = { tenantId: DIGEST_TENANT, year: 2026, interim: false };
    const once = async () => {
      const t0 = performance.now();
      const report = await loadReport(deps, key);
      const t1 = performance.now();
      const html = await reportHtml(report, 'sv', NOW);
      const t2 = performance.now();
      return { read: t1 - t0, render: t2 - t1, total: t2 - t0, bytes: Buffer.byteLength(html), svgs: (html.match(/<svg/g) ?? []).length };
    };
    const first = await once();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    const total = summarise(runs.map((r) => r.total));
    return {
      data: `${GROUPS} groups, years ${YEARS.join('–')}: ${counts.meetings} meetings, ${counts.refusals} refusals, ${counts.consents} consents (Azurite, seeded in ${seedSeconds.toFixed(1)} s)`,
      firstRunMs: first,
      readMs: summarise(runs.map((r) => r.read)),
      renderMs: summarise(runs.map((r) => r.render)),
      totalMs: total,
      pageKB: first.bytes / 1024,
      charts: first.svgs,
      bar: `median ${total.p50.toFixed(0)} ms against 2000 ms: ${total.p50 < 2000 ? 'met' : 'NOT met'}`,
    };
  } finally {
    await azurite.stop();
  }
}
