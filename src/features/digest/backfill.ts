import type { JobContext } from '../../scheduler';
import type { BotServices } from '../shared/services';

/**
 * The one-off job that fills the digest's figures from the rows stored
 * before they were kept (meetings, minutes, tasks, consents, refusals,
 * reviews) and the audit log's group index:
 * `npm run figures:backfill` runs the same backfill from the command line;
 * `scheduleBackfill` plans it as a job under one id per version (run by the
 * timer or `POST /api/jobs/run` with `{"job":"tick"}`). It sets facts by id,
 * so running it again gives the same figures.
 */
export const BACKFILL_KIND = 'figures.backfill';
/** Raise to run the backfill once more on the next start (2: the audit log's group index). */
export const BACKFILL_VERSION = 2;

export type BackfillDeps = Pick<BotServices, 'organisation' | 'figures' | 'scheduler' | 'logger' | 'now'>;

export async function scheduleBackfill(services: BackfillDeps): Promise<void> {
  await services.scheduler.schedule({
    id: `${BACKFILL_KIND}:v${BACKFILL_VERSION}`,
    kind: BACKFILL_KIND,
    dueAt: services.now(),
    payload: {},
    maxAttempts: 10,
  });
}

export async function backfillJob(services: BackfillDeps, ctx: Pick<JobContext<unknown>, 'now'>): Promise<void> {
  const org = services.organisation;
  const summary = await services.figures.backfill(
    org.tenantId ?? '',
    org.groups.map((g) => g.id),
    ctx.now,
    org.documents,
  );
  services.logger.info({ event: 'figuresBackfilled', ...summary }, 'digest figures backfilled');
}
