import type { CheckedText } from '../../domain/consent';
import { DateTime } from 'luxon';
import { errorCard, notAllowedCard } from '../../cards/common';
import { meetingCard, meetingListCard, scheduleFormCard, warningText, type MeetingListGroup, type ScheduleFormValues } from './cards';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { parseDatesText, type MeetingRef } from '../../domain/meetings/arguments';
import {
  cancelled,
  groupIdOfMeeting,
  isHeld,
  meetingIdFor,
  moved,
  newMeetingId,
  newSeriesId,
  withRsvp,
  type Meeting,
  type RsvpAnswer,
} from '../../domain/meetings/meeting';
import { dateWarnings, expandRule, occurrenceAt, proposeSeries, type DateWarning, type Occurrence } from '../../domain/meetings/recurrence';
import { plannedReminders, REMINDER_KINDS, reminderJobId } from '../../domain/meetings/reminders';
import { checkRrule, describeCadence, findGroup, type Group } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { actorOf, linkedGroup } from '../shared/access';
import { readRefusal } from './read-access';
import { gateText } from '../consent/gate';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';

/**
 * Meetings at the edge (SPEC section 7): booking from the form or the quick
 * syntax, the meeting card in the group's channel, answers, moving and
 * cancelling, the list, and the calendar feed link. The rules themselves
 * (recurrence, reminders, ids) are in domain/meetings.
 */

export const MAX_SERIES = 52;

export interface BookingInput {
  groupId: string;
  date: string;
  time: string;
  durationMinutes: number;
  location?: string;
  /** '', 'none', 'cadence', 'custom' (with `rrule`), or an RRULE itself. */
  recurrence?: string;
  rrule?: string;
  /** The convener confirmed a proposed series; `dates` holds it as edited. */
  confirm?: boolean;
  dates?: string;
}

export type MeetingOutcome = {
  card: AdaptiveCardJson;
  /** The activity was a resend of one already handled, whose answer is already in the conversation. */
  alreadyAnswered?: boolean;
  /** When set, the card answered in this turn is the meeting's card in its channel: record where it landed. */
  channelCardOf?: Meeting;
};

function localDateOf(m: Pick<Meeting, 'start' | 'timeZone'>): string {
  return DateTime.fromISO(m.start, { zone: m.timeZone }).toISODate()!;
}

/** The meeting card for one locale; the viewer's answer when one is known. */
export function meetingCardFor(
  services: BotServices,
  m: Meeting,
  locale: Locale,
  extra: { notice?: string; viewer?: string } = {},
): AdaptiveCardJson {
  const group = findGroup(services.organisation, m.groupId);
  return meetingCard(locale, m, {
    groupName: group?.name ?? m.groupId,
    level: group?.level ?? 'tactical',
    now: services.now(),
    notice: extra.notice,
    warnings: dateWarnings(localDateOf(m), locale),
    yourAnswer: extra.viewer ? m.rsvp[extra.viewer] : undefined,
  });
}

/** The key a person's answer is kept under: the Entra object id, or the Teams id when there is none. */
export function personKey(info: TurnInfo): string {
  return info.aadObjectId ?? info.userId;
}

// ---------------------------------------------------------------- booking

/** The group a command refers to: the channel's linked group, or the only group the user may act in. */
export async function groupForCommand(
  services: BotServices,
  info: TurnInfo,
  capability: 'meeting.schedule' | 'meeting.view',
): Promise<Group | undefined> {
  const linked = await linkedGroup(services, info);
  if (linked) return linked;
  const mine = groupsWhere(services.organisation, actorOf(info), capability);
  return mine.length === 1 ? mine[0] : undefined;
}

