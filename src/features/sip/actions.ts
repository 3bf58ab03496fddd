import { z } from 'zod';
import { personOf } from '../../domain/access';
import { quickScheduleSchema } from '../../domain/commands/parse';
import { type CheckedText, EMPTY_TEXT } from '../../domain/consent';
import { meetingIdFor, type Meeting } from '../../domain/meetings/meeting';
import { occurrenceAt } from '../../domain/meetings/recurrence';
import {
  SIP_BOOKING_PLACES,
  SIP_PLAN_REQUIRED,
  SIP_PLAN_TEXT_FIELDS,
  booked,
  closed,
  consentProblem,
  missingAgencies,
  newSip,
  parseParticipants,
  planned,
  sipIdFor,
  sipInvitees,
  type Sip,
  type SipBookingPlace,
  type SipPlan,
  type SipPlanTextField,
} from '../../domain/sip/sip';
import { SipStore } from '../../storage/sips';
import { gateText } from '../consent/gate';
import { refreshChannelCard } from '../meetings/channel-card';
import { meetingWhen } from '../meetings/cards';
import { personKey, scheduleReminders } from '../meetings/meetings';
import { defineAction } from '../shared/feature';
import type { Turn } from '../shared/turn';
import { sipPlanCard, type SipFormValues } from './cards';
import { sipForm, sipList } from './command';
import { scheduleFollowUpReminder } from './jobs';
import { inGroup, sipFor, sipGroups, today, viewOf, type SipDeps } from './sip';

/**
 * The SIP cards' buttons: calling a SIP (`sip.create`: consent, participants,
 * booking), its plan (`sip.plan`: every text through the gate), opening and
 * closing it. Ids come from the activity, so a resent action does nothing twice.
 */

const text = (max: number) => z.string().max(max).optional().default('');
const caseRefSchema = z
  .string()
  .trim()
  .regex(/^SAM-[0-9A-HJKMNP-TV-Z]{8}$/i)
  .transform((s) => s.toUpperCase());
const sipIdSchema = z.string().trim().min(3).max(90);

/** `sip.create`: books the SIP meeting for a case whose consent is in force and covers every invited agency. */
export const sipCreate = defineAction({
  verb: 'sip.create',
  schema: z.object({
    caseRef: caseRefSchema,
    groupId: text(64),
    participants: text(600),
    date: text(20),
    time: text(10),
    durationMinutes: text(10),
    location: text(200),
    // Where the meeting is booked: the operative channel (the default), or each invited member's personal chat.
    where: z
      .enum([...SIP_BOOKING_PLACES, ''])
      .optional()
      .default(''),
  }),
  async handle({ services, turn, data }) {
    return createSip(services, turn, data);
  },
});

