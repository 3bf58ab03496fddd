import type { Agenda, AgendaItem } from '../../domain/agenda/agenda';
import { plannedMinutes } from '../../domain/agenda/agenda';
import type { Meeting } from '../../domain/meetings/meeting';
import { SIP_FIELDS, type Minutes, type SipEntry, type SipField, type Task } from '../../domain/minutes/minutes';
import type { GroupLevel } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { meetingWhen } from '../meetings/cards';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userParams, userText } from '../../cards/user-text';
import type { LatestSurvey } from '../survey/survey';

/** The data of adaptive-cards/agenda.json. */
export interface AgendaCardData {
  meetingId: string;
  refreshUserIds: string[];
  title: string;
  subtitle: string;
  badge: string;
  badgeColor: string;
  notice: string;
  problem: string;
  items: Array<{ line: string; meta: string }>;
  carried: Array<{ text: string; color: string }>;
  total: string;
  /** A tactical group's latest yearly survey (empty title: none shown). */
  /** `item.raise` from this meeting's agenda (features/raise): the groups to raise to and the form's labels. */
  canRaise: boolean;
  raiseTargets: Array<{ title: string; value: string }>;
  raiseLabels: Record<'open' | 'toGroup' | 'text' | 'textError' | 'button', string>;
  survey: { title: string; lines: Array<{ text: string }> };
  open: boolean;
  canPublish: boolean;
  labels: Record<'refresh' | 'carried' | 'propose' | 'placeholder' | 'proposeError' | 'proposeButton' | 'publish', string>;
}

/** The data of adaptive-cards/minutes.json; `actions` is the tasks' input (one "what; who; by when" a line). */
export interface MinutesCardData {
  meetingId: string;
  title: string;
  subtitle: string;
  badge: string;
  badgeColor: string;
  notice: string;
  problems: Array<{ text: string }>;
  attendees: string;
  members: Array<{ title: string; value: string }>;
  guests: string;
  items: Array<{ id: string; label: string; value: string }>;
  decisions: string;
  carried: Array<{ title: string; value: string }>;
  closed: string;
  actions: string;
  sip: Array<{ ref: string; heading: string } & Record<SipField, string>>;
  editable: boolean;
  /** Final minutes as read-only text, section by section (empty while they can be edited). */
  view: MinutesView;
  printUrl: string;
  labels: Record<string, string>;
}

type MinutesView = Array<{ label: string; lines: Array<{ text: string }> }>;

/** The data of adaptive-cards/minutes-summary.json; `actions` are the tasks recorded. */
export interface MinutesSummaryCardData {
  title: string;
  subtitle: string;
  badge: string;
  attendance: string;
  decisions: Array<{ text: string }>;
  actions: Array<Record<'what' | 'who' | 'due', string>>;
  sipLine: string;
  closedLine: string;
  notice: string;
  printUrl: string;
  labels: Record<'decisions' | 'actions' | 'print', string>;
  /** `item.raise` from these minutes: the meeting, the groups to raise to, the form's labels (features/raise). */
  meetingId: string;
  canRaise: boolean;
  raiseTargets: Array<{ title: string; value: string }>;
  raiseLabels: Record<'open' | 'toGroup' | 'text' | 'textError' | 'button', string>;
}

export interface AgendaCardOptions {
  groupName: string;
  level: GroupLevel;
  now: Date;
  /** Consent validity per case reference, for the items' lines (only case items in force are ever stored). */
  caseValidUntil?: Record<string, string>;
  carried?: Task[];
  notice?: string;
  problem?: string;
  /** Teams ids of those who proposed, for Universal Actions refresh. */
  refreshUserIds?: string[];
  /** A strategic group's overdue plan activities: the standing item on following up the action plan says how many (features/plans). */
  planOverdue?: number;
  /** A tactical group's latest yearly survey, shown only where at least 5 answered (features/survey). */
  survey?: LatestSurvey;
  /** The groups an item may be raised to from this agenda (`item.raise`); none: no raise form. */
  raiseTargets?: Array<{ id: string; name: string }>;
}

/** The survey's lines under the agenda: each statement's mean for everyone, and the group's own where at least 5 of it answered. */
function surveyLines(locale: Locale, survey: LatestSurvey | undefined): { title: string; lines: Array<{ text: string }> } {
  if (!survey) return { title: '', lines: [] };
  // A decimal comma in Swedish: 3,4.
  const mean = (n: number | null) =>
    n === null ? '–' : n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    title: t(locale, 'agenda.survey.title', { year: survey.year, count: survey.all.respondents }),
    lines: survey.all.statements.map((s, i) => ({
      text: survey.group
        ? t(locale, 'agenda.survey.lineGroup', {
            statement: userText(s.text),
            mean: mean(s.mean),
            group: mean(survey.group.statements[i]?.mean ?? null),
            count: survey.group.respondents,
          })
        : t(locale, 'agenda.survey.line', { statement: userText(s.text), mean: mean(s.mean) }),
    })),
  };
}