export async function scheduleForm(
  services: BotServices,
  info: TurnInfo,
  values: ScheduleFormValues = {},
  problems: string[] = [],
): Promise<AdaptiveCardJson> {
  const org = services.organisation;
  const mine = groupsWhere(org, actorOf(info), 'meeting.schedule');
  if (mine.length === 0) {
    const linked = await linkedGroup(services, info);
    const decision = authorize(org, actorOf(info), 'meeting.schedule', linked ? { groupId: linked.id } : {});
    return notAllowedCard(info.locale, decision.allowed ? 'notConvener' : decision.reason, decision.allowed ? [] : decision.whoMay);
  }
  const linked = await linkedGroup(services, info);
  const groupId =
    values.groupId ?? (linked && mine.some((g) => g.id === linked.id) ? linked.id : mine.length === 1 ? mine[0]!.id : undefined);
  const group = groupId ? findGroup(org, groupId) : undefined;
  return scheduleFormCard(info.locale, {
    groupChoices: mine.map((g) => ({ title: `${g.name} (${t(info.locale, `levels.${g.level}`)})`, value: g.id })),
    cadenceText: group ? describeCadence(group.cadence, info.locale) : t(info.locale, 'meetings.form.recurrence.none'),
    timeZone: org.timeZone,
    values: { ...values, groupId },
    problems,
  });
}

function formValues(input: BookingInput): ScheduleFormValues {
  const r = (input.recurrence ?? '').trim();
  const recurrence = r === 'cadence' ? 'cadence' : r === 'custom' || /freq=/i.test(r) ? 'custom' : 'none';
  return {
    groupId: input.groupId,
    date: input.date,
    time: input.time,
    durationMinutes: input.durationMinutes,
    location: input.location,
    recurrence,
    rrule: /freq=/i.test(r) ? r : input.rrule,
  };
}

function occurrencesFromDates(
  services: BotServices,
  input: BookingInput,
  locale: Locale,
): { occurrences: Occurrence[]; problems: string[] } {
  const tz = services.organisation.timeZone;
  const lines = parseDatesText(input.dates ?? '');
  const problems: string[] = [];
  const occurrences: Occurrence[] = [];
  const now = services.now();
  for (const line of lines) {
    if (!line.ok) {
      problems.push(t(locale, 'meetings.form.problems.badLine', { line: line.line.slice(0, 40) }));
      continue;
    }
    const time = line.time ?? input.time;
    const o = occurrenceAt({ date: line.date, time }, input.durationMinutes, tz);
    if (o.start.getTime() <= now.getTime()) problems.push(t(locale, 'meetings.form.problems.past', { date: line.date, time }));
    else occurrences.push(o);
  }
  if (lines.length === 0) problems.push(t(locale, 'meetings.form.labels.datesError'));
  if (occurrences.length > MAX_SERIES) problems.push(t(locale, 'meetings.form.problems.tooMany', { max: MAX_SERIES }));
  const unique = new Map(occurrences.map((o) => [o.start.toISOString(), o]));
  return { occurrences: [...unique.values()].sort((a, b) => a.start.getTime() - b.start.getTime()), problems };
}

function reasonText(locale: Locale, w: DateWarning): string {
  return 'name' in w
    ? w.name
    : warningText(locale, w)
        .replace(/^[^:]*:\s*/, '')
        .replace(/\.$/, '');
}

