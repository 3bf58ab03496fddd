/**
 * The on-demand digest at 5, 50, 200 and 1,000 groups with 200 and 5,000
 * consents, against Azurite: before (the raw tables read per group, as the
 * digest did until the figures were kept: meetings, minutes one by one,
 * every consent per operative group, the audit log) and after (the figures'
 * snapshot). Prints p50 and the card's size per case.
 *
 *   npx tsx bench/digest-scale.ts [groups,...] [consents,...]
 *   e.g. npx tsx bench/digest-scale.ts 5,50,200,1000 200,5000
 *
 * BEFORE_LIMIT (default 2,000,000) skips the before measurement where
 * groups × consents exceeds it (the old way then takes minutes a run).
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { renderCard } from '../src/cards/render';
import { cardBytes } from '../src/cards/size';
import { status as consentStatus } from '../src/domain/consent';
import type { DigestGroup } from '../src/domain/digest/digest';
import { isHeld } from '../src/domain/meetings/meeting';
import { MINUTES_WORKING_DAYS, workingDaysAfter } from '../src/domain/meetings/reminders';
import { overdueTasks } from '../src/domain/minutes/minutes';
import { addDays, cadenceStatus, type Group, localDate } from '../src/domain/organisation';
import { DigestFacts } from '../src/features/digest/facts';
import { MinutesStore } from '../src/storage/agendas';
import { AuditLog } from '../src/storage/audit';
import { startAzurite } from '../src/storage/azurite';
import { ConsentStore } from '../src/storage/consents';
import { FiguresStore } from '../src/storage/figures';
import { MeetingStore } from '../src/storage/meetings';
import { ReviewStore } from '../src/storage/reviews';
import { TABLES, TableStore } from '../src/storage/tables';
import { DIGEST_TENANT, digestOrganisation, seedDigest } from '../test/support/digest-seed';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const groupSizes = (process.argv[2] ?? '5,50,200,1000').split(',').map(Number);
const consentSizes = (process.argv[3] ?? '200,5000').split(',').map(Number);
const BEFORE_LIMIT = Number(process.env.BEFORE_LIMIT ?? 2_000_000);
const RUNS_AFTER = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Raw = { meetings: MeetingStore; minutes: MinutesStore; consents: ConsentStore; audit: AuditLog };

/** The digest's line of one group the way it was computed before the figures (src/features/digest/facts.ts until this change). */
async function oldGroup(s: Raw, g: Group, now: Date, tz: string): Promise<DigestGroup> {
  const local = DateTime.fromJSDate(now, { zone: tz });
  const meetings = await s.meetings.listGroup(DIGEST_TENANT, g.id, {
    from: local.startOf('year').toJSDate(),
    to: local.plus({ days: 14 }).toJSDate(),
  });
  const held = meetings.filter((m) => isHeld(m, now));
  const coming = meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.start) > now.getTime());
  let minutesMissing = 0;
  for (const m of held) {
    const due = workingDaysAfter(DateTime.fromISO(m.start, { zone: tz }), MINUTES_WORKING_DAYS);
    if (due.toMillis() > now.getTime()) continue;
    if ((await s.minutes.get(DIGEST_TENANT, g.id, m.id))?.status !== 'final') minutesMissing += 1;
  }
  const today = localDate(now, tz);
  const actions = overdueTasks(await s.minutes.actionsOf(DIGEST_TENANT, g.id), today);
  let consentsExpiring = 0;
  if (g.level === 'operative') {
    const soon = addDays(today, 30);
    consentsExpiring = (await s.consents.listForGroups(DIGEST_TENANT, [g.id])).filter(
      (c) => consentStatus(c, today) === 'inForce' && c.validUntil <= soon,
    ).length;
  }
  const counts = await s.audit.countsFor(DIGEST_TENANT, g.id, new Date(now.getTime() - 7 * 86_400_000), now);
  return {
    groupId: g.id,
    name: g.name,
    level: g.level,
    cadence: cadenceStatus(
      g.cadence,
      held.map((m) => m.start),
      now,
      tz,
    ),
    coming: coming.map((m) => m.start),
    minutesMissing,
    overdueActions: actions.length,
    consentsExpiring,
    refusalsLastWeek: counts.refusal ?? 0,
  };
}

