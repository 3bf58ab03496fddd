import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/render';
import { fitList } from '../../cards/size';
import { status } from '../../domain/consent';
import { defineAction } from '../shared/feature';
import type { Turn } from '../shared/turn';
import { consentListCard, consentNotAllowedCard, type ConsentListData, type ConsentListRow } from './cards';
import { audit, today, type ConsentDeps } from './consent';
import { convenes, groupNamer, permittedGroups, refusalFor, userName, type Refusal } from './organisation';

const STATUS_ORDER = { inForce: 0, notYetValid: 1, expired: 2, withdrawn: 3 } as const;
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** How many consents one page of the register shows at most (fewer when they would not fit the card). */
export const CONSENT_PAGE = 25;
/** How many convened groups get the gate's counts on the register (one count each, read per page). */
export const CONSENT_STATS_GROUPS = 5;

type Notice = NonNullable<ConsentListData['notice']>;

/**
 * The register as this user may see it, a page at a time from `from`: those
 * in force first, newest first, then those not yet valid, expired and
 * withdrawn; with the gate's counts for (the first few of) the groups they
 * convene, how many are left, and a button to the next page.
 */
export async function consentListFor(deps: ConsentDeps, turn: Turn, notice?: Notice, from = 0): Promise<AdaptiveCardJson> {
  const { info } = turn;
  const org = deps.organisation;
  const groups = permittedGroups(org, turn.actor, 'consent.list');
  const groupIds = groups.map((g) => g.id);
  const withdrawable = new Set(permittedGroups(org, turn.actor, 'consent.withdraw').map((g) => g.id));
  const day = today(deps);
  const consents = await deps.consents.listForGroups(info.tenantId, groupIds);
  const rows: ConsentListRow[] = consents
    .map((c) => ({
      consent: c,
      status: status(c, day),
      recordedByName: userName(org, c.recordedBy, info.tenantId) ?? '—',
      canWithdraw: c.scope.groupIds.some((g) => withdrawable.has(g)),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.consent.recordedAt.localeCompare(a.consent.recordedAt));
  const now = deps.now();
  const convened = groups.filter((g) => convenes(org, g, info.aadObjectId)).slice(0, CONSENT_STATS_GROUPS);
  const stats = await Promise.all(
    convened.map(async (g) => ({
      groupName: g.name,
      counts: await deps.audit.countsFor(info.tenantId, g.id, new Date(now.getTime() - THIRTY_DAYS_MS), now),
    })),
  );
  await audit(deps, info, 'consentListed', groupIds);
  const start = Math.min(Math.max(0, Math.floor(from)), Math.max(0, rows.length - 1));
  const page = rows.slice(start, start + CONSENT_PAGE);
  const after = rows.length - start - page.length;
  const groupName = groupNamer(org, info.tenantId);
  return fitList(page, (shown, omitted) =>
    consentListCard(turn.locale, {
      rows: [...shown],
      groupName,
      groupNames: groups.map((g) => g.name),
      stats,
      notice,
      more:
        after + omitted > 0
          ? { remaining: after + omitted, shown: start + shown.length, total: rows.length, next: start + shown.length }
          : undefined,
    }),
  ).card;
}

/** `consent.listPage`: the register's next page, for those who may see it. */
export const consentListPage = defineAction({
  verb: 'consent.listPage',
  schema: z.object({ from: z.coerce.number().int().min(0).max(1_000_000) }),
  async handle({ services, turn, data }) {
    if (permittedGroups(services.organisation, turn.actor, 'consent.list').length === 0)
      return consentNotAllowedCard(turn.locale, refusalFor(services.organisation, turn.actor, 'consent.list'));
    return consentListFor(services, turn, undefined, data.from);
  },
});

/** Withdraws a consent if the user may; answers with the register and what happened. */
export async function withdrawConsent(
  deps: ConsentDeps,
  turn: Turn,
  caseRef: string,
): Promise<{ card: AdaptiveCardJson } | { notAllowed: Refusal }> {
  const { info } = turn;
  const ref = caseRef.trim().toUpperCase();
  const registerSaying = async (key: string, style: Notice['style']) => ({
    card: await consentListFor(deps, turn, { text: turn.t(key, { caseRef: ref }), style }),
  });
  const consent = await deps.consents.get(info.tenantId, ref);
  if (!consent) return registerSaying('consent.withdrawn.notFound', 'attention');
  const mayIn = new Set(permittedGroups(deps.organisation, turn.actor, 'consent.withdraw').map((g) => g.id));
  if (!consent.scope.groupIds.some((g) => mayIn.has(g)))
    return { notAllowed: refusalFor(deps.organisation, turn.actor, 'consent.withdraw') };
  if (consent.withdrawnAt) {
    await deps.figures?.record({ kind: 'consent', consent });
    return registerSaying('consent.withdrawn.already', 'default');
  }
  const at = deps.now().toISOString();
  await deps.consents.withdraw(info.tenantId, ref, info.aadObjectId ?? info.userId, at);
  await deps.figures?.record({ kind: 'consent', consent: { ...consent, withdrawnAt: at } });
  await audit(deps, info, 'consentWithdrawn', consent.scope.groupIds, { caseRef: ref });
  return registerSaying('consent.withdrawn.message', 'good');
}
