import { DateTime } from 'luxon';
import { agendaCard, itemText, minutesCard, minutesSummaryCard } from './cards';
import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { caseRefIn, itemIdFor, newAgenda, propose, published, splitMinutes, type Agenda } from '../../domain/agenda/agenda';
import { coversGroup, derived, EMPTY_TEXT, status as consentStatus, trimChecked, type CheckedText } from '../../domain/consent';
import type { Meeting } from '../../domain/meetings/meeting';
import {
  openActions,
  parseActions,
  parseLines,
  parseSip,
  SIP_FIELDS,
  type ActionItem,
  type Minutes,
  type MinutesProblem,
  type SipEntry,
  type SipField,
} from '../../domain/minutes/minutes';
import { findGroup, findPerson, membersOf, type Group } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { MinutesStore } from '../../storage/agendas';
import { actorOf, linkKeyOf, linkedGroup } from '../shared/access';
import { today } from '../consent/consent';
import { findMeeting, meetingCardFor, personKey } from '../meetings/meetings';
import { gateText } from '../consent/gate';
import { detectOptionsOf, userName } from '../consent/organisation';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';
import { TASK_KINDS } from './jobs';

/**
 * Agendas and minutes at the edge (SPEC section 7): the agenda card for the
 * next meeting, proposals through the consent gate (and in operative groups
 * by case reference with a consent in force), publishing, the minutes card
 * for the latest meeting, drafts, finalising with a summary in the channel,
 * a printable record, and open actions carried to the next agenda.
 */

async function groupHere(
  services: BotServices,
  info: TurnInfo,
  capability: 'agenda.propose' | 'minutes.write',
): Promise<Group | undefined> {
  const linked = await linkedGroup(services, info);
  if (linked) return linked;
  const mine = groupsWhere(services.organisation, actorOf(info), capability);
  return mine.length === 1 ? mine[0] : undefined;
}

export async function upcomingMeeting(services: BotServices, tenantId: string, groupId: string): Promise<Meeting | undefined> {
  const now = services.now();
  return (await services.meetings.listGroup(tenantId, groupId, { from: now })).find(
    (m) => m.status === 'scheduled' && Date.parse(m.end) > now.getTime(),
  );
}

/** The latest meeting that has started (not cancelled): the one minutes are written for. */
export async function latestMeeting(services: BotServices, tenantId: string, groupId: string): Promise<Meeting | undefined> {
  const now = services.now();
  const list = await services.meetings.listGroup(tenantId, groupId, { from: new Date(now.getTime() - 400 * 86_400_000), to: now });
  return list.filter((m) => m.status === 'scheduled' && Date.parse(m.start) <= now.getTime()).pop();
}

async function ensureAgenda(services: BotServices, m: Meeting, group: Group): Promise<Agenda> {
  const existing = await services.agendas.get(m.tenantId, m.groupId, m.id);
  if (existing) return existing;
  const created = await services.agendas.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur
      ? undefined
      : newAgenda({
          tenantId: m.tenantId,
          groupId: m.groupId,
          meetingId: m.id,
          level: group.level,
          groupTemplate: group.agendaTemplate,
          now: services.now(),
        }),
  );
  return created!;
}

export async function ensureAgendaFor(services: BotServices, m: Meeting): Promise<Agenda | undefined> {
  const group = findGroup(services.organisation, m.groupId);
  return group ? ensureAgenda(services, m, group) : undefined;
}

/** Open actions of the group's earlier finalised minutes. */
async function carriedActions(services: BotServices, tenantId: string, groupId: string, exceptMeetingId?: string): Promise<ActionItem[]> {
  return openActions((await services.minutes.actionsOf(tenantId, groupId)).filter((a) => a.meetingId !== exceptMeetingId));
}

async function caseValidity(services: BotServices, tenantId: string, agenda: Agenda): Promise<Record<string, string>> {
  const refs = agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r);
  if (!refs.length) return {};
  const consents = await services.consents.getMany(tenantId, refs);
  return Object.fromEntries(consents.map((c) => [c.caseRef, c.validUntil]));
}

