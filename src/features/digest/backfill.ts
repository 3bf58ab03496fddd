import type { JobContext } from '../../scheduler';
import type { BotServices } from '../shared/services';

/**
 * The one-off job that fills the digest's figures from the rows stored
 * before they were kept (meetings, minutes, tasks, consents, refusals):
 * `npm run figures:backfill` runs the same backfill from the command line;
 * `scheduleBackfill` plans it as a job under one id per version (run by the
 * timer or `POST /api/jobs/run` with `{"job":"tick"}`). It sets facts by id,
 * so running it again gives the same figures.
 */
export const BACKFILL_KIND = 'figures.backfill';
/** Raise to run the backfill once more on the next start. */
export const BACKFILL_VERSION = 1;

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
  );
  services.logger.info({ event: 'figuresBackfilled', ...summary }, 'digest figures backfilled');
}
