import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { agenciesCovered, consentProblem, isOpen } from '../../domain/sip/sip';
import type { CommandContext } from '../shared/feature';
import type { Turn } from '../shared/turn';
import { sipFormCard, sipListCard, type SipFormValues } from './cards';
import { sipGroups, sipSystemUrl, today, viewOf, type SipDeps } from './sip';

/** `sip`: the open SIPs of the user's operative group(s), by case reference. */
export async function sipList(deps: SipDeps, turn: Turn, notice?: string, only?: string): Promise<AdaptiveCardJson> {
  const where = await sipGroups(deps, turn);
  if ('card' in where) return where.card;
  const groups = only ? where.groups.filter((g) => g.id === only) : where.groups;
  const lists = await Promise.all(groups.map((g) => deps.sips.listGroup(turn.info.tenantId, g.id)));
  const open = lists.flat().filter(isOpen);
  const rows = await Promise.all(open.map(async (sip) => ({ sip, view: await viewOf(deps, sip) })));
  return sipListCard(turn.locale, rows, { groupNames: groups.map((g) => g.name), notice, systemUrl: sipSystemUrl(deps) });
}

/**
 * `sip ny <ref>`: the form that calls a SIP for a case, to any member of an
 * operative group whose consent for the case is in force and covers the
 * group; otherwise a card that says what is missing.
 */
export async function sipForm(
  deps: SipDeps,
  turn: Turn,
  caseRef: string,
  o: { groupId?: string; values?: SipFormValues; problems?: string[] } = {},
): Promise<AdaptiveCardJson> {
  const where = await sipGroups(deps, turn);
  if ('card' in where) return where.card;
  const consent = await deps.consents.get(turn.info.tenantId, caseRef);
  const group =
    where.groups.find((g) => g.id === o.groupId) ?? where.groups.find((g) => consent?.scope.groupIds.includes(g.id)) ?? where.groups[0]!;
  const problem = consentProblem(consent, group.id, today(deps));
  if (problem || !consent) return errorCard(turn.locale, `sip.problems.${problem ?? 'noConsent'}`, { caseRef });
  const org = deps.organisation;
  const covered = agenciesCovered(consent, org.groups);
  return sipFormCard(turn.locale, {
    caseRef,
    groupId: group.id,
    groupName: group.name,
    consentUntil: consent.validUntil,
    coveredAgencyNames: covered.map((id) => org.agencies.find((a) => a.id === id)?.name ?? id),
    agencies: org.agencies.map((a) => ({ id: a.id, name: a.name })),
    values: o.values,
    problems: o.problems,
  });
}

/** The command handler: `sip` lists, `sip ny <ref>` gives the form. */
export async function sip(ctx: CommandContext): Promise<void> {
  const c = ctx.command;
  if (c.name !== 'sip') return;
  const card = c.action === 'new' ? await sipForm(ctx.services, ctx.turn, c.caseRef) : await sipList(ctx.services, ctx.turn);
  await ctx.turn.send(card);
}