export async function agendaCardFor(
  services: BotServices,
  m: Meeting,
  agenda: Agenda,
  locale: Locale,
  extra: { notice?: string; problem?: string } = {},
): Promise<AdaptiveCardJson> {
  const group = findGroup(services.organisation, m.groupId);
  const [carried, validity] = await Promise.all([
    carriedActions(services, m.tenantId, m.groupId, m.id),
    caseValidity(services, m.tenantId, agenda),
  ]);
  return agendaCard(locale, m, agenda, {
    groupName: group?.name ?? m.groupId,
    level: group?.level ?? 'tactical',
    now: services.now(),
    carried,
    caseValidUntil: validity,
    notice: extra.notice,
    problem: extra.problem,
    refreshUserIds: m.rsvpUserIds,
  });
}

/** The meeting's status as the meeting card shows it; the card in the channel follows. */
async function setAgendaStatus(services: BotServices, m: Meeting, status: Meeting['agendaStatus']): Promise<void> {
  if (m.agendaStatus === status || (m.agendaStatus === 'published' && status === 'draft')) return;
  const updated = await services.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.agendaStatus === status || (cur.agendaStatus === 'published' && status === 'draft')
      ? undefined
      : { ...cur, agendaStatus: status, updatedAt: services.now().toISOString() },
  );
  if (updated?.card) await updatePosted(services, updated.tenantId, updated.card, (locale) => meetingCardFor(services, updated, locale));
}

/**
 * For a resent action: the status as `setAgendaStatus` sets it, and the
 * channel's meeting card brought up to date even when the status was right
 * already (the first attempt may have died between the two).
 */
async function resyncAgendaStatus(services: BotServices, m: Meeting, status: Meeting['agendaStatus']): Promise<void> {
  const unchanged = m.agendaStatus === status || (m.agendaStatus === 'published' && status === 'draft');
  await setAgendaStatus(services, m, status);
  if (unchanged && m.card) await updatePosted(services, m.tenantId, m.card, (locale) => meetingCardFor(services, m, locale));
}

