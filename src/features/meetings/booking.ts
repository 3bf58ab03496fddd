import type { CheckedText } from '../../domain/consent';
import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { meetingIdFor, newMeetingId, newSeriesId, type Meeting } from '../../domain/meetings/meeting';
import { occurrenceAt, type Occurrence } from '../../domain/meetings/recurrence';
import { describeCadence, findGroup, type Group } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import { gateText } from '../consent/gate';
import { placeRaisedFor, type RaiseDeps } from '../raise/raise';
import type { Turn } from '../shared/turn';
import { meetingListCard, scheduleFormCard, type ScheduleFormValues } from './cards';
import { refreshChannelCard } from './channel-card';
import { meetingCardFor, personKey, scheduleReminders, type MeetingsDeps } from './meetings';
import { formValues, occurrencesFromDates, planText, proposal, type BookingInput } from './series';

/**
 * Booking: the form, one meeting from the form or the quick syntax, a
 * series proposed from the group's plan or a rule and then confirmed. Ids
 * are made from the activity's id, so a resent activity books nothing twice.
 */

/** What booking needs: the meetings' services and the consent gate's, which checks the place. */
export type BookingDeps = MeetingsDeps & Parameters<typeof gateText>[0];

export type MeetingOutcome = {
  card: AdaptiveCardJson;
  /** The activity was a resend of one already handled, whose answer is already in the conversation. */
  alreadyAnswered?: boolean;
  /** When set, the card answered in this turn is the meeting's card in its channel: record where it landed. */
  channelCardOf?: Meeting;
};

/** The booking form; the group here is chosen when the user convenes it, else their only group. */
export async function scheduleForm(
  deps: Pick<MeetingsDeps, 'organisation'>,
  turn: Turn,
  values: ScheduleFormValues = {},
  problems: string[] = [],
): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const mine = groupsWhere(org, turn.actor, 'meeting.schedule');
  const here = await turn.groupHere();
  if (mine.length === 0) {
    const decision = authorize(org, turn.actor, 'meeting.schedule', here ? { groupId: here.id } : {});
    return notAllowedCard(turn.locale, decision.allowed ? 'notConvener' : decision.reason, decision.allowed ? [] : decision.whoMay);
  }
  const groupId = values.groupId ?? (here && mine.some((g) => g.id === here.id) ? here.id : mine.length === 1 ? mine[0]!.id : undefined);
  const group = groupId ? findGroup(org, groupId) : undefined;
  return scheduleFormCard(turn.locale, {
    groupChoices: mine.map((g) => ({ title: `${g.name} (${turn.t(`levels.${g.level}`)})`, value: g.id })),
    // No group chosen yet (a convener of several, in personal chat): the plan choice follows the group they choose.
    cadenceText: group ? planText(group, turn.locale) : undefined,
    timeZone: org.timeZone,
    values: { ...values, groupId },
    problems,
  });
}

/** The occurrences to book, or the card to answer instead (a proposal, or the form with what is wrong). */
async function occurrencesToBook(
  deps: BookingDeps,
  turn: Turn,
  group: Group,
  input: BookingInput,
  location: CheckedText | undefined,
): Promise<{ occurrences: Occurrence[] } | { card: AdaptiveCardJson }> {
  const locale = turn.locale;
  const values = formValues({ ...input, location });
  if (input.confirm) {
    const parsed = occurrencesFromDates(deps, input, locale);
    if (parsed.problems.length === 0 && parsed.occurrences.length > 0) return { occurrences: parsed.occurrences };
    if ('card' in proposal(deps, group, { ...input, location }, locale)) {
      // Show the convener's own edit with what is wrong in it.
      const card = scheduleFormCard(locale, {
        groupChoices: [{ title: group.name, value: group.id }],
        cadenceText: planText(group, locale),
        timeZone: deps.organisation.timeZone,
        values,
        problems: parsed.problems,
        proposal: { groupName: group.name, facts: [], notes: [], count: parsed.occurrences.length, datesText: input.dates ?? '' },
      });
      return { card };
    }
    return { card: await scheduleForm(deps, turn, values, parsed.problems) };
  }
  if (values.recurrence !== 'none') {
    const p = proposal(deps, group, { ...input, location }, locale);
    return 'problems' in p ? { card: await scheduleForm(deps, turn, values, p.problems) } : p;
  }
  const o = occurrenceAt({ date: input.date, time: input.time }, input.durationMinutes, deps.organisation.timeZone);
  if (o.start.getTime() <= deps.now().getTime())
    return {
      card: await scheduleForm(deps, turn, values, [turn.t('meetings.form.problems.past', { date: input.date, time: input.time })]),
    };
  return { occurrences: [o] };
}

