import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/render';
import { fitList } from '../../cards/size';
import { status } from '../../domain/consent';
import { defineAction } from '../shared/feature';
import { REGISTER_KEY } from '../../storage/consent-register';
import type { Turn } from '../shared/turn';
import { consentListCard, consentNotAllowedCard, type ConsentListData, type ConsentListRow } from './cards';
import { audit, today, type ConsentDeps } from './consent';
import { convenes, groupNamer, operativeGroups, permittedGroups, refusalFor, userName, type Refusal } from './organisation';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** How many consents one page of the register shows at most (fewer when they would not fit the card). */
export const CONSENT_PAGE = 25;
/** How many convened groups get the gate's counts on the register (one count each, read per page). */
export const CONSENT_STATS_GROUPS = 5;
/** Up to this many groups, a page merges their ranges; past it, and for at least half the tenant's groups, it reads the tenant's range. */
export const MERGE_GROUPS = 8;

type Notice = NonNullable<ConsentListData['notice']>;

/** Where a page of the register starts: after the key of the last consent shown, and how many were shown before it. */
export interface RegisterPosition {
  after: string;
  shown: number;
}

/**
 * The register as this user may see it, a page at a time after `from`:
 * those not withdrawn first, then the withdrawn, each newest recorded first
 * (in force, not yet valid or expired is worked out as it is shown); with
 * the gate's counts for (the first few of) the groups they convene, and a
 * button to the next page carrying where this one ended. One key range per
 * group (storage/consent-register.ts): about a page of rows, whatever the
 * register holds.
 */
export async function consentListFor(deps: ConsentDeps, turn: Turn, notice?: Notice, from?: RegisterPosition): Promise<AdaptiveCardJson> {
  const { info } = turn;
  const org = deps.organisation;
  const groups = permittedGroups(org, turn.actor, 'consent.list');
  const groupIds = groups.map((g) => g.id);
  const withdrawable = new Set(permittedGroups(org, turn.actor, 'consent.withdraw').map((g) => g.id));
  const day = today(deps);
  // Who sees most of the tenant's operative groups (a manager) reads the tenant's one range; others merge their groups' ranges.
  const wide = groupIds.length > MERGE_GROUPS && groupIds.length * 2 >= operativeGroups(org, info.tenantId).length;
  const page = await deps.consents.listRegister(info.tenantId, groupIds, from?.after ?? '', CONSENT_PAGE, { wide });
  const rows: Array<ConsentListRow & { key: string }> = page.rows.map(({ key, listing }) => ({
    key,
    consent: listing,
    status: status(listing, day),
    recordedByName: userName(org, listing.recordedBy, info.tenantId) ?? '—',
    canWithdraw: listing.scope.groupIds.some((g) => withdrawable.has(g)),
  }));
  const now = deps.now();
  const convened = groups.filter((g) => convenes(org, g, info.aadObjectId)).slice(0, CONSENT_STATS_GROUPS);
  const stats = await Promise.all(
    convened.map(async (g) => ({
      groupName: g.name,
      counts: await deps.audit.countsFor(info.tenantId, g.id, new Date(now.getTime() - THIRTY_DAYS_MS), now),
    })),
  );
  await audit(deps, info, 'consentListed', groupIds);
  const before = from?.shown ?? 0;
  const groupName = groupNamer(org, info.tenantId);
  return fitList(rows, (shown, omitted) => {
    const last = shown[shown.length - 1];
    return consentListCard(turn.locale, {
      rows: shown.map(({ key: _key, ...row }) => row),
      groupName,
      groupNames: groups.map((g) => g.name),
      stats,
      notice,
      more:
        omitted > 0 && last
          ? { shown: before + shown.length, after: last.key }
          : page.more && (page.next ?? last?.key)
            ? { shown: before + shown.length, after: page.next ?? last!.key }
            : undefined,
    });
  }).card;
}

/** `consent.listPage`: the register's next page, for those who may see it (a card of before the key ranges starts over). */
export const consentListPage = defineAction({
  verb: 'consent.listPage',
  schema: z.object({
    after: z.union([z.literal(''), z.string().regex(REGISTER_KEY, 'after')]).optional(),
    shown: z.coerce.number().int().min(0).max(1_000_000).optional(),
  }),
  async handle({ services, turn, data }) {
    if (permittedGroups(services.organisation, turn.actor, 'consent.list').length === 0)
      return consentNotAllowedCard(turn.locale, refusalFor(services.organisation, turn.actor, 'consent.list'));
    return consentListFor(services, turn, undefined, data.after ? { after: data.after, shown: data.shown ?? 0 } : undefined);
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
    // Withdrawing again mends the register's rows, should a crash have left them behind the consent.
    await deps.consents.relist(consent);
    await deps.figures?.record({ kind: 'consent', consent });
    return registerSaying('consent.withdrawn.already', 'default');
  }
  const at = deps.now().toISOString();
  await deps.consents.withdraw(info.tenantId, ref, info.aadObjectId ?? info.userId, at);
  await deps.figures?.record({ kind: 'consent', consent: { ...consent, withdrawnAt: at } });
  await audit(deps, info, 'consentWithdrawn', consent.scope.groupIds, { caseRef: ref });
  return registerSaying('consent.withdrawn.message', 'good');
}
