import type { Logger } from '../logger';
import { retentionOf, type Organisation } from '../domain/organisation/model';
import type { RetentionStore } from '../storage/retention';
import type { Scheduler } from './scheduler';
import type { JobContext } from './tick';

/**
 * The daily erasure of what the retention policy no longer keeps
 * (`retention:` in the organisation file; storage/retention.ts does the
 * deleting). It runs every night at 02:30 UTC; each run erases at most a
 * batch per kind and, when more is left, runs again a minute later, so a
 * backlog (the first run after years without erasing) drains in steps. Every
 * step deletes by key what it finds ended, so two runs at once or one run
 * twice erase the same and no more.
 */

export const RETENTION_KIND = 'retention.daily';
/** How many rows of each kind one run erases at most. */
export const RETENTION_BATCH = 2_000;

const DAY_MS = 86_400_000;
const RUN_AT_UTC_MS = (2 * 60 + 30) * 60_000;

export interface RetentionDeps {
  organisation: Pick<Organisation, 'tenantId' | 'retention'>;
  retention: RetentionStore;
  scheduler: Pick<Scheduler, 'schedule'>;
  logger: Logger;
}

export interface RetentionSummary {
  consents: number;
  auditRows: number;
  outboxRows: number;
  jobRows: number;
  jobTables: number;
  more: boolean;
}

/** The next nightly run at or after `after`. */
export function nextRetentionAt(after: Date): Date {
  const midnight = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  const today = midnight + RUN_AT_UTC_MS;
  return new Date(today >= after.getTime() ? today : today + DAY_MS);
}

/** Plans the next nightly run (idempotent: its id is its date). */
export async function planRetention(deps: Pick<RetentionDeps, 'scheduler'>, after: Date): Promise<void> {
  const at = nextRetentionAt(after);
  await deps.scheduler.schedule({
    id: `${RETENTION_KIND}:${at.toISOString().slice(0, 10)}`,
    kind: RETENTION_KIND,
    dueAt: at,
    maxAttempts: 5,
  });
}

/** One run: erases a batch of each kind that ended before the policy's limits at `now`. */
export async function eraseExpired(
  deps: Pick<RetentionDeps, 'organisation' | 'retention'>,
  now: Date,
  batch = RETENTION_BATCH,
): Promise<RetentionSummary> {
  const policy = retentionOf(deps.organisation);
  const tenantId = deps.organisation.tenantId ?? '';
  const consentCutoff = new Date(now.getTime() - policy.consentsDays * DAY_MS).toISOString().slice(0, 10);
  const auditCutoff = new Date(now);
  auditCutoff.setUTCFullYear(auditCutoff.getUTCFullYear() - policy.auditYears);
  const operationalCutoff = new Date(now.getTime() - policy.operationalDays * DAY_MS);
  const consents = await deps.retention.eraseConsents(tenantId, consentCutoff, batch);
  const audit = await deps.retention.eraseAudit(tenantId, auditCutoff, batch);
  const outbox = await deps.retention.eraseOutbox(operationalCutoff, batch);
  const jobs = await deps.retention.eraseJobDays(operationalCutoff.toISOString().slice(0, 10), batch);
  return {
    consents: consents.erased,
    auditRows: audit.erased,
    outboxRows: outbox.erased,
    jobRows: jobs.erased,
    jobTables: jobs.tables,
    more: consents.more || audit.more || outbox.more || jobs.more,
  };
}

/** The job: erases a batch, logs the counts (never what was erased), and plans the next run (soon, when more is left). */
export async function retentionJob(deps: RetentionDeps, ctx: Pick<JobContext, 'now'>): Promise<void> {
  const summary = await eraseExpired(deps, ctx.now);
  deps.logger.info({ event: 'retentionRun', ...summary }, 'retention: erased what the policy no longer keeps');
  if (summary.more) {
    const soon = new Date(ctx.now.getTime() + 60_000);
    await deps.scheduler.schedule({
      id: `${RETENTION_KIND}:more:${soon.toISOString()}`,
      kind: RETENTION_KIND,
      dueAt: soon,
      maxAttempts: 5,
    });
  }
  await planRetention(deps, new Date(ctx.now.getTime() + 60_000));
}
