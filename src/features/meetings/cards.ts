import { DateTime } from 'luxon';
import type { DateWarning } from '../../domain/meetings/recurrence';
import { rsvpCounts, type Meeting, type RsvpAnswer } from '../../domain/meetings/meeting';
import type { GroupLevel } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { meetingPlace, userText, validTeamsJoinUrl } from '../../cards/user-text';

/** How a meeting's time reads on a card: "tisdag 10 december 2026", "13:00–14:30 (90 min)". */
export function meetingWhen(
  m: Pick<Meeting, 'start' | 'end' | 'timeZone' | 'durationMinutes'>,
  locale: Locale,
): { when: string; timeLine: string; short: string } {
  const start = DateTime.fromISO(m.start, { zone: m.timeZone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB');
  const end = DateTime.fromISO(m.end, { zone: m.timeZone });
  const when = start.toFormat(locale === 'sv' ? 'cccc d LLLL yyyy' : 'cccc d LLLL yyyy');
  return {
    when: when.charAt(0).toUpperCase() + when.slice(1),
    timeLine: t(locale, 'meetings.timeLine', { from: start.toFormat('HH:mm'), to: end.toFormat('HH:mm'), minutes: m.durationMinutes }),
    short: `${start.toFormat('ccc d LLL')} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`,
  };
}

export function warningText(locale: Locale, w: DateWarning): string {
  return t(locale, `meetings.warnings.${w.kind}`, 'name' in w ? { name: w.name } : {});
}

export interface MeetingCardOptions {
  groupName: string;
  level: GroupLevel;
  now: Date;
  notice?: string;
  warnings?: DateWarning[];
  /** The viewer's own answer, on cards answered to one person. */
  yourAnswer?: RsvpAnswer;
  /** The card asks its convener to confirm cancelling, with this scope chosen (a series offers the choice). */
  confirmCancel?: 'one' | 'series';
}

export function meetingCard(locale: Locale, m: Meeting, o: MeetingCardOptions): AdaptiveCardJson {
  const { when, timeLine } = meetingWhen(m, locale);
  const counts = rsvpCounts(m);
  const cancelled = m.status === 'cancelled';
  const over = Date.parse(m.end) <= o.now.getTime();
  const start = DateTime.fromISO(m.start, { zone: m.timeZone });
  const place = meetingPlace(m.location);
  const confirming = !!o.confirmCancel && !cancelled && !over;
  return renderCard('meeting', {
    meetingId: m.id,
    refreshTitle: t(locale, 'meetings.labels.refresh'),
    // A question to confirm is not refreshed away under its reader.
    refreshUserIds: cancelled || over || confirming ? [] : m.rsvpUserIds,
    groupName: userText(o.groupName),
    levelLine: t(locale, `levels.${o.level}`),
    badge: cancelled ? t(locale, 'meetings.badgeCancelled') : over ? t(locale, 'meetings.badgeHeld') : t(locale, 'meetings.badge'),
    badgeColor: cancelled ? 'Attention' : over ? 'Default' : 'Accent',
    notice: userText(o.notice),
    when,
    timeLine,
    cancelled,
    facts: [
      { title: t(locale, 'meetings.facts.location'), value: place.text || t(locale, 'meetings.noLocation') },
      { title: t(locale, 'meetings.facts.agenda'), value: t(locale, `meetings.agendaStatus.${m.agendaStatus}`) },
      { title: t(locale, 'meetings.facts.answers'), value: t(locale, 'meetings.answers', { ...counts }) },
      // Answers given in Outlook to the meeting's calendar event (counts only), beside the card's own.
      ...(m.calendar?.answers && !cancelled
        ? [{ title: t(locale, 'meetings.facts.outlook'), value: t(locale, 'meetings.outlookAnswers', { ...m.calendar.answers }) }]
        : []),
    ],
    warnings: cancelled || over ? [] : (o.warnings ?? []).map((w) => ({ text: warningText(locale, w) })),
    yourAnswer: o.yourAnswer ? t(locale, 'meetings.yourAnswer', { answer: t(locale, `meetings.answerWords.${o.yourAnswer}`) }) : '',
    open: !cancelled && !over && !confirming,
    confirmCancel: confirming,
    cancelScope: o.confirmCancel === 'series' && m.seriesId ? 'series' : 'one',
    /** Only a validated Teams meeting link is ever a button; see meetingPlace. */
    // The place's own Teams link, else the Teams meeting of its Outlook event (checked the same way).
    joinUrl: cancelled || over ? '' : (place.joinUrl ?? validTeamsJoinUrl(m.calendar?.joinUrl ?? '') ?? ''),
    inSeries: !!m.seriesId,
    date: start.toISODate(),
    time: start.toFormat('HH:mm'),
    labels: {
      join: t(locale, 'meetings.labels.join'),
      yes: t(locale, 'meetings.labels.yes'),
      maybe: t(locale, 'meetings.labels.maybe'),
      no: t(locale, 'meetings.labels.no'),
      change: t(locale, 'meetings.labels.change'),
      moveHint: t(locale, 'meetings.labels.moveHint'),
      moveButton: t(locale, 'meetings.labels.moveButton'),
      cancel: t(locale, 'meetings.labels.cancel'),
      cancelHint: t(locale, 'meetings.labels.cancelHint'),
      cancelOne: t(locale, 'meetings.labels.cancelOne'),
      confirmQuestion: t(locale, 'meetings.labels.confirmQuestion'),
      confirmButton: t(locale, 'meetings.labels.confirmButton'),
      keep: t(locale, 'meetings.labels.keep'),
      scope: t(locale, 'meetings.labels.scope'),
      scopeOne: t(locale, 'meetings.labels.scopeOne'),
      scopeSeries: t(locale, 'meetings.labels.scopeSeries'),
      date: t(locale, 'meetings.labels.date'),
      dateError: t(locale, 'meetings.labels.dateError'),
      time: t(locale, 'meetings.labels.time'),
      timeError: t(locale, 'meetings.labels.timeError'),
    },
  });
}

/** The repetitions the form offers; `custom` is an RRULE from a card posted before the form had plain choices. */
export const REPEATS = ['none', 'weekly', 'biweekly', 'monthly', 'cadence', 'custom'] as const;
export type Repeat = (typeof REPEATS)[number];

export interface ScheduleFormValues {
  groupId?: string;
  date?: string;
  time?: string;
  durationMinutes?: number;
  location?: string;
  recurrence?: Repeat;
  rrule?: string;
}

export interface ScheduleFormData {
  groupChoices: Array<{ title: string; value: string }>;
  /**
   * The chosen group's meeting plan in words, for the "by the group's plan"
   * choice; `null` when it meets as needed (no such choice), undefined when
   * no group is chosen yet (the choice then follows the group chosen).
   */
  cadenceText?: string | null;
  timeZone: string;
  values: ScheduleFormValues;
  problems?: string[];
  /** Set when the card shows a proposed series to confirm. */
  proposal?: { groupName: string; facts: Array<{ title: string; value: string }>; notes: string[]; datesText: string; count: number };
}

/** The form's repetition choices in plain words; a series by the group's plan only when there is one to follow. */
function repeatChoices(locale: Locale, d: ScheduleFormData): Array<{ title: string; value: Repeat }> {
  const r = (key: string, params: Record<string, string> = {}) => t(locale, `meetings.form.recurrence.${key}`, params);
  const plan =
    d.cadenceText === null
      ? []
      : [{ title: d.cadenceText === undefined ? r('cadenceChosen') : r('cadence', { cadence: d.cadenceText }), value: 'cadence' as const }];
  // A rule from a card posted before the form had these choices is kept, and shown as the rule it is.
  const legacy =
    d.values.recurrence === 'custom' && d.values.rrule ? [{ title: r('custom', { rule: d.values.rrule }), value: 'custom' as const }] : [];
  const monthly = d.values.date ? nthWeekday(locale, d.values.date) : undefined;
  return [
    { title: r('none'), value: 'none' },
    { title: r('weekly'), value: 'weekly' },
    { title: r('biweekly'), value: 'biweekly' },
    { title: monthly ? r('monthlyOn', { day: monthly }) : r('monthly'), value: 'monthly' },
    ...plan,
    ...legacy,
  ];
}

/** "den första tisdagen" / "the first Tuesday": which weekday of its month a date is, as a monthly series keeps it. */
function nthWeekday(locale: Locale, date: string): string | undefined {
  const d = DateTime.fromISO(date);
  if (!d.isValid) return undefined;
  const nth = Math.ceil(d.day / 7);
  const weekday = d.setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB').toFormat('cccc');
  return t(locale, `meetings.form.recurrence.nth.${nth >= 5 ? 'last' : nth}`, { weekday });
}

/** How many groups a form offers to choose from; the chosen one is always among them. */
export const MAX_FORM_GROUP_CHOICES = 100;

/** The first `max` choices, and the chosen one when it is further down; with how many are left out. */
export function cappedChoices<C extends { value: string }>(
  choices: readonly C[],
  chosen: string | undefined,
  max = MAX_FORM_GROUP_CHOICES,
) {
  if (choices.length <= max) return { shown: [...choices], left: 0 };
  const shown = choices.slice(0, max);
  const picked = chosen ? choices.find((c) => c.value === chosen) : undefined;
  if (picked && !shown.includes(picked)) shown[max - 1] = picked;
  return { shown, left: choices.length - shown.length };
}

export function scheduleFormCard(locale: Locale, d: ScheduleFormData): AdaptiveCardJson {
  const v = d.values;
  const choices = repeatChoices(locale, d);
  const groups = cappedChoices(d.groupChoices, v.groupId);
  const labels = Object.fromEntries(
    [
      'group',
      'groupError',
      'date',
      'dateError',
      'time',
      'timeError',
      'duration',
      'durationError',
      'location',
      'locationPlaceholder',
      'recurrence',
      'submit',
      'confirm',
      'dates',
      'datesError',
    ].map((k) => [k, t(locale, `meetings.form.labels.${k}`)]),
  );
  return renderCard('schedule-form', {
    title: d.proposal ? t(locale, 'meetings.form.proposalTitle') : t(locale, 'meetings.form.title'),
    subtitle: d.proposal
      ? ''
      : `${t(locale, 'meetings.form.subtitle', { zone: d.timeZone })}${groups.left ? ` ${t(locale, 'meetings.form.moreGroups', { count: groups.left })}` : ''}`,
    problems: (d.problems ?? []).map((text) => ({ text: userText(text) })),
    proposal: !!d.proposal,
    groupId: v.groupId ?? (d.groupChoices.length === 1 ? d.groupChoices[0]!.value : ''),
    groupChoices: groups.shown.map((c) => ({ title: userText(c.title), value: c.value })),
    date: v.date ?? '',
    time: v.time ?? '13:00',
    durationMinutes: v.durationMinutes ?? 90,
    location: v.location ?? '',
    recurrence: choices.some((c) => c.value === v.recurrence) ? v.recurrence : 'none',
    rrule: v.rrule ?? '',
    recurrenceChoices: choices,
    proposalIntro: d.proposal
      ? t(locale, 'meetings.form.proposalIntro', {
          count: d.proposal.count,
          group: userText(d.proposal.groupName),
          time: v.time ?? '',
          minutes: v.durationMinutes ?? 0,
        })
      : '',
    proposalFacts: d.proposal?.facts ?? [],
    proposalNotes: (d.proposal?.notes ?? []).map((text) => ({ text: userText(text) })),
    datesText: d.proposal?.datesText ?? '',
    labels,
  });
}

export interface MeetingListGroup {
  groupId: string;
  name: string;
  cadence: string;
  meetings: Meeting[];
  /** Conveners see the group's calendar feed link. */
  feedUrl?: string;
}

/** A list that goes on: how many groups it has shown up to this page, of how many, and where the next page starts. */
export interface MeetingListMore {
  shown: number;
  total: number;
  remaining: number;
  next: number;
}

export function meetingListCard(locale: Locale, groups: MeetingListGroup[], notice?: string, more?: MeetingListMore): AdaptiveCardJson {
  const goesOn = !!more && more.remaining > 0;
  return renderCard('meeting-list', {
    title: t(locale, 'meetings.list.title'),
    notice: userText(notice),
    more: goesOn ? t(locale, 'meetings.list.more', { count: more.remaining, shown: more.shown, total: more.total }) : '',
    moreButton: goesOn ? t(locale, 'meetings.list.moreButton') : '',
    moreFrom: goesOn ? more.next : 0,
    groups: groups.map((g) => ({
      groupId: g.groupId,
      name: userText(g.name),
      cadence: g.cadence,
      empty: t(locale, 'meetings.list.empty'),
      meetings: g.meetings.map((m) => {
        const start = DateTime.fromISO(m.start, { zone: m.timeZone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB');
        const counts = rsvpCounts(m);
        return {
          day: start.toFormat('d'),
          month: start.toFormat('LLL'),
          when: meetingWhen(m, locale).short,
          details: t(locale, 'meetings.list.details', {
            location: meetingPlace(m.location).text || t(locale, 'meetings.noLocation'),
            agenda: t(locale, `meetings.agendaStatus.${m.agendaStatus}`),
            answers: t(locale, 'meetings.answers', { ...counts }),
          }),
        };
      }),
      feedUrl: g.feedUrl ?? '',
      feedTitle: t(locale, 'meetings.list.feedTitle'),
      feedHint: t(locale, 'meetings.list.feedHint'),
      feedRotate: t(locale, 'meetings.list.feedRotate'),
    })),
  });
}
