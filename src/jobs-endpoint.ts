import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Scheduler } from './scheduler';

/**
 * `POST /api/jobs/run`: lets an external timer (Logic App, cron) or a test
 * drive the scheduler. `Authorization: Bearer <ADMIN_TOKEN>`;
 * body `{"job": "reminders" | "reviews" | "digest" | "tick", "now"?: ISO-8601}`.
 * A named job runs the due jobs of that family (kinds `<family>.*`);
 * `tick` runs all due work. `now` travels in time, outside production only.
 *
 * Without an ADMIN_TOKEN the endpoint does not exist (404): an unconfigured
 * deployment should not advertise it, and there is nothing to retry.
 */
export const JOB_FAMILIES = ['reminders', 'reviews', 'digest', 'tick'] as const;

const body = z
  .object({
    job: z.enum(JOB_FAMILIES, { errorMap: () => ({ message: `must be one of ${JOB_FAMILIES.join(', ')}` }) }),
    now: z.string().datetime({ offset: true, message: 'must be an ISO-8601 date-time with a zone, e.g. 2026-03-10T09:00:00Z' }).optional(),
  })
  .strict();

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of the bearer token (equal-length digests, so no length leak either). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

function problem(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

export function familyFilter(job: (typeof JOB_FAMILIES)[number]): ((kind: string) => boolean) | undefined {
  if (job === 'tick') return undefined;
  return (kind) => kind === job || kind.startsWith(`${job}.`);
}

export function registerJobsEndpoint(
  server: Server,
  deps: { config: Config; logger: Logger; scheduler: Scheduler; now: () => Date },
): void {
  const { config, logger, scheduler } = deps;
  server.post('/api/jobs/run', async (req: Request, res: Response) => {
    if (!config.ADMIN_TOKEN) return problem(res, 404, 'NotFound', 'no such endpoint');
    if (!bearerMatches(req.headers.authorization, config.ADMIN_TOKEN)) {
      res.header('WWW-Authenticate', 'Bearer');
      return problem(res, 401, 'Unauthorized', 'a valid admin bearer token is required');
    }
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      return problem(res, 400, 'BadRequest', issues.join('; '));
    }
    const { job } = parsed.data;
    if (parsed.data.now !== undefined && config.production) return problem(res, 400, 'BadRequest', 'now: not accepted in production');
    const now = parsed.data.now !== undefined ? new Date(parsed.data.now) : undefined;
    try {
      const s = await scheduler.tick(now, { kinds: familyFilter(job) });
      logger.info(
        { job, ran: s.ran, skipped: s.skipped, busy: s.busy, failed: s.failed, parked: s.parked, ms: Math.round(s.ms) },
        'jobs run on request',
      );
      res.json({
        job,
        now: (now ?? deps.now()).toISOString(),
        sent: s.ran,
        // Nothing to send, or left to another process (leased there, or waiting for a retry).
        skipped: s.skipped + s.busy,
        failed: s.failed,
        parked: s.parked,
        byKind: s.byKind,
      });
    } catch (err) {
      logger.error({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, 'jobs run failed');
      problem(res, 503, 'Unavailable', 'the jobs could not be run (storage unreachable?)');
    }
  });
}
