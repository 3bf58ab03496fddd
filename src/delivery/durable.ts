import { logError } from '../errors';
import type { Logger } from '../logger';
import type { JobContext, JobHandler, Scheduler } from '../scheduler';

/**
 * Durable delivery of what a turn sends outside its own answer (a summary in
 * the channel, a card updated for everyone, a notice in a thread, a note to
 * the conveners): the intent is recorded as a scheduler job holding ids only
 * (a kind and the ids the message is rebuilt from, never its text), then
 * tried at once, and the job is marked done when it went. What did not go is
 * delivered by the scheduler with retries and backoff; the message's own
 * idempotency key (GroupChannel) keeps a retry from posting twice.
 *
 * The user's action never fails because a delivery could not go yet: only
 * when the intent could neither be recorded nor delivered (storage and the
 * connector both failing) is the recording's error thrown, so the turn fails
 * and Teams resends it.
 */

/** The job kinds of durable deliveries start with this (run by the `tick` job family). */
export const DELIVERY_FAMILY = 'delivery';

/** How long a recorded delivery waits for its inline attempt before the scheduler may run it (longer than a connector call may take). */
export const INLINE_GRACE_MS = 2 * 60_000;

/** Attempts of a delivery job before it is parked (30 s doubling to the cap: about a day). */
export const DELIVERY_MAX_ATTEMPTS = 12;

export interface DurableDeps {
  scheduler: Pick<Scheduler, 'schedule' | 'settle' | 'statusOf'>;
  logger: Logger;
  now: () => Date;
}

/** One attempt of a delivery: `last` when it is the job's last, so a card update falls back to a fresh post. */
export interface DeliveryAttempt {
  last: boolean;
}

/** One delivery: its job kind, a deterministic id (the same intent, resent, is the same job) and its ids-only payload. */
export interface Intent<P> {
  kind: string;
  id: string;
  payload: P;
  /**
   * Harmless to do twice (a card updated in place): a resent turn does it
   * again even when it went, in case what the card shows changed since
   * without a new version; a failure then leaves nothing to retry.
   */
  repeat?: boolean;
}

export type DeliveryOutcome = 'delivered' | 'later' | 'already';

/**
 * Records `intent`, runs `send` now, and marks the job done when it went.
 * 'already': the same intent was delivered before (a resent turn), nothing
 * is sent. 'later': it could not go now and the scheduler delivers it.
 */
export async function deliverDurably<P>(
  deps: DurableDeps,
  intent: Intent<P>,
  send: (attempt: DeliveryAttempt) => Promise<unknown>,
): Promise<DeliveryOutcome> {
  let job: Awaited<ReturnType<DurableDeps['scheduler']['schedule']>> | undefined;
  let unrecorded: { err: unknown } | undefined;
  try {
    job = await deps.scheduler.schedule({
      id: intent.id,
      kind: intent.kind,
      dueAt: new Date(deps.now().getTime() + INLINE_GRACE_MS),
      payload: intent.payload,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    });
    if (!job.created) {
      const status = await deps.scheduler.statusOf(job);
      // Done (or running elsewhere, or parked): a resent turn sends nothing again, or does an update again.
      if (status && status !== 'pending') return intent.repeat ? again(deps, intent, send) : 'already';
    }
  } catch (err) {
    unrecorded = { err };
    logError(deps.logger, 'warn', err, 'could not record a delivery; trying it at once', { kind: intent.kind });
  }
  try {
    await send({ last: false });
  } catch (err) {
    if (unrecorded) throw unrecorded.err;
    logError(deps.logger, 'warn', err, 'could not deliver now; a job delivers it later', { kind: intent.kind });
    return 'later';
  }
  if (job) {
    try {
      await deps.scheduler.settle(job);
    } catch (err) {
      // Delivered, but still pending: the job delivers it again, under the same key.
      logError(deps.logger, 'warn', err, 'a delivery went but could not be marked done', { kind: intent.kind });
    }
  }
  return 'delivered';
}

/** A repeatable delivery done again, best effort: it went before, so a failure now loses nothing. */
async function again<P>(
  deps: DurableDeps,
  intent: Intent<P>,
  send: (attempt: DeliveryAttempt) => Promise<unknown>,
): Promise<DeliveryOutcome> {
  try {
    await send({ last: false });
  } catch (err) {
    logError(deps.logger, 'warn', err, 'a delivery done before could not be done again', { kind: intent.kind });
  }
  return 'already';
}

/** The job handler of a delivery kind: the same send, rebuilt from the stored payload, with `last` on the job's last attempt. */
export function deliveryJob<P>(send: (payload: P, attempt: DeliveryAttempt) => Promise<void | 'skipped'>): JobHandler<P> {
  return (ctx: JobContext<P>) => send(ctx.payload, { last: ctx.lastAttempt ?? false });
}