async function updatePosted(
  services: BotServices,
  tenantId: string,
  card: { conversationId: string; activityId: string },
  build: (locale: Locale) => AdaptiveCardJson | Promise<AdaptiveCardJson>,
): Promise<void> {
  try {
    const conv = await services.proactive.conversation(tenantId, card.conversationId);
    if (!conv) return;
    await services.proactive.updateCard(conv.reference, card.activityId, await build(conv.locale));
  } catch (err) {
    services.logger.warn({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, 'could not update a posted card');
  }
}

export type AgendaOutcome = { card: AdaptiveCardJson; record?: { meeting: Meeting } };

/** `dagordning`: the agenda card of the group's next meeting; in the group's channel it becomes the card everyone updates. */
export async function showAgenda(services: BotServices, info: TurnInfo): Promise<AgendaOutcome> {
  const group = await groupHere(services, info, 'agenda.propose');
  if (!group) return { card: errorCard(info.locale, 'agenda.notices.noGroup') };
  const decision = authorize(services.organisation, actorOf(info), 'agenda.propose', { groupId: group.id });
  if (!decision.allowed) return { card: notAllowedCard(info.locale, decision.reason, decision.whoMay) };
  const m = await upcomingMeeting(services, info.tenantId, group.id);
  if (!m) return { card: errorCard(info.locale, 'agenda.notices.noMeeting') };
  const agenda = await ensureAgenda(services, m, group);
  await setAgendaStatus(services, m, agenda.status === 'published' ? 'published' : 'draft');
  const inChannel = (await linkedGroup(services, info))?.id === group.id;
  return { card: await agendaCardFor(services, m, agenda, info.locale), record: inChannel ? { meeting: m } : undefined };
}

/** Remembers where the agenda card landed, so proposals update it for everyone. */
export async function recordAgendaCard(services: BotServices, m: Meeting, info: TurnInfo, activityId: string | undefined): Promise<void> {
  const conversationId = linkKeyOf(info);
  if (!activityId || !conversationId) return;
  await services.agendas.update(m.tenantId, m.groupId, m.id, (cur) => (cur ? { ...cur, card: { conversationId, activityId } } : undefined));
}

function caseProblem(
  locale: Locale,
  reason: 'caseNoConsent' | 'caseNotThisGroup' | 'caseExpired' | 'caseWithdrawn' | 'caseNotOperative',
  caseRef: string,
): string {
  return t(locale, `agenda.problems.${reason}`, { caseRef });
}

/**
 * A proposed item: members only; the text passes the consent gate (refused
 * text is neither stored nor shown back); a case reference is allowed only
 * in an operative group with a consent in force that covers it. The item's
 * id comes from the activity, so Teams resending it adds nothing.
 */
export async function proposeItem(
  services: BotServices,
  info: TurnInfo,
  meetingId: string,
  rawText: string,
  activityId: string,
): Promise<AdaptiveCardJson> {
  const locale = info.locale;
  const m = await findMeeting(services, info.tenantId, meetingId);
  const group = m ? findGroup(services.organisation, m.groupId) : undefined;
  if (!m || !group) return errorCard(locale, 'agenda.notices.noMeeting');
  const agenda = await ensureAgenda(services, m, group);
  if (!authorize(services.organisation, actorOf(info), 'agenda.propose', { groupId: group.id }).allowed) {
    return agendaCardFor(services, m, agenda, locale, { problem: t(locale, 'agenda.notices.onlyMembers') });
  }
  const gate = await gateText(services, info, rawText);
  if (!gate.allowed) return agendaCardFor(services, m, agenda, locale, { problem: gate.message });
  const checked = gate.text;
  const caseRef = caseRefIn(checked);
  if (caseRef) {
    if (group.level !== 'operative')
      return agendaCardFor(services, m, agenda, locale, { problem: caseProblem(locale, 'caseNotOperative', caseRef) });
    const consent = await services.consents.get(info.tenantId, caseRef);
    const problem = !consent
      ? 'caseNoConsent'
      : consentStatus(consent, today(services)) === 'withdrawn'
        ? 'caseWithdrawn'
        : consentStatus(consent, today(services)) !== 'inForce'
          ? 'caseExpired'
          : !coversGroup(consent, group.id)
            ? 'caseNotThisGroup'
            : undefined;
    if (problem) return agendaCardFor(services, m, agenda, locale, { problem: caseProblem(locale, problem, caseRef) });
  }
  // The item is stored on one line, without its case reference and planned minutes; what is cut away
  // is checked again, since cutting can join what was apart.
  const { text: cut, minutes } = splitMinutes(checked.replace(/\s+/g, ' '));
  const text = derived(checked, caseRef ? cut.replace(caseRef, '').replace(caseRef.toLowerCase(), '') : cut, {
    ...detectOptionsOf(services.organisation),
    now: services.now(),
  });
  if (text === undefined) return agendaCardFor(services, m, agenda, locale, { problem: t(locale, 'gate.textChanged') });
  const item = {
    id: itemIdFor(activityId),
    kind: caseRef ? ('case' as const) : ('proposed' as const),
    text,
    caseRef,
    proposer: info.userName ?? (info.aadObjectId ? userName(services.organisation, info.aadObjectId) : undefined),
    proposerKey: personKey(info),
    minutes,
  };
  let outcome: ReturnType<typeof propose> | undefined;
  const updated = await services.agendas.update(m.tenantId, m.groupId, m.id, (cur) => {
    outcome = propose(cur ?? agenda, item, services.now());
    return outcome.ok && outcome.added ? outcome.agenda : undefined;
  });
  if (!outcome?.ok)
    return agendaCardFor(services, m, updated ?? agenda, locale, {
      problem: t(locale, `agenda.problems.${outcome && !outcome.ok ? outcome.problem : 'empty'}`),
    });
  // Not added: the item of this very activity is there already, so Teams resent it, perhaps after a crash
  // before the cards were updated. It is answered as the first time, and the cards brought up to date.
  if (outcome.added)
    services.logger.info({ event: 'agendaItemProposed', groupId: group.id, meetingId: m.id, kind: item.kind }, 'agenda item proposed');
  await (outcome.added ? setAgendaStatus : resyncAgendaStatus)(services, m, 'draft');
  const fresh = updated ?? outcome.agenda;
  if (fresh.card) await updatePosted(services, m.tenantId, fresh.card, (l) => agendaCardFor(services, m, fresh, l));
  return agendaCardFor(services, m, fresh, locale, { notice: t(locale, 'agenda.notices.proposed') });
}

/** `dagordning + <text>`: a proposal to the group's next meeting. */
export async function proposeToNext(services: BotServices, info: TurnInfo, text: string, activityId: string): Promise<AdaptiveCardJson> {
  const group = await groupHere(services, info, 'agenda.propose');
  if (!group) return errorCard(info.locale, 'agenda.notices.noGroup');
  const decision = authorize(services.organisation, actorOf(info), 'agenda.propose', { groupId: group.id });
  if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  const m = await upcomingMeeting(services, info.tenantId, group.id);
  if (!m) return errorCard(info.locale, 'agenda.notices.noMeeting');
  return proposeItem(services, info, m.id, text, activityId || `${info.userId}:${services.now().toISOString()}`);
}

export async function publishAgenda(services: BotServices, info: TurnInfo, meetingId: string): Promise<AdaptiveCardJson> {
  const locale = info.locale;
  const m = await findMeeting(services, info.tenantId, meetingId);
  const group = m ? findGroup(services.organisation, m.groupId) : undefined;
  if (!m || !group) return errorCard(locale, 'agenda.notices.noMeeting');
  const agenda = await ensureAgenda(services, m, group);
  if (!authorize(services.organisation, actorOf(info), 'agenda.publish', { groupId: group.id }).allowed) {
    return agendaCardFor(services, m, agenda, locale, { problem: t(locale, 'agenda.notices.onlyConveners') });
  }
  if (agenda.status === 'published') {
    // Published already: perhaps by this very action, resent after a crash before the meeting and the
    // channel's cards were updated, so those are brought up to date again (both are idempotent).
    await resyncAgendaStatus(services, m, 'published');
    if (agenda.card) await updatePosted(services, m.tenantId, agenda.card, (l) => agendaCardFor(services, m, agenda, l));
    return agendaCardFor(services, m, agenda, locale, { notice: t(locale, 'agenda.notices.alreadyPublished') });
  }
  const updated = (await services.agendas.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur && cur.status !== 'published' ? published(cur, personKey(info), services.now()) : undefined,
  ))!;
  await setAgendaStatus(services, m, 'published');
  if (updated.card) await updatePosted(services, m.tenantId, updated.card, (l) => agendaCardFor(services, m, updated, l));
  services.logger.info({ event: 'agendaPublished', groupId: group.id, meetingId: m.id, items: updated.items.length }, 'agenda published');
  return agendaCardFor(services, m, updated, locale, { notice: t(locale, 'agenda.notices.published') });
}