/** The series the form's recurrence asks for, shown for the convener to confirm or adjust. */
function proposal(
  services: BotServices,
  group: Group,
  input: BookingInput,
  locale: Locale,
): { card: AdaptiveCardJson } | { problems: string[] } {
  const tz = services.organisation.timeZone;
  const values = formValues(input);
  let occurrences: Occurrence[];
  const notes: string[] = [];
  if (values.recurrence === 'cadence') {
    if (group.cadence.kind === 'asNeeded') return { problems: [t(locale, 'meetings.form.problems.asNeeded')] };
    const weekday = DateTime.fromISO(input.date, { zone: tz }).weekday;
    const proposed = proposeSeries(group.cadence, {
      from: input.date,
      time: input.time,
      durationMinutes: input.durationMinutes,
      timeZone: tz,
      weekday,
      max: MAX_SERIES,
    });
    const now = services.now().getTime();
    occurrences = proposed.occurrences.filter((o) => o.start.getTime() > now);
    for (const m of proposed.moved)
      notes.push(t(locale, 'meetings.form.moved', { from: m.from, to: m.to, reason: reasonText(locale, m.reason) }));
    for (const s of proposed.skipped)
      notes.push(t(locale, 'meetings.form.skipped', { date: s.date, reason: reasonText(locale, s.reason) }));
    if (occurrences.length === 0)
      return { problems: [t(locale, 'meetings.form.noProposal', { cadence: describeCadence(group.cadence, locale) })] };
  } else {
    const rule = values.rrule?.trim();
    if (!rule) return { problems: [t(locale, 'meetings.form.problems.noRule')] };
    const checked = checkRrule(rule);
    if (!checked.ok)
      return { problems: [t(locale, 'meetings.form.problems.badRule', { problem: checked.error.replace(/^bad RRULE "[^"]*": /, '') })] };
    const all = expandRule(checked.rule, { date: input.date, time: input.time }, input.durationMinutes, tz, { max: MAX_SERIES });
    occurrences = all;
    for (const o of all) {
      const warnings = dateWarnings(o.date, locale).filter((w) => w.kind !== 'outsideSchoolYear');
      if (warnings.length) notes.push(`${o.date}: ${warnings.map((w) => reasonText(locale, w)).join(', ')}`);
    }
    values.rrule = checked.rule;
  }
  const facts = occurrences.slice(0, 20).map((o) => {
    const d = DateTime.fromJSDate(o.start, { zone: tz }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB');
    return { title: o.date, value: `${d.toFormat('cccc')} ${o.time}` };
  });
  if (occurrences.length > 20) facts.push({ title: '…', value: `+${occurrences.length - 20}` });
  return {
    card: scheduleFormCard(locale, {
      groupChoices: [{ title: group.name, value: group.id }],
      cadenceText: describeCadence(group.cadence, locale),
      timeZone: tz,
      values,
      proposal: {
        groupName: group.name,
        facts,
        notes: notes.slice(0, 12),
        count: occurrences.length,
        datesText: occurrences.map((o) => `${o.date} ${o.time}`).join('\n'),
      },
    }),
  };
}

/**
 * Books one meeting or a confirmed series. Conveners only; the place passes
 * the consent gate; times are the organisation's local time.
 */
export async function book(services: BotServices, info: TurnInfo, input: BookingInput): Promise<MeetingOutcome> {
  const org = services.organisation;
  const locale = info.locale;
  const group = findGroup(org, input.groupId);
  if (!group)
    return { card: errorCard(locale, 'group.unknownGroup', { groupId: input.groupId, groups: org.groups.map((g) => g.id).join(', ') }) };
  const decision = authorize(org, actorOf(info), 'meeting.schedule', { groupId: group.id });
  if (!decision.allowed) return { card: notAllowedCard(locale, decision.reason, decision.whoMay) };
  let location: CheckedText | undefined;
  if (input.location?.trim()) {
    const gate = await gateText(services, info, input.location);
    if (!gate.allowed) return { card: gate.card };
    location = gate.text || undefined;
  }
  const values = formValues({ ...input, location });
  const tz = org.timeZone;
  const now = services.now();

  let occurrences: Occurrence[];
  if (input.confirm) {
    const parsed = occurrencesFromDates(services, input, locale);
    if (parsed.problems.length || parsed.occurrences.length === 0) {
      const again = proposal(services, group, { ...input, location }, locale);
      if ('card' in again) {
        // Show the convener's own edit with what is wrong in it.
        const card = scheduleFormCard(locale, {
          groupChoices: [{ title: group.name, value: group.id }],
          cadenceText: describeCadence(group.cadence, locale),
          timeZone: tz,
          values,
          problems: parsed.problems,
          proposal: { groupName: group.name, facts: [], notes: [], count: parsed.occurrences.length, datesText: input.dates ?? '' },
        });
        return { card };
      }
      return { card: await scheduleForm(services, info, values, parsed.problems) };
    }
    occurrences = parsed.occurrences;
  } else if (values.recurrence !== 'none') {
    const p = proposal(services, group, { ...input, location }, locale);
    if ('problems' in p) return { card: await scheduleForm(services, info, values, p.problems) };
    return { card: p.card };
  } else {
    const o = occurrenceAt({ date: input.date, time: input.time }, input.durationMinutes, tz);
    if (o.start.getTime() <= now.getTime()) {
      return {
        card: await scheduleForm(services, info, values, [
          t(locale, 'meetings.form.problems.past', { date: input.date, time: input.time }),
        ]),
      };
    }
    occurrences = [o];
  }

  const activityId = info.activityId;
  const seriesId =
    occurrences.length > 1 ? (activityId ? `s${meetingIdFor(group.id, activityId, -1).split('.').pop()}` : newSeriesId()) : undefined;
  const createdBy = personKey(info);
  const meetings: Meeting[] = [];
  let resent = false;
  for (const [n, o] of occurrences.entries()) {
    const m: Meeting = {
      id: activityId ? meetingIdFor(group.id, activityId, n) : newMeetingId(group.id),
      tenantId: info.tenantId,
      groupId: group.id,
      seriesId,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      timeZone: tz,
      durationMinutes: input.durationMinutes,
      location,
      status: 'scheduled',
      sequence: 0,
      agendaStatus: 'none',
      rsvp: {},
      rsvpUserIds: [],
      createdBy,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      reminded: {},
    };
    const created = await services.meetings.create(m);
    if (!created) resent = true;
    meetings.push(created ?? (await services.meetings.get(m.tenantId, m.groupId, m.id)) ?? m);
  }
  // Planned on a resend too: the first attempt may have died between booking and planning
  // (job ids are deterministic, so planning twice plans once).
  await scheduleReminders(services, meetings);
  if (resent)
    services.logger.info({ event: 'meetingsBookedAgain', groupId: group.id, count: meetings.length }, 'a resent booking was recognised');
  if (resent && (meetings.length > 1 || meetings.every((m) => !!m.card))) {
    // The same activity again, its card posted: answer as before, book and post nothing new.
    return {
      alreadyAnswered: true,
      card:
        meetings.length > 1
          ? meetingListCard(
              locale,
              [{ groupId: group.id, name: group.name, cadence: describeCadence(group.cadence, locale), meetings }],
              t(locale, 'meetings.notices.seriesBooked', { count: meetings.length }),
            )
          : meetingCardFor(services, meetings[0]!, locale, { notice: t(locale, 'meetings.notices.booked') }),
    };
  }
  // A resend whose first attempt died before the card was posted and recorded goes on as the first time.
  if (!resent)
    services.logger.info({ event: 'meetingsBooked', groupId: group.id, count: meetings.length, series: !!seriesId }, 'meetings booked');

  const first = meetings[0]!;
  const linked = await linkedGroup(services, info);
  const inGroupChannel = linked?.id === group.id;
  if (meetings.length === 1 && inGroupChannel) {
    // The answer in this turn is the invitation itself.
    return { card: meetingCardFor(services, first, locale, { notice: t(locale, 'meetings.notices.booked') }), channelCardOf: first };
  }
  const posted = await postMeetingCard(services, first);
  if (meetings.length > 1) {
    const card = meetingListCard(
      locale,
      [{ groupId: group.id, name: group.name, cadence: describeCadence(group.cadence, locale), meetings }],
      t(locale, 'meetings.notices.seriesBooked', { count: meetings.length }),
    );
    return { card };
  }
  const notice = posted ? t(locale, 'meetings.notices.bookedPosted') : t(locale, 'meetings.notices.bookedNoChannel', { groupId: group.id });
  return { card: meetingCardFor(services, first, locale, { notice }) };
}

/** Remembers where the meeting's card landed, so later changes update it for everyone. */
export async function recordCard(services: BotServices, m: Meeting, conversationId: string, activityId: string | undefined): Promise<void> {
  if (!activityId) return;
  await services.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.card ? undefined : { ...cur, card: { conversationId, activityId } },
  );
}

async function channelOf(
  services: BotServices,
  m: Pick<Meeting, 'tenantId' | 'groupId'>,
): Promise<{ conversationId: string; reference: Record<string, unknown>; locale: Locale } | undefined> {
  // Normally one channel per group; when several were linked, the latest is the group's channel.
  const links = (await services.channelLinks.channelsOf(m.tenantId, m.groupId)).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
  for (const link of links) {
    const conv = await services.proactive.conversation(m.tenantId, link.conversationId);
    if (conv) return { conversationId: link.conversationId, ...conv };
  }
  return undefined;
}

/** Posts the meeting's card in the group's channel (once) and records it. False when the group has no reachable channel. */
export async function postMeetingCard(services: BotServices, m: Meeting): Promise<boolean> {
  if (m.card) return true;
  const channel = await channelOf(services, m);
  if (!channel) return false;
  // Keyed by the meeting: posted once whether by the booking turn or the card job, and on any retry.
  const id = await services.proactive.sendCard(channel.reference, meetingCardFor(services, m, channel.locale), {
    idempotencyKey: messageKey('meeting-card', m.tenantId, m.id),
  });
  await recordCard(services, m, channel.conversationId, id);
  return true;
}

/** Replaces the meeting's card in the channel with its current state (and, optionally, says what changed in its thread). */
async function refreshChannelCard(services: BotServices, m: Meeting, threadNotice?: (locale: Locale) => string): Promise<void> {
  if (!m.card) return;
  try {
    const conv = await services.proactive.conversation(m.tenantId, m.card.conversationId);
    if (!conv) return;
    await services.proactive.updateCard(conv.reference, m.card.activityId, meetingCardFor(services, m, conv.locale));
    if (threadNotice) {
      await services.proactive.sendCard(conv.reference, meetingCardFor(services, m, conv.locale, { notice: threadNotice(conv.locale) }), {
        threadOf: m.card.activityId,
        idempotencyKey: messageKey('meeting-notice', m.tenantId, m.id, m.sequence),
      });
    }
  } catch (err) {
    services.logger.warn(
      { err: { name: (err as Error)?.name, code: (err as { code?: string })?.code }, meetingId: m.id },
      'could not update the meeting card',
    );
  }
}

// -------------------------------------------------------------- reminders

export async function scheduleReminders(services: BotServices, meetings: Meeting[]): Promise<void> {
  const now = services.now();
  const requests = meetings.flatMap((m) =>
    plannedReminders(m, now).map((r) => ({
      id: r.jobId,
      kind: r.kind,
      dueAt: r.dueAt,
      payload: { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id, sequence: m.sequence },
    })),
  );
  if (requests.length) await services.scheduler.scheduleAll(requests);
}

async function cancelReminders(services: BotServices, m: Meeting): Promise<void> {
  await Promise.all(Object.values(REMINDER_KINDS).map((kind) => services.scheduler.cancel(reminderJobId(kind, m.id, m.sequence))));
}

// ----------------------------------------------------------- find, answer

export async function findMeeting(services: BotServices, tenantId: string, meetingId: string): Promise<Meeting | undefined> {
  const groupId = groupIdOfMeeting(meetingId);
  if (!groupId || !findGroup(services.organisation, groupId)) return undefined;
  return services.meetings.get(tenantId, groupId, meetingId);
}

/** The group's meeting on a local date (the first one not cancelled), or by id. */
export async function findByRef(services: BotServices, info: TurnInfo, group: Group, ref: MeetingRef): Promise<Meeting | undefined> {
  if (ref.kind === 'id') {
    const m = await findMeeting(services, info.tenantId, ref.id);
    return m?.groupId === group.id ? m : undefined;
  }
  const tz = services.organisation.timeZone;
  const dayStart = DateTime.fromISO(ref.date, { zone: tz }).startOf('day');
  const list = await services.meetings.listGroup(info.tenantId, group.id, {
    from: dayStart.toJSDate(),
    to: dayStart.plus({ days: 1 }).toJSDate(),
  });
  return list.find((m) => m.status === 'scheduled' && localDateOf(m) === ref.date) ?? list.find((m) => localDateOf(m) === ref.date);
}

function notice(
  services: BotServices,
  info: TurnInfo,
  m: Meeting,
  key: string,
  params: Record<string, string | number> = {},
): AdaptiveCardJson {
  return meetingCardFor(services, m, info.locale, { notice: t(info.locale, key, params), viewer: personKey(info) });
}

export async function rsvp(services: BotServices, info: TurnInfo, meetingId: string, answer: RsvpAnswer): Promise<AdaptiveCardJson> {
  const m = await findMeeting(services, info.tenantId, meetingId);
  if (!m) return errorCard(info.locale, 'meetings.quick.notFound', { date: '–' });
  if (!authorize(services.organisation, actorOf(info), 'meeting.view', { groupId: m.groupId }).allowed)
    return notice(services, info, m, 'meetings.notices.onlyMembers');
  if (m.status === 'cancelled') return notice(services, info, m, 'meetings.notices.alreadyCancelled');
  if (isHeld(m, services.now())) return notice(services, info, m, 'meetings.notices.past');
  const key = personKey(info);
  const updated = await services.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.rsvp[key] === answer ? undefined : withRsvp(cur, key, info.userId, answer, services.now()),
  );
  if (!updated) return errorCard(info.locale, 'meetings.quick.notFound', { date: '–' });
  services.logger.info({ event: 'meetingRsvp', groupId: m.groupId, meetingId: m.id, answer }, 'meeting answered');
  // Everyone's view of the counts, then the answering person's own view. Also when the answer was
  // there already: Teams may be resending an answer whose first attempt died before the card was updated.
  await refreshChannelCard(services, updated);
  return meetingCardFor(services, updated, info.locale, { viewer: key });
}

/** Universal Actions refresh: the card as it is now, with the viewer's answer. */
export async function refreshView(services: BotServices, info: TurnInfo, meetingId: string): Promise<AdaptiveCardJson> {
  const m = await findMeeting(services, info.tenantId, meetingId);
  if (!m) return errorCard(info.locale, 'meetings.quick.notFound', { date: '–' });
  return meetingCardFor(services, m, info.locale, { viewer: personKey(info) });
}

// ---------------------------------------------------------- move, cancel

export async function moveMeeting(
  services: BotServices,
  info: TurnInfo,
  m: Meeting,
  date: string,
  time?: string,
): Promise<AdaptiveCardJson> {
  // Refusals below show the meeting card: only to those who may see it (`boka flytta` in a channel reaches here too).
  const unreadable = readRefusal(services, info, m.id);
  if (unreadable) return unreadable;
  if (!authorize(services.organisation, actorOf(info), 'meeting.schedule', { groupId: m.groupId }).allowed)
    return notice(services, info, m, 'meetings.notices.onlyConveners');
  if (m.status === 'cancelled') return notice(services, info, m, 'meetings.notices.alreadyCancelled');
  const tz = m.timeZone;
  const oldStart = DateTime.fromISO(m.start, { zone: tz });
  const slotTime = time ?? oldStart.toFormat('HH:mm');
  const o = occurrenceAt({ date, time: slotTime }, m.durationMinutes, tz);
  const now = services.now();
  if (o.start.getTime() <= now.getTime()) {
    return notice(services, info, m, 'meetings.form.problems.past', { date, time: slotTime });
  }
  const from = `${oldStart.toISODate()} ${oldStart.toFormat('HH:mm')}`;
  // Already there (a resent activity, or a second click): nothing changes, nobody is told twice.
  if (o.start.toISOString() === m.start) return notice(services, info, m, 'meetings.notices.booked');
  await cancelReminders(services, m);
  const updated = await services.meetings.update(m.tenantId, m.groupId, m.id, (cur) => moved(cur, o.start, o.end, now));
  if (!updated) return errorCard(info.locale, 'meetings.quick.notFound', { date });
  await scheduleReminders(services, [updated]);
  services.logger.info({ event: 'meetingMoved', groupId: m.groupId, meetingId: m.id, sequence: updated.sequence }, 'meeting moved');
  if (updated.card) await refreshChannelCard(services, updated, (locale) => t(locale, 'meetings.notices.moved', { from }));
  else await postMeetingCard(services, updated).catch(() => false);
  return notice(services, info, updated, 'meetings.notices.moved', { from });
}

export async function cancelMeeting(services: BotServices, info: TurnInfo, m: Meeting, series: boolean): Promise<AdaptiveCardJson> {
  const unreadable = readRefusal(services, info, m.id);
  if (unreadable) return unreadable;
  if (!authorize(services.organisation, actorOf(info), 'meeting.schedule', { groupId: m.groupId }).allowed)
    return notice(services, info, m, 'meetings.notices.onlyConveners');
  const now = services.now();
  const targets =
    series && m.seriesId
      ? (await services.meetings.listSeries(m.tenantId, m.groupId, m.seriesId)).filter(
          (x) => x.start >= m.start && x.status === 'scheduled',
        )
      : m.status === 'scheduled'
        ? [m]
        : [];
  if (targets.length === 0) return notice(services, info, m, 'meetings.notices.alreadyCancelled');
  let self = m;
  for (const target of targets) {
    await cancelReminders(services, target);
    const updated = await services.meetings.update(target.tenantId, target.groupId, target.id, (cur) =>
      cur.status === 'cancelled' ? undefined : cancelled(cur, now),
    );
    if (!updated) continue;
    if (updated.id === m.id) self = updated;
    await refreshChannelCard(services, updated, updated.id === m.id ? (locale) => t(locale, 'meetings.notices.cancelled') : undefined);
  }
  services.logger.info({ event: 'meetingCancelled', groupId: m.groupId, meetingId: m.id, count: targets.length }, 'meeting cancelled');
  return targets.length > 1
    ? notice(services, info, self, 'meetings.notices.seriesCancelled', { count: targets.length })
    : notice(services, info, self, 'meetings.notices.cancelled');
}

// ----------------------------------------------------------- list, feed

export function feedUrl(services: BotServices, token: string): string {
  const base = services.config.PUBLIC_URL ?? `http://${services.config.HOST}:${services.config.PORT}`;
  return `${base.replace(/\/+$/, '')}/calendar/${token}.ics`;
}

async function listGroupView(services: BotServices, info: TurnInfo, group: Group): Promise<MeetingListGroup> {
  const now = services.now();
  const meetings = (await services.meetings.listGroup(info.tenantId, group.id, { from: now }))
    .filter((m) => m.status === 'scheduled')
    .slice(0, 8);
  const convener = authorize(services.organisation, actorOf(info), 'meeting.schedule', { groupId: group.id }).allowed;
  const feed = convener ? await services.calendarFeeds.ensure(info.tenantId, group.id, now) : undefined;
  return {
    groupId: group.id,
    name: group.name,
    cadence: describeCadence(group.cadence, info.locale),
    meetings,
    feedUrl: feed ? feedUrl(services, feed.token) : undefined,
  };
}

/** `möten`: the linked group's coming meetings, or in personal chat those of every group the user is in. */
export async function meetingsView(services: BotServices, info: TurnInfo, notice?: string): Promise<AdaptiveCardJson> {
  const org = services.organisation;
  const linked = await linkedGroup(services, info);
  if (linked) {
    const decision = authorize(org, actorOf(info), 'meeting.view', { groupId: linked.id });
    if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
    return meetingListCard(info.locale, [await listGroupView(services, info, linked)], notice);
  }
  const mine = groupsWhere(org, actorOf(info), 'meeting.view');
  if (mine.length === 0) {
    const decision = authorize(org, actorOf(info), 'meeting.view', {});
    return notAllowedCard(info.locale, decision.allowed ? 'notMember' : decision.reason, decision.allowed ? [] : decision.whoMay);
  }
  return meetingListCard(info.locale, await Promise.all(mine.map((g) => listGroupView(services, info, g))), notice);
}

/** A new calendar link for the group; the old one stops working. Conveners only. */
export async function rotateFeed(services: BotServices, info: TurnInfo, groupId: string): Promise<AdaptiveCardJson> {
  const group = findGroup(services.organisation, groupId);
  if (!group) return errorCard(info.locale, 'meetings.quick.noGroup');
  const decision = authorize(services.organisation, actorOf(info), 'meeting.schedule', { groupId });
  if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  await services.calendarFeeds.rotate(info.tenantId, groupId, services.now());
  services.logger.info({ event: 'calendarFeedRotated', groupId }, 'calendar link rotated');
  return meetingListCard(info.locale, [await listGroupView(services, info, group)], t(info.locale, 'meetings.list.rotated'));
}

/** Meetings held this calendar year in the organisation's zone, for cadence tracking. */
export async function heldThisYear(services: BotServices, tenantId: string, groupId: string): Promise<string[]> {
  const now = services.now();
  const tz = services.organisation.timeZone;
  const yearStart = DateTime.fromJSDate(now, { zone: tz }).startOf('year');
  const list = await services.meetings.listGroup(tenantId, groupId, { from: yearStart.toJSDate(), to: now });
  return list.filter((m) => isHeld(m, now)).map((m) => m.start);
}
