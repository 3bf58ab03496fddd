import { randomBytes } from 'node:crypto';
import type { Config } from '../../config';
import { calendarDay } from '../../domain/consent';
import { auditLater } from './jobs';
import type { AuditEntry, AuditEvent } from '../../storage/audit';
import type { BotServices, FiguresDeps } from '../shared/services';
import type { TurnInfo } from '../shared/turn';

/** What the consent feature's use cases read and write: the organisation, the register, the audit log, the clock and the key. */
export type ConsentDeps = Pick<BotServices, 'organisation' | 'consents' | 'audit' | 'now' | 'logger'> &
  FiguresDeps &
  /** Where a recorded consent's expiry reminders are planned (features/consent/expiry.ts); left out where nothing is planned. */
  Partial<Pick<BotServices, 'scheduler'>> & {
    config: Pick<Config, 'IDENTIFIER_KEY'>;
  };

export function today(deps: Pick<BotServices, 'now'>): string {
  return calendarDay(deps.now());
}

export function identifierKey(deps: { config: Pick<Config, 'IDENTIFIER_KEY'> }): string {
  const key = deps.config.IDENTIFIER_KEY;
  if (!key) throw new Error('IDENTIFIER_KEY is not configured; consents cannot be recorded or matched');
  return key;
}

/** How far an activity's own timestamp may be from the clock and still date its audit row. */
const ACTIVITY_TIME_SLACK_MS = 60 * 60 * 1000;

/**
 * Appends audit rows, one per group, with the action or retried until
 * written (consent/jobs.ts: auditLater). A row is keyed by the activity it is about and
 * dated by the activity's timestamp, so an activity Teams resends (it does
 * when it had no answer within 15 s) is counted once, not twice.
 *
 * A refusal is also counted in the digest's figures, under the row's key,
 * started beside the rows. With `later`, the count is not waited for: its
 * promise goes into `later` (it never rejects but when not even its retry
 * could be planned), so the turn can answer once the rows are written and
 * wait for the count after. The rows are always written (or planned) first:
 * an audit row is never left to after the answer.
 */
export async function audit(
  services: Pick<BotServices, 'audit' | 'now' | 'logger'> & FiguresDeps,
  info: TurnInfo,
  event: AuditEvent,
  groupIds: string[],
  extra: { caseRef?: string; categories?: string[]; reason?: string } = {},
  o: { later?: Array<Promise<void>> } = {},
): Promise<void> {
  const now = services.now();
  const stamped =
    info.activityTime && Math.abs(info.activityTime.getTime() - now.getTime()) <= ACTIVITY_TIME_SLACK_MS ? info.activityTime : undefined;
  const time = info.activityId && stamped ? stamped : now;
  // Without an activity to key it by, a key of its own: the row's key is then known before it is written, and a retry writes the same row.
  // Random letters and digits, not a UUID: a UUID's all-digit groups (8-4) can read as a dated personnummer, which the
  // privacy scan then finds in the audit row and the figures (once in a few CI runs).
  const once =
    info.activityId && stamped ? `${info.activityType ?? ''}:${info.activityId}` : `local:${randomBytes(16).toString('base64url')}`;
  const entries = (groupIds.length ? groupIds : ['']).map((groupId) => ({
    time,
    tenantId: info.tenantId,
    groupId,
    userId: info.aadObjectId ?? info.userId,
    event,
    ...extra,
    onceKey: `${once}:${event}:${groupId}`,
  }));
  const retry = { time, info, event, groupIds, extra, once };
  // The digest counts a group's refusals by the audit row's key (a resent activity counts once), written beside the row, not after it.
  const counted =
    event === 'refusal' ? countRefusals(services, entries).catch((err: unknown) => auditLater(services, retry, err)) : undefined;
  // Handled from the start: a failure while the rows are written is no unhandled rejection (it is rethrown to whoever waits for it).
  counted?.catch(() => undefined);
  try {
    await Promise.all(entries.map((entry) => services.audit.append(entry)));
  } catch (err) {
    await counted?.catch(() => undefined);
    // Written later by a job under the same keys, or, if that cannot be planned either, the turn fails and Teams resends it.
    await auditLater(services, retry, err);
    return;
  }
  if (!counted) return;
  if (o.later) o.later.push(counted);
  else await counted;
}

/** The refusals' count in the digest's figures, one per group, under the audit row's key (the retry job counts them again under it). */
export async function countRefusals(
  services: Pick<BotServices, 'audit'> & FiguresDeps,
  entries: Array<AuditEntry & { onceKey: string }>,
): Promise<void> {
  const { figures } = services;
  if (!figures) return;
  await Promise.all(
    entries
      .filter((e) => e.groupId)
      .map((e) =>
        figures.record({
          kind: 'refusal',
          tenantId: e.tenantId,
          groupId: e.groupId,
          id: services.audit.keyOf(e),
          time: e.time.toISOString(),
        }),
      ),
  );
}