/** The old card listed every group: its size with every group's line. */
function oldCardBytes(groups: DigestGroup[]): number {
  return cardBytes(
    renderCard('digest', {
      title: 'Samverkan – veckans läge',
      subtitle: `Vecka 47 · ${groups.length} grupper`,
      headline: '⚠️ Behöver uppmärksamhet',
      headlineStyle: 'warning',
      lines: [{ text: 'Grupper efter sin mötesplan: 1' }],
      groups: groups.map((g) => ({
        name: g.name,
        mark: '▲',
        color: 'Attention',
        line: `${g.cadence.held} av ${g.cadence.expectedSoFar} möten · nästa: tis 1 dec. 13:00–14:30`,
      })),
      rest: '',
      moreButton: '',
      moreFrom: 0,
      reviews: [],
      labels: { reviews: 'Visa styrdokumenten', meetings: 'Visa mötena' },
    }),
  );
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const rows: string[] = [
    '| groups | consents | before p50 ms | before card KB | after p50 ms | after card KB |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  try {
    for (const groups of groupSizes) {
      const org = digestOrganisation(groups);
      const store = new TableStore(azurite.connectionString, `ds${randomBytes(4).toString('hex')}`);
      await store.ensureTables();
      const raw: Raw = {
        meetings: new MeetingStore(store.client(TABLES.meetings)),
        minutes: new MinutesStore(store.client(TABLES.minutes), store.client(TABLES.actions), store.client(TABLES.minutesPrint)),
        consents: new ConsentStore(store.client(TABLES.consents), store.client(TABLES.consentIndex)),
        audit: new AuditLog(store.client(TABLES.audit)),
      };
      const figures = new FiguresStore(store.client(TABLES.figures), org.timeZone, {
        ...raw,
        auditTable: store.client(TABLES.audit),
        auditByGroup: store.client(TABLES.auditByGroup),
        reviews: new ReviewStore(store.client(TABLES.reviews)),
      });
      let seeded = 0;
      for (const consents of consentSizes) {
        const t0 = performance.now();
        await seedDigest(
          raw,
          org,
          NOW,
          seeded === 0 ? { consents, concurrency: 16 } : { consents, moreConsentsFrom: seeded, concurrency: 16 },
        );
        await figures.backfill(
          DIGEST_TENANT,
          org.groups.map((g) => g.id),
          NOW,
        );
        seeded = consents;
        process.stderr.write(
          `seeded ${groups} groups, ${consents} consents and backfilled in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
        );
        let before = '–';
        let beforeKb = '–';
        if (groups * consents <= BEFORE_LIMIT) {
          const times: number[] = [];
          let lines: DigestGroup[] = [];
          for (let r = 0; r < (groups >= 200 ? 1 : 3); r++) {
            const t = performance.now();
            lines = await Promise.all(org.groups.map((g) => oldGroup(raw, g, NOW, org.timeZone)));
            times.push(performance.now() - t);
          }
          before = median(times).toFixed(0);
          beforeKb = (oldCardBytes(lines) / 1000).toFixed(1);
        }
        const times: number[] = [];
        let bytes = 0;
        for (let r = 0; r < RUNS_AFTER; r++) {
          const t = performance.now();
          const card = await new DigestFacts({ organisation: org, figures }, NOW).forManager(DIGEST_TENANT, org.managers[0]!, 'sv');
          times.push(performance.now() - t);
          bytes = cardBytes(card);
        }
        const row = `| ${groups} | ${consents} | ${before} | ${beforeKb} | ${median(times).toFixed(0)} | ${(bytes / 1000).toFixed(1)} |`;
        rows.push(row);
        process.stderr.write(`${row}\n`);
      }
    }
  } finally {
    await azurite.stop();
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