// ---------------------------------------------------------------- minutes

function membersChoices(services: BotServices, group: Group): Array<{ title: string; value: string }> {
  return membersOf(group).map((id) => {
    const p = findPerson(services.organisation, id);
    return { title: p ? `${p.displayName} (${p.role})` : id, value: id };
  });
}

function sipKey(caseRef: string): string {
  return caseRef.replace(/[^A-Za-z0-9]/g, '');
}

export async function minutesCardFor(
  services: BotServices,
  info: TurnInfo,
  m: Meeting,
  minutes: Minutes | undefined,
  extra: { problems?: string[]; notice?: string; draft?: Parameters<typeof minutesCard>[3]['draft'] } = {},
): Promise<AdaptiveCardJson> {
  const group = findGroup(services.organisation, m.groupId)!;
  const agenda =
    (await services.agendas.get(m.tenantId, m.groupId, m.id)) ??
    newAgenda({
      tenantId: m.tenantId,
      groupId: m.groupId,
      meetingId: m.id,
      level: group.level,
      groupTemplate: group.agendaTemplate,
      now: services.now(),
    });
  const carried = minutes?.status === 'final' ? [] : await carriedActions(services, m.tenantId, m.groupId, m.id);
  const caseRefs = group.level === 'operative' ? [...new Set(agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r))] : [];
  return minutesCard(info.locale, m, minutes, {
    groupName: group.name,
    level: group.level,
    members: membersChoices(services, group),
    items: agenda.items.map((i) => ({ id: i.id, text: itemText(info.locale, group.level, i) })),
    carried,
    caseRefs,
    draft: extra.draft,
    problems: extra.problems,
    notice: extra.notice,
    printUrl: minutes?.printToken ? printUrl(services, minutes.printToken) : undefined,
  });
}