export async function createSip(
  deps: SipDeps,
  turn: Turn,
  data: {
    caseRef: string;
    groupId: string;
    participants: string;
    date: string;
    time: string;
    durationMinutes: string;
    location: string;
    where?: SipBookingPlace | '';
  },
) {
  const where = await sipGroups(deps, turn);
  if ('card' in where) return where.card;
  const org = deps.organisation;
  const { info } = turn;
  const consent = await deps.consents.get(info.tenantId, data.caseRef);
  const group =
    where.groups.find((g) => g.id === data.groupId) ?? where.groups.find((g) => consent?.scope.groupIds.includes(g.id)) ?? where.groups[0]!;
  // Shown back on the form only as far as it is known: an unknown participant may be a family member's name.
  const known = parseParticipants(data.participants, org.agencies);
  const values: SipFormValues = {
    participants: [...known.agencies, ...known.family].join(','),
    date: /^\d{4}-\d{2}-\d{2}$/.test(data.date) ? data.date : '',
    time: /^\d{1,2}:\d{2}$/.test(data.time.slice(0, 5)) ? data.time.slice(0, 5) : '',
    durationMinutes: /^\d{1,3}$/.test(data.durationMinutes) ? data.durationMinutes : '',
    where: data.where || 'channel',
  };
  const privately = data.where === 'private';
  const again = (problems: string[]) => sipForm(deps, turn, data.caseRef, { groupId: group.id, values, problems });
  // The consent first: without one in force for this group, the form is not offered at all.
  if (consentProblem(consent, group.id, today(deps)) || !consent) return sipForm(deps, turn, data.caseRef, { groupId: group.id });

  const problems: string[] = [];
  const participants = known;
  if (participants.unknown.length) problems.push(turn.t('sip.problems.unknownParticipant', { count: participants.unknown.length }));
  else if (participants.agencies.length + participants.family.length === 0) problems.push(turn.t('sip.problems.noParticipants'));
  const missing = missingAgencies(consent, participants.agencies, org.groups);
  if (missing.length)
    problems.push(
      turn.t('sip.problems.agencyNotCovered', {
        agencies: missing.map((id) => org.agencies.find((a) => a.id === id)?.name ?? id).join(', '),
      }),
    );
  const time = data.time && /^\d:\d\d/.test(data.time) ? `0${data.time}` : data.time.slice(0, 5);
  const when = quickScheduleSchema.safeParse({ date: data.date, time, durationMinutes: data.durationMinutes || undefined });
  if (!when.success) for (const issue of when.error.issues) problems.push(turn.t(`sip.problems.${issue.message}`));
  let location: CheckedText | undefined;
  if (data.location.trim()) {
    const gate = await gateText(deps, inGroup(turn, group), data.location);
    if (!gate.allowed) problems.push(turn.t('sip.problems.refused', { field: turn.t('sip.form.location'), message: gate.message }));
    else location = gate.text || undefined;
  }
  if (location) values.location = location;
  if (problems.length || !when.success) return again(problems);
  const occurrence = occurrenceAt({ date: when.data.date, time: when.data.time }, when.data.durationMinutes, org.timeZone);
  const now = deps.now();
  if (occurrence.start.getTime() <= now.getTime())
    return again([turn.t('sip.problems.past', { date: when.data.date, time: when.data.time })]);

  // Booked privately: the members of the invited agencies (and the initiator) each get it in their own chat with the bot.
  const invitees = privately ? sipInvitees(group, org.people, participants.agencies, personOf(org, turn.actor)?.id) : [];
  if (privately && invitees.length === 0) return again([turn.t('sip.problems.noInvitees')]);

  const by = personKey(info);
  const id = sipIdFor(group.id, info.activityId || `${info.userId}:${now.toISOString()}`);
  const draft = newSip({
    id,
    tenantId: info.tenantId,
    groupId: group.id,
    caseRef: consent.caseRef,
    agencies: participants.agencies,
    family: participants.family,
    by,
    at: now,
  });
  const created = await deps.sips.create(draft);
  const sip = created ?? (await deps.sips.get(info.tenantId, group.id, id)) ?? draft;

  // The meeting through the meetings' own machinery: its card in the operative channel, its reminders, the calendar feed.
  const m: Meeting = {
    id: meetingIdFor(group.id, `sip:${id}`, 0),
    tenantId: info.tenantId,
    groupId: group.id,
    start: occurrence.start.toISOString(),
    end: occurrence.end.toISOString(),
    timeZone: org.timeZone,
    durationMinutes: when.data.durationMinutes,
    location,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: by,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    reminded: {},
    ...(invitees.length ? { invitees } : {}),
  };
  const meeting = (await deps.meetings.create(m)) ?? (await deps.meetings.get(m.tenantId, m.groupId, m.id)) ?? m;
  await scheduleReminders(deps, [meeting]);
  await deps.figures?.record({ kind: 'meetings', meetings: [meeting] });
  const stored =
    (await deps.sips.update(info.tenantId, group.id, id, (cur) => {
      const next = booked(cur, meeting.id, now);
      return next.ok && next.sip !== cur ? next.sip : undefined;
    })) ?? sip;
  if (!meeting.card) await refreshChannelCard(deps, meeting, { post: true });
  if (created)
    deps.logger.info(
      { event: 'sipBooked', groupId: group.id, sipId: id, agencies: participants.agencies.length, family: participants.family.length },
      'SIP booked',
    );
  const { when: day, timeLine } = meetingWhen(meeting, turn.locale);
  const names = (meeting.invitees ?? []).map((pid) => org.people.find((p) => p.id === pid)?.displayName ?? pid).join(', ');
  return sipPlanCard(turn.locale, stored, await viewOf(deps, stored), {
    notice: !created
      ? turn.t('sip.notices.bookedAgain')
      : meeting.invitees?.length
        ? turn.t('sip.notices.bookedPrivately', { when: day, time: timeLine, people: names })
        : turn.t('sip.notices.booked', { when: day, time: timeLine }),
  });
}

const planSchema = z
  .object({ sipId: sipIdSchema, followUpDate: text(20) })
  .extend(Object.fromEntries(SIP_PLAN_TEXT_FIELDS.map((k) => [k, text(2000)])) as Record<SipPlanTextField, ReturnType<typeof text>>);

/** `sip.plan`: the plan recorded at the meeting (or revised, or followed up); every text passes the gate. */
export const sipPlan = defineAction({
  verb: 'sip.plan',
  schema: planSchema,
  async handle({ services, turn, data }) {
    return savePlan(services, turn, data as z.infer<typeof planSchema>);
  },
});