function seriesCard(locale: Locale, group: Group, meetings: Meeting[], notice: string): AdaptiveCardJson {
  return meetingListCard(
    locale,
    [{ groupId: group.id, name: group.name, cadence: describeCadence(group.cadence, locale), meetings }],
    notice,
  );
}

/**
 * Books one meeting or a confirmed series. Conveners only; the place passes
 * the consent gate; times are the organisation's local time.
 */
export async function book(deps: BookingDeps, turn: Turn, input: BookingInput): Promise<MeetingOutcome> {
  const { info, locale } = turn;
  const org = deps.organisation;
  const group = findGroup(org, input.groupId);
  if (!group)
    return { card: errorCard(locale, 'group.unknownGroup', { groupId: input.groupId, groups: org.groups.map((g) => g.id).join(', ') }) };
  const decision = authorize(org, turn.actor, 'meeting.schedule', { groupId: group.id });
  if (!decision.allowed) return { card: notAllowedCard(locale, decision.reason, decision.whoMay) };
  let location: CheckedText | undefined;
  if (input.location?.trim()) {
    const gate = await gateText(deps, turn, input.location);
    if (!gate.allowed) return { card: gate.card };
    location = gate.text || undefined;
  }
  const planned = await occurrencesToBook(deps, turn, group, input, location);
  if ('card' in planned) return { card: planned.card };
  const { occurrences } = planned;

  const now = deps.now();
  const activityId = info.activityId;
  const seriesId =
    occurrences.length > 1 ? (activityId ? `s${meetingIdFor(group.id, activityId, -1).split('.').pop()}` : newSeriesId()) : undefined;
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
      timeZone: org.timeZone,
      durationMinutes: input.durationMinutes,
      location,
      status: 'scheduled',
      sequence: 0,
      agendaStatus: 'none',
      rsvp: {},
      rsvpUserIds: [],
      createdBy: personKey(info),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      reminded: {},
    };
    const created = await deps.meetings.create(m);
    if (!created) resent = true;
    meetings.push(created ?? (await deps.meetings.get(m.tenantId, m.groupId, m.id)) ?? m);
  }
  // Planned on a resend too: the first attempt may have died between booking and planning
  // (job ids are deterministic, so planning twice plans once).
  await scheduleReminders(deps, meetings);
  await deps.figures?.record({ kind: 'meetings', meetings });
  // Items raised to this group while it had no meeting go on the agenda now (SPEC §11, item.raise).
  const raiseDeps = deps as BookingDeps & Partial<RaiseDeps>;
  if (raiseDeps.raised && raiseDeps.agendas && raiseDeps.minutes) await placeRaisedFor(raiseDeps as RaiseDeps, info.tenantId, group.id);
  if (resent)
    deps.logger.info({ event: 'meetingsBookedAgain', groupId: group.id, count: meetings.length }, 'a resent booking was recognised');
  const seriesBooked = () => seriesCard(locale, group, meetings, turn.t('meetings.notices.seriesBooked', { count: meetings.length }));
  if (resent && (meetings.length > 1 || meetings.every((m) => !!m.card))) {
    // The same activity again, its card posted: answer as before, book and post nothing new.
    const card =
      meetings.length > 1 ? seriesBooked() : meetingCardFor(deps, meetings[0]!, locale, { notice: turn.t('meetings.notices.booked') });
    return { alreadyAnswered: true, card };
  }
  // A resend whose first attempt died before the card was posted and recorded goes on as the first time.
  if (!resent)
    deps.logger.info({ event: 'meetingsBooked', groupId: group.id, count: meetings.length, series: !!seriesId }, 'meetings booked');

  const first = meetings[0]!;
  const here = await turn.groupHere();
  if (meetings.length === 1 && here?.id === group.id) {
    // The answer in this turn is the invitation itself.
    return { card: meetingCardFor(deps, first, locale, { notice: turn.t('meetings.notices.booked') }), channelCardOf: first };
  }
  // Recorded and posted now, or by a job when the connector will not take it yet: the booking stands either way.
  const posted = await refreshChannelCard(deps, first, { post: true });
  if (meetings.length > 1) return { card: seriesBooked() };
  const notice =
    posted === 'skipped'
      ? turn.t('meetings.notices.bookedNoChannel', { groupId: group.id })
      : posted === 'later'
        ? turn.t('meetings.notices.bookedPostLater')
        : turn.t('meetings.notices.bookedPosted');
  return { card: meetingCardFor(deps, first, locale, { notice }) };
}
