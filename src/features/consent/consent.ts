import { consentListCard, type ConsentListRow } from './cards';
import type { AdaptiveCardJson } from '../../cards/render';
import { calendarDay, status, type DetectOptions, type GroupLevel } from '../../domain/consent';
import { t } from '../../i18n';
import type { AuditEvent } from '../../storage/audit';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';

/**
 * What the consent feature needs from the organisation: groups with their
 * level and conveners, who may do what, and names to show. One seam, so the
 * handlers do not depend on how the organisation file is modelled.
 */
export interface ConsentGroup {
  id: string;
  name: string;
  level: GroupLevel;
  /** The conveners' Entra object ids. */
  conveners: string[];
}

export type ConsentCapability = 'consent.record' | 'consent.list' | 'consent.withdraw';
export type Authorisation = { allowed: true } | { allowed: false; reason: string; whoMay: string[] };

export interface ConsentAccess {
  groups(tenantId: string): ConsentGroup[];
  authorize(actor: { aadObjectId?: string; tenantId: string }, capability: ConsentCapability, groupId: string): Authorisation;
  displayName(aadObjectId: string): string | undefined;
  /** Officials' names, switchboards and the organisation's mail domains, which are not identifiers. */
  detectOptions(): Omit<DetectOptions, 'now'>;
}

export function groupOf(services: BotServices, tenantId: string, id: string): ConsentGroup | undefined {
  return services.consentAccess.groups(tenantId).find((g) => g.id === id);
}

export function groupNamer(services: BotServices, tenantId: string): (id: string) => string {
  const groups = services.consentAccess.groups(tenantId);
  return (id) => groups.find((g) => g.id === id)?.name ?? id;
}

/** The operative groups where the user may do this. */
export function permittedGroups(services: BotServices, info: TurnInfo, capability: ConsentCapability): ConsentGroup[] {
  const actor = { aadObjectId: info.aadObjectId, tenantId: info.tenantId };
  return services.consentAccess
    .groups(info.tenantId)
    .filter((g) => g.level === 'operative' && services.consentAccess.authorize(actor, capability, g.id).allowed);
}

/** Why the user may do this nowhere: the first operative group's answer. */
export function refusalFor(services: BotServices, info: TurnInfo, capability: ConsentCapability): { reason: string; whoMay: string[] } {
  const actor = { aadObjectId: info.aadObjectId, tenantId: info.tenantId };
  for (const g of services.consentAccess.groups(info.tenantId).filter((x) => x.level === 'operative')) {
    const a = services.consentAccess.authorize(actor, capability, g.id);
    if (!a.allowed) return { reason: a.reason, whoMay: a.whoMay };
  }
  return { reason: 'noConsentRight', whoMay: [] };
}

export function today(services: BotServices): string {
  return calendarDay(services.now());
}

export function identifierKey(services: BotServices): string {
  const key = services.config.IDENTIFIER_KEY;
  if (!key) throw new Error('IDENTIFIER_KEY is not configured; consents cannot be recorded or matched');
  return key;
}

/** How far an activity's own timestamp may be from the clock and still date its audit row. */
const ACTIVITY_TIME_SLACK_MS = 60 * 60 * 1000;

/**
 * Appends audit rows, one per group; failures are logged, never shown (the
 * action itself succeeded). A row is keyed by the activity it is about and
 * dated by the activity's timestamp, so an activity Teams resends (it does
 * when it had no answer within 15 s) is counted once, not twice.
 */
export async function audit(
  services: BotServices,
  info: TurnInfo,
  event: AuditEvent,
  groupIds: string[],
  extra: { caseRef?: string; categories?: string[]; reason?: string } = {},
): Promise<void> {
  const now = services.now();
  const stamped =
    info.activityTime && Math.abs(info.activityTime.getTime() - now.getTime()) <= ACTIVITY_TIME_SLACK_MS ? info.activityTime : undefined;
  const time = info.activityId && stamped ? stamped : now;
  const once = info.activityId && stamped ? `${info.activityType ?? ''}:${info.activityId}` : undefined;
  try {
    await Promise.all(
      (groupIds.length ? groupIds : ['']).map((groupId) =>
        services.audit.append({
          time,
          tenantId: info.tenantId,
          groupId,
          userId: info.aadObjectId ?? info.userId,
          event,
          ...extra,
          ...(once ? { onceKey: `${once}:${event}:${groupId}` } : {}),
        }),
      ),
    );
  } catch (err) {
    services.logger.error({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code }, event }, 'audit append failed');
  }
}

const STATUS_ORDER = { inForce: 0, notYetValid: 1, expired: 2, withdrawn: 3 } as const;
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** The register as this user may see it, with the gate's counts for the groups they convene. */
export async function consentListFor(
  services: BotServices,
  info: TurnInfo,
  notice?: { text: string; style: 'good' | 'attention' | 'default' },
): Promise<AdaptiveCardJson> {
  const groups = permittedGroups(services, info, 'consent.list');
  const groupIds = groups.map((g) => g.id);
  const withdrawable = new Set(permittedGroups(services, info, 'consent.withdraw').map((g) => g.id));
  const day = today(services);
  const consents = await services.consents.listForGroups(info.tenantId, groupIds);
  const rows: ConsentListRow[] = consents
    .map((c) => ({
      consent: c,
      status: status(c, day),
      recordedByName: services.consentAccess.displayName(c.recordedBy) ?? '—',
      canWithdraw: c.scope.groupIds.some((g) => withdrawable.has(g)),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.consent.recordedAt.localeCompare(a.consent.recordedAt));
  const now = services.now();
  const convened = groups.filter((g) => info.aadObjectId && g.conveners.includes(info.aadObjectId));
  const stats = await Promise.all(
    convened.map(async (g) => ({
      groupName: g.name,
      counts: await services.audit.countsFor(info.tenantId, g.id, new Date(now.getTime() - THIRTY_DAYS_MS), now),
    })),
  );
  await audit(services, info, 'consentListed', groupIds);
  return consentListCard(info.locale, {
    rows,
    groupName: groupNamer(services, info.tenantId),
    groupNames: groups.map((g) => g.name),
    stats,
    notice,
  });
}

/** Withdraws a consent if the user may; answers with the register and what happened. */
export async function withdrawConsent(
  services: BotServices,
  info: TurnInfo,
  caseRef: string,
): Promise<{ card: AdaptiveCardJson } | { notAllowed: { reason: string; whoMay: string[] } }> {
  const ref = caseRef.trim().toUpperCase();
  const consent = await services.consents.get(info.tenantId, ref);
  if (!consent)
    return {
      card: await consentListFor(services, info, {
        text: t(info.locale, 'consent.withdrawn.notFound', { caseRef: ref }),
        style: 'attention',
      }),
    };
  const mayIn = new Set(permittedGroups(services, info, 'consent.withdraw').map((g) => g.id));
  if (!consent.scope.groupIds.some((g) => mayIn.has(g))) return { notAllowed: refusalFor(services, info, 'consent.withdraw') };
  if (consent.withdrawnAt)
    return {
      card: await consentListFor(services, info, { text: t(info.locale, 'consent.withdrawn.already', { caseRef: ref }), style: 'default' }),
    };
  await services.consents.withdraw(info.tenantId, ref, info.aadObjectId ?? info.userId, services.now().toISOString());
  await audit(services, info, 'consentWithdrawn', consent.scope.groupIds, { caseRef: ref });
  return {
    card: await consentListFor(services, info, { text: t(info.locale, 'consent.withdrawn.message', { caseRef: ref }), style: 'good' }),
  };
}