export function printUrl(services: BotServices, token: string): string {
  const base = services.config.PUBLIC_URL ?? `http://${services.config.HOST}:${services.config.PORT}`;
  return `${base.replace(/\/+$/, '')}/minutes/${token}.html`;
}

/** `protokoll`: the minutes card of the group's latest meeting; conveners only. */
export async function showMinutes(services: BotServices, info: TurnInfo): Promise<AdaptiveCardJson> {
  const group = await groupHere(services, info, 'minutes.write');
  if (!group) return errorCard(info.locale, 'minutes.notices.noGroup');
  const decision = authorize(services.organisation, actorOf(info), 'minutes.write', { groupId: group.id });
  if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  const m = await latestMeeting(services, info.tenantId, group.id);
  if (!m) return errorCard(info.locale, 'minutes.notices.noMeeting');
  return minutesCardFor(services, info, m, await services.minutes.get(m.tenantId, m.groupId, m.id));
}

function problemText(locale: Locale, p: MinutesProblem): string {
  switch (p.kind) {
    case 'sipMissing':
      return t(locale, 'minutes.problems.sipMissing', {
        caseRef: p.caseRef,
        field: t(locale, `minutes.labels.${p.field === 'due' ? 'due' : p.field}`),
      });
    case 'tooLong':
      return t(locale, 'minutes.problems.tooLong', { field: p.field });
    default:
      return t(locale, `minutes.problems.${p.kind}`, p as unknown as Record<string, string | number>);
  }
}

/** The minutes card's fields, as Adaptive Card inputs give them (strings). */
export type MinutesData = Record<string, string | undefined> & { meetingId: string };

/**
 * `minutes.save` and `minutes.finalize`: every text through the consent
 * gate (a refused field is dropped from what is shown back and nothing is
 * stored), actions and SIP fields checked with the problems on the card,
 * then a draft or the final minutes with the summary in the channel.
 */