export async function savePlan(
  deps: SipDeps,
  turn: Turn,
  data: { sipId: string; followUpDate: string } & Record<SipPlanTextField, string>,
) {
  const found = await sipFor(deps, turn, data.sipId);
  if ('card' in found) return found.card;
  const { sip, group } = found;
  const view = await viewOf(deps, sip);
  if (sip.status === 'closed') return sipPlanCard(turn.locale, sip, view, { problems: [turn.t('sip.problems.closed')] });
  const problems: string[] = [];
  const checked = {} as Record<SipPlanTextField, CheckedText>;
  const shown: Partial<Record<SipPlanTextField | 'followUpDate', string>> = { followUpDate: data.followUpDate };
  const gateTurn = inGroup(turn, group);
  for (const k of SIP_PLAN_TEXT_FIELDS) {
    const raw = data[k] ?? '';
    if (!raw.trim()) {
      checked[k] = EMPTY_TEXT;
      shown[k] = '';
      if (SIP_PLAN_REQUIRED.includes(k)) problems.push(turn.t('sip.problems.required', { field: turn.t(`sip.plan.${k}`) }));
      continue;
    }
    const gate = await gateText(deps, gateTurn, raw);
    if (!gate.allowed) {
      // Refused text is neither kept nor shown back.
      problems.push(turn.t('sip.problems.refused', { field: turn.t(`sip.plan.${k}`), message: gate.message }));
      shown[k] = '';
      continue;
    }
    checked[k] = gate.text;
    shown[k] = gate.text;
  }
  if (problems.length) return sipPlanCard(turn.locale, sip, view, { problems, values: shown });
  const now = deps.now();
  const plan: SipPlan = {
    ...checked,
    followUpDate: data.followUpDate.trim(),
    plannedAt: now.toISOString(),
    plannedBy: personKey(turn.info),
    key: turn.info.activityId || undefined,
  };
  const day = today(deps);
  const tried = planned(sip, plan, day);
  if (!tried.ok) return sipPlanCard(turn.locale, sip, view, { problems: [turn.t(`sip.problems.${tried.problem}`)], values: shown });
  const token = sip.printToken ?? SipStore.newToken();
  if (!sip.printToken) await deps.sips.registerPrintToken(token, sip);
  let outcome: Sip | undefined;
  const stored = await deps.sips.update(sip.tenantId, sip.groupId, sip.id, (cur) => {
    const next = planned(cur, plan, day);
    if (!next.ok || next.sip === cur) return undefined;
    outcome = { ...next.sip, printToken: cur.printToken ?? token };
    return outcome;
  });
  const fresh = outcome ?? stored ?? sip;
  await scheduleFollowUpReminder(deps, fresh);
  if (outcome) deps.logger.info({ event: 'sipPlanned', groupId: group.id, sipId: sip.id, status: fresh.status }, 'SIP plan saved');
  const followUpDate = fresh.plan?.followUpDate ?? plan.followUpDate;
  const notice =
    fresh.status === 'followedUp' && fresh.followUps.length > sip.followUps.length
      ? turn.t('sip.notices.followedUp', { date: followUpDate })
      : turn.t('sip.notices.saved', { date: followUpDate });
  return sipPlanCard(turn.locale, fresh, await viewOf(deps, fresh), { notice });
}

/** `sip.close`: the SIP is over; the answer is the group's list without it. */
export const sipClose = defineAction({
  verb: 'sip.close',
  schema: z.object({ sipId: sipIdSchema }).catchall(z.unknown()),
  async handle({ services, turn, data }) {
    const found = await sipFor(services, turn, data.sipId);
    if ('card' in found) return found.card;
    const { sip } = found;
    if (sip.status === 'closed') return sipList(services, turn, turn.t('sip.notices.alreadyClosed'), sip.groupId);
    await services.sips.update(sip.tenantId, sip.groupId, sip.id, (cur) => {
      const next = closed(cur, personKey(turn.info), services.now());
      return next.ok && next.sip !== cur ? next.sip : undefined;
    });
    services.logger.info({ event: 'sipClosed', groupId: sip.groupId, sipId: sip.id }, 'SIP closed');
    return sipList(services, turn, turn.t('sip.notices.closed', { caseRef: sip.caseRef }), sip.groupId);
  },
});

/** `sip.open`: a SIP's plan card, from the list. */
export const sipOpen = defineAction({
  verb: 'sip.open',
  schema: z.object({ sipId: sipIdSchema }).catchall(z.unknown()),
  async handle({ services, turn, data }) {
    const found = await sipFor(services, turn, data.sipId);
    if ('card' in found) return found.card;
    return sipPlanCard(turn.locale, found.sip, await viewOf(services, found.sip));
  },
});

export const SIP_ACTIONS = [sipCreate, sipPlan, sipClose, sipOpen];