/** Open tasks shown on the agenda; more are summarised in the digest and the minutes card. */
export const MAX_CARRIED_SHOWN = 10;

/** Open tasks the minutes card offers to mark done; the others wait for the next minutes. */
export const MAX_CARRIED_CHOICES = 40;

/** The tasks that were due first come first: overdue ones are what a meeting most needs to see. */
function byDue(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** A case reference as the minutes card's SIP inputs are named by it (`sip_<key>_<field>`). */
export function sipKey(caseRef: string): string {
  return caseRef.replace(/[^A-Za-z0-9]/g, '');
}

export function itemText(locale: Locale, level: GroupLevel, item: AgendaItem): string {
  if (item.kind === 'standing' && item.templateIndex !== undefined && !item.text)
    return t(locale, `agenda.template.${level}.${item.templateIndex}`);
  if (item.kind === 'case' && item.caseRef && !item.text.includes(item.caseRef)) return `${item.caseRef} ${item.text}`.trim();
  return item.text;
}

/** Under a strategic group's first standing item (following up the action plan and its indicators): how many plan activities are overdue. */
function planFollowUp(locale: Locale, o: AgendaCardOptions, item: AgendaItem): string {
  if (o.level !== 'strategic' || o.planOverdue === undefined || item.kind !== 'standing' || item.templateIndex !== 0) return '';
  return t(locale, 'plans.agendaFollowUp', { count: o.planOverdue });
}

export function agendaCard(locale: Locale, meeting: Meeting, agenda: Agenda, o: AgendaCardOptions): AdaptiveCardJson {
  const { when, timeLine } = meetingWhen(meeting, locale);
  // Proposals and publishing close when the meeting starts: it is held on the agenda it has.
  const open = meeting.status === 'scheduled' && Date.parse(meeting.start) > o.now.getTime();
  const total = plannedMinutes(agenda);
  const data: AgendaCardData = {
    meetingId: meeting.id,
    refreshUserIds: open ? (o.refreshUserIds ?? []).slice(0, 60) : [],
    title: t(locale, 'agenda.title', { group: userText(o.groupName) }),
    subtitle: t(locale, 'agenda.subtitle', { when, time: timeLine }),
    badge: agenda.status === 'published' ? t(locale, 'agenda.badgePublished') : t(locale, 'agenda.badgeDraft'),
    badgeColor: agenda.status === 'published' ? 'Good' : 'Accent',
    notice: userText(o.notice),
    problem: userText(o.problem),
    items: agenda.items.map((item, i) => ({
      line: `**${i + 1}.** ${userText(itemText(locale, o.level, item))}${item.minutes ? ` · ${t(locale, 'agenda.minutes', { minutes: item.minutes })}` : ''}`,
      meta:
        item.kind === 'case' && item.caseRef
          ? t(locale, 'agenda.meta.case', { caseRef: userText(item.caseRef), until: o.caseValidUntil?.[item.caseRef] ?? '–' })
          : item.proposer
            ? t(locale, 'agenda.meta.proposedBy', { name: userText(item.proposer) })
            : planFollowUp(locale, o, item),
    })),
    carried: [
      ...byDue(o.carried ?? [])
        .slice(0, MAX_CARRIED_SHOWN)
        .map((task) => ({
          text: t(locale, 'agenda.carriedLine', userParams({ what: task.what, who: task.who, due: task.due })),
          color: task.due < o.now.toISOString().slice(0, 10) ? 'Attention' : 'Default',
        })),
      ...((o.carried ?? []).length > MAX_CARRIED_SHOWN
        ? [{ text: t(locale, 'agenda.carriedMore', { count: (o.carried ?? []).length - MAX_CARRIED_SHOWN }), color: 'Default' }]
        : []),
    ],
    total: total ? t(locale, 'agenda.total', { minutes: total }) : '',
    survey: surveyLines(locale, o.survey),
    canRaise: (o.raiseTargets ?? []).length > 0,
    raiseTargets: (o.raiseTargets ?? []).map((g) => ({ title: userText(g.name), value: g.id })),
    raiseLabels: {
      // Short: the agenda card's third button beside Föreslå and Publicera.
      open: t(locale, 'raise.labels.openShort'),
      toGroup: t(locale, 'raise.labels.toGroup'),
      text: t(locale, 'raise.labels.text'),
      textError: t(locale, 'raise.labels.textError'),
      button: t(locale, 'raise.labels.button'),
    },
    open,
    canPublish: open && agenda.status !== 'published',
    labels: {
      refresh: t(locale, 'agenda.labels.refresh'),
      carried: t(locale, 'agenda.labels.carried'),
      propose: t(locale, 'agenda.labels.propose'),
      placeholder: t(locale, o.level === 'operative' ? 'agenda.labels.placeholderOperative' : 'agenda.labels.placeholder'),
      proposeError: t(locale, 'agenda.labels.proposeError'),
      proposeButton: t(locale, 'agenda.labels.proposeButton'),
      publish: t(locale, 'agenda.labels.publish'),
    },
  };
  return renderCard('agenda', data);
}

export interface MinutesCardOptions {
  groupName: string;
  level: GroupLevel;
  members: Array<{ title: string; value: string }>;
  /** The agenda items to take notes on. */
  items: Array<{ id: string; text: string }>;
  /** Open tasks from earlier minutes that may be marked done. */
  carried: Task[];
  /** Case references on the agenda (operative groups): one SIP block each. */
  caseRefs: string[];
  /** Text as the convener last wrote it (on a card answered with problems, their own input). */
  draft?: {
    attendees?: string;
    guests?: string;
    decisions?: string;
    actions?: string;
    notes?: Record<string, string>;
    closed?: string;
    sip?: Record<string, Partial<SipEntry>>;
  };
  problems?: string[];
  notice?: string;
  printUrl?: string;
}

export function minutesCard(locale: Locale, meeting: Meeting, minutes: Minutes | undefined, o: MinutesCardOptions): AdaptiveCardJson {
  const { when, timeLine } = meetingWhen(meeting, locale);
  const final = minutes?.status === 'final';
  const d = o.draft ?? {
    attendees: minutes?.attendees.join(','),
    guests: minutes?.guests,
    decisions: minutes?.decisions.join('\n'),
    actions: minutes?.actions.map((task) => `${task.what}; ${task.who}; ${task.due}`).join('\n'),
    notes: minutes?.notes,
    closed: minutes?.closedActions.join(','),
    sip: Object.fromEntries((minutes?.sip ?? []).map((s) => [s.caseRef, s])),
  };
  const data: MinutesCardData = {
    meetingId: meeting.id,
    title: t(locale, 'minutes.title', { group: userText(o.groupName) }),
    subtitle: t(locale, 'minutes.subtitle', { when, time: timeLine }),
    badge: final ? t(locale, 'minutes.badgeFinal') : t(locale, 'minutes.badgeDraft'),
    badgeColor: final ? 'Good' : 'Accent',
    notice: userText(o.notice),
    problems: (o.problems ?? []).map((text) => ({ text: userText(text) })),
    attendees: d.attendees ?? '',
    members: o.members.map((m) => ({ title: userText(m.title), value: m.value })),
    guests: d.guests ?? '',
    items: o.items.map((i) => ({
      id: i.id,
      label: t(locale, 'minutes.labels.notes', { item: userText(i.text) }),
      value: d.notes?.[i.id] ?? '',
    })),
    decisions: d.decisions ?? '',
    carried: byDue(o.carried)
      .slice(0, MAX_CARRIED_CHOICES)
      .map((task) => ({
        title: t(locale, 'agenda.carriedLine', userParams({ what: task.what, who: task.who, due: task.due })),
        value: task.id,
      })),
    closed: d.closed ?? '',
    actions: d.actions ?? '',
    sip: o.caseRefs.map((ref) => {
      const s = d.sip?.[ref] ?? {};
      return {
        ref: sipKey(ref),
        heading: t(locale, 'minutes.sipHeading', { caseRef: userText(ref) }),
        goal: s.goal ?? '',
        intervention: s.intervention ?? '',
        responsible: s.responsible ?? '',
        due: s.due ?? '',
        coordinator: s.coordinator ?? '',
      };
    }),
    editable: !final,
    view: final && minutes ? finalView(locale, minutes, o) : [],
    printUrl: o.printUrl ?? '',
    labels: Object.fromEntries(
      [
        'attendees',
        'guests',
        'decisions',
        'closed',
        'actions',
        'actionsPlaceholder',
        'goal',
        'intervention',
        'responsible',
        'due',
        'coordinator',
        'save',
        'finalize',
        'print',
      ].map((k) => [k, t(locale, `minutes.labels.${k}`)]),
    ),
  };
  if (o.carried.length > MAX_CARRIED_CHOICES)
    data.labels.closed = t(locale, 'minutes.labels.closedSome', { shown: MAX_CARRIED_CHOICES, total: o.carried.length });
  return renderCard('minutes', data);
}

/** Final minutes as they were kept: text, not inputs; sections with nothing in them are left out. */
function finalView(locale: Locale, minutes: Minutes, o: MinutesCardOptions): MinutesView {
  const lines = (texts: string[]) => texts.filter((x) => x.trim()).map((x) => ({ text: userText(x) }));
  const titleOf = (id: string) => o.members.find((m) => m.value === id)?.title ?? id;
  const names = minutes.attendees.length
    ? minutes.attendees.map((id) => userText(titleOf(id))).join(', ')
    : t(locale, 'minutes.summary.nobody');
  const attendance = minutes.guests
    ? t(locale, 'minutes.summary.attendanceGuests', { names, guests: userText(minutes.guests) })
    : t(locale, 'minutes.summary.attendance', { names });
  const closed = minutes.closedActions.length ? [t(locale, 'minutes.summary.closed', { count: minutes.closedActions.length })] : [];
  const sections: MinutesView = [
    { label: '', lines: [{ text: attendance }, ...closed.map((text) => ({ text }))] },
    ...o.items.map((i) => ({
      label: t(locale, 'minutes.labels.notes', { item: userText(i.text) }),
      lines: lines((minutes.notes[i.id] ?? '').split('\n')),
    })),
    { label: t(locale, 'minutes.summary.decisions'), lines: lines(minutes.decisions.map((d) => `• ${d}`)) },
    {
      label: t(locale, 'minutes.summary.actions'),
      lines: minutes.actions.map((task) => ({
        text: t(locale, 'agenda.carriedLine', userParams({ what: task.what, who: task.who, due: task.due })),
      })),
    },
    ...minutes.sip.map((entry) => ({
      label: t(locale, 'minutes.sipHeading', { caseRef: userText(entry.caseRef) }),
      lines: SIP_FIELDS.filter((f) => entry[f]).map((f) => ({
        text: `${t(locale, `minutes.labels.${f}`)}: ${userText(String(entry[f]))}`,
      })),
    })),
  ];
  return sections.filter((section) => section.lines.length);
}

export interface SummaryOptions {
  groupName: string;
  attendeeNames: string[];
  notice?: string;
  printUrl?: string;
  /** The groups a question from these minutes may be raised to (`item.raise`); none: no raise form. */
  raiseTargets?: Array<{ id: string; name: string }>;
}

export function minutesSummaryCard(locale: Locale, meeting: Meeting, minutes: Minutes, o: SummaryOptions): AdaptiveCardJson {
  const { when, timeLine } = meetingWhen(meeting, locale);
  const names = o.attendeeNames.length ? o.attendeeNames.map((n) => userText(n)).join(', ') : t(locale, 'minutes.summary.nobody');
  const data: MinutesSummaryCardData = {
    title: t(locale, 'minutes.summary.title', { group: userText(o.groupName) }),
    subtitle: t(locale, 'minutes.subtitle', { when, time: timeLine }),
    badge: t(locale, 'minutes.summary.badge'),
    attendance: minutes.guests
      ? t(locale, 'minutes.summary.attendanceGuests', { names, guests: userText(minutes.guests) })
      : t(locale, 'minutes.summary.attendance', { names }),
    decisions: minutes.decisions.map((text) => ({ text: `• ${userText(text)}` })),
    actions: minutes.actions.map((task) => userParams({ what: task.what, who: task.who, due: task.due })),
    sipLine: minutes.sip.length
      ? t(locale, 'minutes.summary.sip', { count: minutes.sip.length, refs: minutes.sip.map((s) => userText(s.caseRef)).join(', ') })
      : '',
    closedLine: minutes.closedActions.length ? t(locale, 'minutes.summary.closed', { count: minutes.closedActions.length }) : '',
    notice: userText(o.notice),
    printUrl: o.printUrl ?? '',
    labels: {
      decisions: t(locale, 'minutes.summary.decisions'),
      actions: t(locale, 'minutes.summary.actions'),
      print: t(locale, 'minutes.labels.print'),
    },
    meetingId: meeting.id,
    canRaise: (o.raiseTargets ?? []).length > 0,
    raiseTargets: (o.raiseTargets ?? []).map((g) => ({ title: userText(g.name), value: g.id })),
    raiseLabels: {
      open: t(locale, 'raise.labels.open'),
      toGroup: t(locale, 'raise.labels.toGroup'),
      text: t(locale, 'raise.labels.text'),
      textError: t(locale, 'raise.labels.textError'),
      button: t(locale, 'raise.labels.button'),
    },
  };
  return renderCard('minutes-summary', data);
}