export async function saveMinutes(services: BotServices, info: TurnInfo, data: MinutesData, finalize: boolean): Promise<AdaptiveCardJson> {
  const locale = info.locale;
  const m = await findMeeting(services, info.tenantId, data.meetingId);
  const group = m ? findGroup(services.organisation, m.groupId) : undefined;
  if (!m || !group) return errorCard(locale, 'minutes.notices.noMeeting');
  const decision = authorize(services.organisation, actorOf(info), 'minutes.write', { groupId: group.id });
  if (!decision.allowed) return notAllowedCard(locale, decision.reason, decision.whoMay);
  const existing = await services.minutes.get(m.tenantId, m.groupId, m.id);
  if (existing?.status === 'final') {
    // Final, but what finalising sets going was cut short (storage or the process failed part-way):
    // a finalise resent, or pressed again, finishes it. Each step is idempotent.
    if (finalize && !existing.completedAt) {
      await completeFinalize(services, m, existing);
      return minutesCardFor(services, info, m, existing, { notice: t(locale, 'minutes.notices.finalized') });
    }
    return minutesCardFor(services, info, m, existing, { notice: t(locale, 'minutes.notices.alreadyFinal') });
  }

  const agenda = await services.agendas.get(m.tenantId, m.groupId, m.id);
  const itemIds = (
    agenda?.items ??
    newAgenda({
      tenantId: m.tenantId,
      groupId: m.groupId,
      meetingId: m.id,
      level: group.level,
      groupTemplate: group.agendaTemplate,
      now: services.now(),
    }).items
  ).map((i) => i.id);
  const caseRefs =
    group.level === 'operative' ? [...new Set((agenda?.items ?? []).map((i) => i.caseRef).filter((r): r is string => !!r))] : [];
  const s = (k: string) => (typeof data[k] === 'string' ? data[k]!.slice(0, 4000) : '');

  // The gate, field by field, so the card can say which one was stopped. What is kept, and shown
  // back on the card, is each field as the gate checked it; a refused field is emptied.
  const problems: string[] = [];
  const gateField = async (label: string, value: string): Promise<CheckedText> => {
    if (!value.trim()) return EMPTY_TEXT;
    const gate = await gateText(services, info, value);
    if (gate.allowed) return gate.text;
    problems.push(t(locale, 'minutes.notices.refused', { field: label, reason: gate.message }));
    return EMPTY_TEXT;
  };
  // The two choice sets are kept, and shown back, only as the ids the card offers (members, open
  // actions): anything else did not come from the card, passed no gate, and is not shown.
  const members = new Set(membersOf(group));
  const carried = new Set((await carriedActions(services, m.tenantId, m.groupId, m.id)).map((a) => a.id));
  const offered = (value: string, ids: Set<string>) =>
    value
      .split(',')
      .map((x) => x.trim())
      .filter((x) => ids.has(x))
      .join(',');
  const draft = {
    attendees: offered(s('attendees'), members),
    guests: await gateField(t(locale, 'minutes.fields.guests'), s('guests')),
    decisions: await gateField(t(locale, 'minutes.fields.decisions'), s('decisions')),
    actions: await gateField(t(locale, 'minutes.fields.actions'), s('actions')),
    closed: offered(s('closedActions'), carried),
    notes: {} as Record<string, CheckedText>,
    sip: {} as Record<string, Partial<Record<SipField, CheckedText>>>,
  };
  for (const id of itemIds) draft.notes[id] = await gateField(t(locale, 'minutes.fields.notes'), s(`note_${id}`));
  for (const ref of caseRefs) {
    const sip: Partial<Record<SipField, CheckedText>> = (draft.sip[ref] = {});
    for (const f of SIP_FIELDS) sip[f] = await gateField(`${t(locale, 'minutes.fields.sip')} ${ref}`, s(`sip_${sipKey(ref)}_${f}`));
  }

  const people = membersOf(group).map((id) => ({ id, displayName: findPerson(services.organisation, id)?.displayName ?? id }));
  const parsedActions = parseActions(draft.actions, m.id, people);
  problems.push(...parsedActions.problems.map((p) => problemText(locale, p)));
  const sip: SipEntry[] = [];
  for (const ref of caseRefs) {
    const r = parseSip(ref, draft.sip[ref] ?? {});
    problems.push(...r.problems.map((p) => problemText(locale, p)));
    if (r.entry) sip.push(r.entry);
  }
  if (problems.length) return minutesCardFor(services, info, m, existing, { problems, draft });

  const now = services.now();
  const next: Minutes = {
    tenantId: m.tenantId,
    groupId: m.groupId,
    meetingId: m.id,
    status: finalize ? 'final' : 'draft',
    attendees: draft.attendees
      .split(',')
      .map((x) => x.trim())
      .filter((x) => members.has(x)),
    guests: trimChecked(draft.guests),
    notes: Object.fromEntries(Object.entries(draft.notes).filter(([, v]) => v.trim())),
    decisions: parseLines(draft.decisions),
    actions: parsedActions.actions,
    sip,
    closedActions: draft.closed
      .split(',')
      .map((x) => x.trim())
      .filter((x) => carried.has(x)),
    updatedAt: now.toISOString(),
  };
  if (finalize) {
    next.finalizedAt = now.toISOString();
    next.finalizedBy = personKey(info);
    next.printToken = MinutesStore.newToken();
  }
  const stored = await services.minutes.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur?.status === 'final' ? undefined : { ...next, etag: cur?.etag },
  );
  if (!stored || (stored.status === 'final' && !finalize))
    return minutesCardFor(services, info, m, stored, { notice: t(locale, 'minutes.notices.alreadyFinal') });
  if (!finalize) return minutesCardFor(services, info, m, stored, { notice: t(locale, 'minutes.notices.saved') });

  services.logger.info(
    {
      event: 'minutesFinalized',
      groupId: group.id,
      meetingId: m.id,
      decisions: stored.decisions.length,
      actions: stored.actions.length,
      sip: stored.sip.length,
    },
    'minutes finalised',
  );
  await completeFinalize(services, m, stored);
  return minutesCardFor(services, info, m, stored, { notice: t(locale, 'minutes.notices.finalized') });
}

