import { createHash, randomUUID } from 'node:crypto';
import { DELIVERY_FAMILY, DELIVERY_MAX_ATTEMPTS, deliverDurably, deliveryJob } from '../../delivery/durable';
import type { IdentifierCategory, RefusalReason } from '../../domain/consent';
import { findGroup } from '../../domain/organisation';
import { logError } from '../../errors';
import type { Scheduler } from '../../scheduler';
import type { AuditEvent } from '../../storage/audit';
import type { Feature } from '../shared/feature';
import type { BotServices, FiguresDeps } from '../shared/services';
import type { TurnInfo } from '../shared/turn';
import { consentRefusalCard } from './cards';
import { countRefusals } from './consent';
import { userName } from './organisation';

/**
 * The consent feature's durable work: the conveners' notice of a refusal (a
 * delivery rebuilt from ids: the group, the writer's object id, the
 * categories and the reason, never the text) and audit rows that could not be
 * written with their action, written by a job under the same key.
 */

export const REFUSAL_NOTICE_KIND = `${DELIVERY_FAMILY}.refusal-notice`;
export const AUDIT_RETRY_KIND = 'audit.append';

export interface RefusalNoticePayload {
  tenantId: string;
  groupId: string;
  /** The messages' idempotency key (keyed by the refused activity): a resent message tells each convener once. */
  key: string;
  /** The writer's Entra object id: not told, and named from the organisation when the job sends. */
  writer?: string;
  categories: IdentifierCategory[];
  reason: RefusalReason;
}

type NoticeDeps = Pick<BotServices, 'organisation' | 'channel'>;

/** Tells the group's conveners (but the writer) of a refusal; `author` is the writer's name as Teams gave it, when the turn knows it. */
export async function tellOfRefusal(deps: NoticeDeps, p: RefusalNoticePayload, author?: string): Promise<void | 'skipped'> {
  const group = findGroup(deps.organisation, p.groupId);
  if (!group) return 'skipped';
  const name = author ?? (p.writer ? userName(deps.organisation, p.writer, p.tenantId) : undefined) ?? '—';
  const reached = await deps.channel.tellConveners(
    p.tenantId,
    group.id,
    (locale) => consentRefusalCard(locale, { categories: p.categories, reason: p.reason, notice: { place: group.name, author: name } }),
    p.key,
    p.writer ? { except: p.writer } : {},
  );
  return reached ? undefined : 'skipped';
}

/** The refusal notice as a durable delivery: recorded, sent now, and sent by a job when it could not go. */
export async function deliverRefusalNotice(
  deps: NoticeDeps & Pick<BotServices, 'logger' | 'now'> & { scheduler?: Pick<Scheduler, 'schedule' | 'settle' | 'statusOf'> },
  p: RefusalNoticePayload,
  author?: string,
): Promise<void> {
  const { scheduler } = deps;
  if (!scheduler) {
    await tellOfRefusal(deps, p, author);
    return;
  }
  await deliverDurably(
    { scheduler, logger: deps.logger, now: deps.now },
    { kind: REFUSAL_NOTICE_KIND, id: `${REFUSAL_NOTICE_KIND}:${p.key}`, payload: p },
    () => tellOfRefusal(deps, p, author),
  );
}

/** An audit row to write again: everything the row holds (ids, categories, references), never text. */
export interface AuditRetryPayload {
  time: string;
  tenantId: string;
  groupIds: string[];
  userId: string;
  event: AuditEvent;
  caseRef?: string;
  categories?: string[];
  reason?: string;
  /** The rows' key: `<once>:<event>:<groupId>`, as the turn wrote them, so a row already written is not written twice. */
  once: string;
}

/**
 * Writes the audit rows of a retry; a row that exists (the first write did
 * land) is left as it is. A refusal is counted in the figures again under
 * the row's key, which counts it once however often it is written.
 */
export async function writeAudit(deps: Pick<BotServices, 'audit'> & FiguresDeps, p: AuditRetryPayload): Promise<void> {
  const time = new Date(p.time);
  const entries = (p.groupIds.length ? p.groupIds : ['']).map((groupId) => ({
    time,
    tenantId: p.tenantId,
    groupId,
    userId: p.userId,
    event: p.event,
    ...(p.caseRef !== undefined ? { caseRef: p.caseRef } : {}),
    ...(p.categories !== undefined ? { categories: p.categories } : {}),
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    onceKey: `${p.once}:${p.event}:${groupId}`,
  }));
  for (const entry of entries) await deps.audit.append(entry);
  if (p.event === 'refusal') await countRefusals(deps, entries);
}

/**
 * An audit write failed while its action succeeded: a job writes the rows
 * later, keyed as the turn keyed them. When even the job cannot be recorded
 * (storage is down), the write's error is thrown: the turn fails, Teams
 * resends the activity, and the row, keyed by the activity, is written then.
 * The audit's callers pass their services, which carry the scheduler.
 */
export async function auditLater(
  services: object & Pick<BotServices, 'now' | 'logger'>,
  row: {
    time: Date;
    info: TurnInfo;
    event: AuditEvent;
    groupIds: string[];
    extra: { caseRef?: string; categories?: string[]; reason?: string };
    once?: string;
  },
  failure: unknown,
): Promise<void> {
  const scheduler = (services as { scheduler?: Pick<Scheduler, 'schedule'> }).scheduler;
  if (!scheduler || typeof scheduler.schedule !== 'function') throw failure;
  const once = row.once ?? `retry:${randomUUID()}`;
  const payload: AuditRetryPayload = {
    time: row.time.toISOString(),
    tenantId: row.info.tenantId,
    groupIds: row.groupIds,
    userId: row.info.aadObjectId ?? row.info.userId,
    event: row.event,
    ...row.extra,
    once,
  };
  try {
    await scheduler.schedule({
      id: `${AUDIT_RETRY_KIND}:${createHash('sha256').update(`${once}:${row.event}`).digest('base64url').slice(0, 32)}`,
      kind: AUDIT_RETRY_KIND,
      dueAt: new Date(services.now().getTime() + 30_000),
      payload,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    });
  } catch (err) {
    logError(services.logger, 'error', err, 'could not plan an audit row that failed; the turn fails so Teams resends it', {
      event: row.event,
    });
    throw failure;
  }
  logError(services.logger, 'warn', failure, 'audit append failed; a job writes it', { event: row.event });
}

/** The consent feature's job kinds (kept apart from its index, which other work changes). */
export const consentJobsFeature: Feature = {
  name: 'consent-jobs',
  register(routes, services) {
    routes.job<RefusalNoticePayload>(
      REFUSAL_NOTICE_KIND,
      deliveryJob((p) => tellOfRefusal(services, p)),
    );
    routes.job<AuditRetryPayload>(AUDIT_RETRY_KIND, (ctx) => writeAudit(services, ctx.payload));
  },
};
