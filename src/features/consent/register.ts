import type { AdaptiveCardJson } from '../../cards/render';
import { status } from '../../domain/consent';
import type { Turn } from '../shared/turn';
import { consentListCard, type ConsentListData, type ConsentListRow } from './cards';
import { audit, today, type ConsentDeps } from './consent';
import { convenes, groupNamer, permittedGroups, refusalFor, userName, type Refusal } from './organisation';

const STATUS_ORDER = { inForce: 0, notYetValid: 1, expired: 2, withdrawn: 3 } as const;
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

type Notice = NonNullable<ConsentListData['notice']>;

/** The register as this user may see it, with the gate's counts for the groups they convene. */
export async function consentListFor(deps: ConsentDeps, turn: Turn, notice?: Notice): Promise<AdaptiveCardJson> {
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
  const convened = groups.filter((g) => convenes(org, g, info.aadObjectId));
  const stats = await Promise.all(
    convened.map(async (g) => ({
      groupName: g.name,
      counts: await deps.audit.countsFor(info.tenantId, g.id, new Date(now.getTime() - THIRTY_DAYS_MS), now),
    })),
  );
  await audit(deps, info, 'consentListed', groupIds);
  return consentListCard(turn.locale, {
    rows,
    groupName: groupNamer(org, info.tenantId),
    groupNames: groups.map((g) => g.name),
    stats,
    notice,
  });
}

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
