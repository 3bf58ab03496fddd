import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { caseRefIn, itemIdFor, propose, published, splitMinutes, type Agenda } from '../../domain/agenda/agenda';
import { coversGroup, derived, status as consentStatus, type CheckedText } from '../../domain/consent';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup, type Group } from '../../domain/organisation';
import { today } from '../consent/consent';
import { gateText } from '../consent/gate';
import { detectOptionsOf, userName } from '../consent/organisation';
import { findMeeting, personKey } from '../meetings/meetings';
import { linkKeyOf, type Turn } from '../shared/turn';
import { meetingWhen } from '../meetings/cards';
import { commandMeeting, ensureAgenda, proposalMeeting, upcomingMeeting, type AgendaDeps } from './group-meeting';
import { agendaCardFor, refreshAgendaCard, resyncAgendaStatus, setAgendaStatus } from './posted-cards';

/**
 * The agenda of a group's next meeting: its card, proposals through the
 * consent gate (in operative groups also by case reference, with a consent
 * in force that covers the group), and publishing. The agenda card posted
 * in the group's channel and the meeting card follow every change.
 */

export type AgendaOutcome = { card: AdaptiveCardJson; record?: { meeting: Meeting } };

/** `dagordning`: the agenda card of the group's next meeting; in the group's channel it becomes the card everyone updates. */
export async function showAgenda(deps: AgendaDeps, turn: Turn): Promise<AgendaOutcome> {
  const found = await commandMeeting(deps, turn, 'agenda.propose', upcomingMeeting);
  if ('card' in found) return { card: found.card };
  const { group, meeting: m } = found;
  const agenda = await ensureAgenda(deps, m, group);
  await setAgendaStatus(deps, m, agenda.status === 'published' ? 'published' : 'draft');
  const inChannel = (await turn.groupHere())?.id === group.id;
  return { card: await agendaCardFor(deps, m, agenda, turn.locale), record: inChannel ? { meeting: m } : undefined };
}

/** Remembers where the agenda card landed, so proposals update it for everyone. */
export async function recordAgendaCard(
  deps: Pick<AgendaDeps, 'agendas'>,
  m: Meeting,
  turn: Turn,
  activityId: string | undefined,
): Promise<void> {
  const conversationId = linkKeyOf(turn.info);
  if (!activityId || !conversationId) return;
  await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => (cur ? { ...cur, card: { conversationId, activityId } } : undefined));
}

type CaseProblem = 'caseNoConsent' | 'caseNotThisGroup' | 'caseExpired' | 'caseWithdrawn' | 'caseNotOperative';

/** Why a case reference may not be on this group's agenda, if it may not: only operative groups, with a consent in force for the group. */
async function caseProblem(deps: AgendaDeps, tenantId: string, group: Group, caseRef: string): Promise<CaseProblem | undefined> {
  if (group.level !== 'operative') return 'caseNotOperative';
  const consent = await deps.consents.get(tenantId, caseRef);
  if (!consent) return 'caseNoConsent';
  const status = consentStatus(consent, today(deps));
  if (status === 'withdrawn') return 'caseWithdrawn';
  if (status !== 'inForce') return 'caseExpired';
  return coversGroup(consent, group.id) ? undefined : 'caseNotThisGroup';
}

/**
 * The item's text as stored: on one line, without its case reference and
 * planned minutes. What is cut away is checked again, since cutting can join
 * what was apart; undefined when the cut text identifies someone the
 * checked text did not.
 */
function itemText(deps: AgendaDeps, checked: CheckedText, caseRef: string | undefined): { text?: CheckedText; minutes?: number } {
  const { text: cut, minutes } = splitMinutes(checked.replace(/\s+/g, ' '));
  const raw = caseRef ? cut.replace(caseRef, '').replace(caseRef.toLowerCase(), '') : cut;
  return { text: derived(checked, raw, { ...detectOptionsOf(deps.organisation), now: deps.now() }), minutes };
}

/**
 * A proposed item: members only; the text passes the consent gate here
 * (refused text is neither stored nor shown back) and the item keeps what
 * the gate checked; a case reference is allowed only in an operative group
 * with a consent in force that covers it. The item's id comes from the
 * activity, so Teams resending it adds nothing.
 */