/**
 * What finalised minutes set going, each step idempotent, then marked done:
 * the printable page, the actions and their reminders, the earlier actions
 * closed, the summary in the channel (keyed by the meeting).
 */
async function completeFinalize(services: BotServices, m: Meeting, minutes: Minutes): Promise<void> {
  const at = minutes.finalizedAt ?? services.now().toISOString();
  if (minutes.printToken) await services.minutes.registerPrintToken(minutes.printToken, m.tenantId, m.groupId, m.id);
  await services.minutes.saveActions(m.tenantId, m.groupId, minutes.actions);
  await services.minutes.markDone(m.tenantId, m.groupId, minutes.closedActions, at);
  await scheduleActionReminders(services, m, minutes.actions);
  await postSummary(services, m, minutes);
  await services.minutes.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur && cur.status === 'final' && !cur.completedAt ? { ...cur, completedAt: services.now().toISOString() } : undefined,
  );
}

function attendeeNames(services: BotServices, minutes: Minutes): string[] {
  return minutes.attendees.map((id) => findPerson(services.organisation, id)?.displayName ?? id);
}

export function summaryCardFor(services: BotServices, m: Meeting, minutes: Minutes, locale: Locale): AdaptiveCardJson {
  const group = findGroup(services.organisation, m.groupId);
  return minutesSummaryCard(locale, m, minutes, { groupName: group?.name ?? m.groupId, attendeeNames: attendeeNames(services, minutes) });
}

/** Posts the summary in the group's channel; a failure is thrown, so finalising is not marked complete and a retry posts it. */
async function postSummary(services: BotServices, m: Meeting, minutes: Minutes): Promise<void> {
  const links = (await services.channelLinks.channelsOf(m.tenantId, m.groupId)).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
  for (const link of links) {
    const conv = await services.proactive.conversation(m.tenantId, link.conversationId);
    if (!conv) continue;
    await services.proactive.sendCard(conv.reference, summaryCardFor(services, m, minutes, conv.locale), {
      threadOf: m.card?.conversationId === link.conversationId ? m.card.activityId : undefined,
      idempotencyKey: messageKey('minutes-summary', m.tenantId, m.id),
    });
    return;
  }
}

async function scheduleActionReminders(services: BotServices, m: Meeting, actions: ActionItem[]): Promise<void> {
  const now = services.now();
  const requests = actions
    .map((a) => ({ a, due: DateTime.fromISO(a.due, { zone: m.timeZone }).set({ hour: 9 }) }))
    .filter(({ due }) => due.toMillis() > now.getTime())
    .map(({ a, due }) => ({
      id: `${TASK_KINDS.due}:${m.groupId}:${a.id}`,
      kind: TASK_KINDS.due,
      dueAt: due.toJSDate(),
      payload: { tenantId: m.tenantId, groupId: m.groupId, actionId: a.id },
    }));
  if (requests.length) await services.scheduler.scheduleAll(requests);
}
