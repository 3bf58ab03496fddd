import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../cards/render';
import { parseDatesText } from '../../domain/meetings/arguments';
import { dateWarnings, expandRule, occurrenceAt, proposeSeries, type DateWarning, type Occurrence } from '../../domain/meetings/recurrence';
import { checkRrule, describeCadence, type Cadence, type Group } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { REPEATS, scheduleFormCard, warningText, type Repeat, type ScheduleFormValues } from './cards';
import type { MeetingsDeps } from './meetings';

/**
 * A series of meetings as the booking form builds it: the form's recurrence
 * proposed as dates for the convener to confirm or edit, and the edited
 * dates read back.
 */

/** The most meetings one series books. */
const MAX_SERIES = 52;

export interface BookingInput {
  groupId: string;
  date: string;
  time: string;
  durationMinutes: number;
  location?: string;
  /** '', 'none', 'weekly', 'biweekly', 'monthly', 'cadence'; from cards posted before these, 'custom' (with `rrule`) or an RRULE itself. */
  recurrence?: string;
  rrule?: string;
  /** The convener confirmed a proposed series; `dates` holds it as edited. */
  confirm?: boolean;
  dates?: string;
}

type SeriesDeps = Pick<MeetingsDeps, 'organisation' | 'now'>;

/** The form's fields as the booking input holds them; an RRULE typed as the recurrence (an older card) is a custom rule. */
export function formValues(input: BookingInput): ScheduleFormValues {
  const r = (input.recurrence ?? '').trim();
  const recurrence: Repeat = /freq=/i.test(r) ? 'custom' : (REPEATS.find((x) => x === r) ?? 'none');
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

/** The confirmed series' dates (one a line, a time of its own or the form's), and what is wrong with them. */
export function occurrencesFromDates(
  deps: SeriesDeps,
  input: BookingInput,
  locale: Locale,
): { occurrences: Occurrence[]; problems: string[] } {
  const tz = deps.organisation.timeZone;
  const lines = parseDatesText(input.dates ?? '');
  const problems: string[] = [];
  const occurrences: Occurrence[] = [];
  const now = deps.now();
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
export function proposal(
  deps: SeriesDeps,
  group: Group,
  input: BookingInput,
  locale: Locale,
): { card: AdaptiveCardJson } | { problems: string[] } {
  const tz = deps.organisation.timeZone;
  const values = formValues(input);
  let occurrences: Occurrence[];
  const notes: string[] = [];
  const cadence = values.recurrence === 'custom' ? undefined : seriesCadence(values.recurrence, group);
  if (cadence) {
    if (cadence.kind === 'asNeeded') return { problems: [t(locale, 'meetings.form.problems.asNeeded')] };
    const weekday = DateTime.fromISO(input.date, { zone: tz }).weekday;
    const proposed = proposeSeries(cadence, {
      from: input.date,
      time: input.time,
      durationMinutes: input.durationMinutes,
      timeZone: tz,
      weekday,
      max: MAX_SERIES,
    });
    const now = deps.now().getTime();
    occurrences = proposed.occurrences.filter((o) => o.start.getTime() > now);
    for (const m of proposed.moved)
      notes.push(t(locale, 'meetings.form.moved', { from: m.from, to: m.to, reason: reasonText(locale, m.reason) }));
    for (const s of proposed.skipped)
      notes.push(t(locale, 'meetings.form.skipped', { date: s.date, reason: reasonText(locale, s.reason) }));
    if (occurrences.length === 0)
      return { problems: [t(locale, 'meetings.form.noProposal', { cadence: describeCadence(cadence, locale) })] };
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
      cadenceText: planText(group, locale),
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

/** The series a plain repetition choice asks for, as a cadence over the school year. */
function seriesCadence(choice: Repeat | undefined, group: Group): Cadence | undefined {
  switch (choice) {
    case 'weekly':
      return { kind: 'weekly' };
    case 'biweekly':
      return { kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2' };
    case 'monthly':
      return { kind: 'monthly' };
    case 'cadence':
      return group.cadence;
    default:
      return undefined;
  }
}

/** The group's plan in words for the form's "by the group's plan" choice; null when it meets as needed. */
export function planText(group: Group, locale: Locale): string | null {
  return group.cadence.kind === 'asNeeded' ? null : describeCadence(group.cadence, locale);
}