export async function proposeItem(
  deps: AgendaDeps,
  turn: Turn,
  meetingId: string,
  rawText: string,
  activityId: string,
): Promise<AdaptiveCardJson> {
  const { locale, info } = turn;
  const asked = await findMeeting(deps, info.tenantId, meetingId);
  const group = asked ? findGroup(deps.organisation, asked.groupId) : undefined;
  if (!asked || !group) return errorCard(locale, 'agenda.notices.noMeeting');
  // A card of a meeting that has started (or whose minutes are final) still offers proposing until it is
  // refreshed: the proposal goes to the group's next meeting that has not started, and the answer says which.
  const m = (await proposable(deps, asked)) ? asked : await proposalMeeting(deps, asked.tenantId, asked.groupId);
  if (!m)
    return agendaCardFor(deps, asked, await ensureAgenda(deps, asked, group), locale, { problem: turn.t('agenda.notices.noLaterMeeting') });
  const agenda = await ensureAgenda(deps, m, group);
  const refuse = async (problem: string) => agendaCardFor(deps, m, agenda, locale, { problem });
  if (!authorize(deps.organisation, turn.actor, 'agenda.propose', { groupId: group.id }).allowed) {
    return refuse(turn.t('agenda.notices.onlyMembers'));
  }
  const gate = await gateText(deps, turn, rawText);
  if (!gate.allowed) return refuse(gate.message);
  const caseRef = caseRefIn(gate.text);
  const problem = caseRef ? await caseProblem(deps, info.tenantId, group, caseRef) : undefined;
  if (caseRef && problem) return refuse(turn.t(`agenda.problems.${problem}`, { caseRef }));
  const { text, minutes } = itemText(deps, gate.text, caseRef);
  if (text === undefined) return refuse(turn.t('gate.textChanged'));
  const item = {
    id: itemIdFor(activityId),
    kind: caseRef ? ('case' as const) : ('proposed' as const),
    text,
    caseRef,
    proposer: info.userName ?? (info.aadObjectId ? userName(deps.organisation, info.aadObjectId, info.tenantId) : undefined),
    proposerKey: personKey(info),
    minutes,
  };
  let outcome: ReturnType<typeof propose> | undefined;
  const updated = await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => {
    outcome = propose(cur ?? agenda, item, deps.now());
    return outcome.ok && outcome.added ? outcome.agenda : undefined;
  });
  if (!outcome?.ok)
    return agendaCardFor(deps, m, updated ?? agenda, locale, {
      problem: turn.t(`agenda.problems.${outcome && !outcome.ok ? outcome.problem : 'empty'}`),
    });
  // Not added: the item of this very activity is there already, so Teams resent it, perhaps after a crash
  // before the cards were updated. It is answered as the first time, and the cards brought up to date.
  if (outcome.added)
    deps.logger.info({ event: 'agendaItemProposed', groupId: group.id, meetingId: m.id, kind: item.kind }, 'agenda item proposed');
  await (outcome.added ? setAgendaStatus : resyncAgendaStatus)(deps, m, 'draft');
  const fresh: Agenda = updated ?? outcome.agenda;
  await refreshAgendaCard(deps, m, fresh);
  const { when, timeLine } = meetingWhen(m, locale);
  return agendaCardFor(deps, m, fresh, locale, { notice: turn.t('agenda.notices.proposedTo', { when, time: timeLine }) });
}

/** Whether proposals may still go to this meeting: it has not started, and its minutes are not final. */
async function proposable(deps: Pick<AgendaDeps, 'minutes' | 'now'>, m: Meeting): Promise<boolean> {
  if (m.status !== 'scheduled' || Date.parse(m.start) <= deps.now().getTime()) return false;
  return (await deps.minutes.get(m.tenantId, m.groupId, m.id))?.status !== 'final';
}

/**
 * `dagordning + <text>`: a proposal to the group's next meeting that has not
 * started (a meeting under way is being held on the agenda it has); when
 * there is none but one under way, the answer says a later one is needed.
 */
export async function proposeToNext(deps: AgendaDeps, turn: Turn, text: string): Promise<AdaptiveCardJson> {
  const found = await commandMeeting(deps, turn, 'agenda.propose', async (d, tenantId, groupId) => {
    return (await proposalMeeting(d, tenantId, groupId)) ?? (await upcomingMeeting(d, tenantId, groupId));
  });
  if ('card' in found) return found.card;
  const { info } = turn;
  return proposeItem(deps, turn, found.meeting.id, text, info.activityId || `${info.userId}:${deps.now().toISOString()}`);
}

/** `agenda.publish`: conveners only; publishing twice (a resent action) only brings the cards up to date. */
export async function publishAgenda(deps: AgendaDeps, turn: Turn, meetingId: string): Promise<AdaptiveCardJson> {
  const { locale, info } = turn;
  const m = await findMeeting(deps, info.tenantId, meetingId);
  const group = m ? findGroup(deps.organisation, m.groupId) : undefined;
  if (!m || !group) return errorCard(locale, 'agenda.notices.noMeeting');
  const agenda = await ensureAgenda(deps, m, group);
  if (!authorize(deps.organisation, turn.actor, 'agenda.publish', { groupId: group.id }).allowed) {
    return agendaCardFor(deps, m, agenda, locale, { problem: turn.t('agenda.notices.onlyConveners') });
  }
  if (agenda.status === 'published') {
    // Published already: perhaps by this very action, resent after a crash before the meeting and the
    // channel's cards were updated, so those are brought up to date again (both are idempotent).
    await resyncAgendaStatus(deps, m, 'published');
    await refreshAgendaCard(deps, m, agenda);
    return agendaCardFor(deps, m, agenda, locale, { notice: turn.t('agenda.notices.alreadyPublished') });
  }
  const updated = (await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur && cur.status !== 'published' ? published(cur, personKey(info), deps.now()) : undefined,
  ))!;
  await setAgendaStatus(deps, m, 'published');
  await refreshAgendaCard(deps, m, updated);
  deps.logger.info({ event: 'agendaPublished', groupId: group.id, meetingId: m.id, items: updated.items.length }, 'agenda published');
  return agendaCardFor(deps, m, updated, locale, { notice: turn.t('agenda.notices.published') });
}
