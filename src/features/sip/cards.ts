import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { SIP_BOOKING_PLACES, SIP_PLAN_TEXT_FIELDS, type FamilyRole, type Sip, type SipPlanTextField } from '../../domain/sip/sip';
import { t, type Locale } from '../../i18n';

interface Fact {
  title: string;
  value: string;
}

/** What the cards show of a SIP besides the SIP itself: names from the organisation file, the meeting's time, links. */
export interface SipView {
  groupName: string;
  /** Agency names, in the order invited. */
  agencyNames: string[];
  /** "2026-03-17 13:00", or empty when there is no meeting. */
  meetingWhen: string;
  printUrl?: string;
  systemUrl?: string;
}

const familyText = (locale: Locale, roles: readonly FamilyRole[]) => roles.map((r) => t(locale, `sip.family.${r}`));

function participantsText(locale: Locale, sip: Pick<Sip, 'family'>, view: Pick<SipView, 'agencyNames'>): string {
  return [...view.agencyNames.map((n) => userText(n)), ...familyText(locale, sip.family)].join(', ') || '–';
}

// ——— sip-list ———

/** The data of adaptive-cards/sip-list.json. */
export interface SipListCardData {
  title: string;
  summary: string;
  notice: string;
  empty: string;
  sips: Array<{ id: string; caseRef: string; facts: Fact[] }>;
  systemUrl: string;
  labels: { open: string; close: string; system: string };
}

export function sipListCard(
  locale: Locale,
  rows: Array<{ sip: Sip; view: SipView }>,
  o: { groupNames: string[]; notice?: string; systemUrl?: string },
): AdaptiveCardJson {
  const f = (k: string) => t(locale, `sip.list.facts.${k}`);
  const data: SipListCardData = {
    title: t(locale, 'sip.list.title'),
    summary: t(locale, 'sip.list.summary', { groups: o.groupNames.map((n) => userText(n)).join(', '), count: rows.length }),
    notice: userText(o.notice),
    empty: t(locale, 'sip.list.empty'),
    sips: rows.map(({ sip, view }) => ({
      id: sip.id,
      caseRef: sip.caseRef,
      facts: [
        { title: f('status'), value: t(locale, `sip.statuses.${sip.status}`) },
        ...(view.meetingWhen ? [{ title: f('meeting'), value: view.meetingWhen }] : []),
        ...(sip.plan ? [{ title: f('followUp'), value: sip.plan.followUpDate }] : []),
        ...(sip.plan?.coordinator ? [{ title: f('coordinator'), value: userText(sip.plan.coordinator) }] : []),
        { title: f('participants'), value: participantsText(locale, sip, view) },
      ],
    })),
    systemUrl: o.systemUrl ?? '',
    labels: { open: t(locale, 'sip.list.open'), close: t(locale, 'sip.list.close'), system: t(locale, 'sip.plan.system') },
  };
  return renderCard('sip-list', data);
}

// ——— sip-form ———

export interface SipFormValues {
  participants?: string;
  date?: string;
  time?: string;
  durationMinutes?: string;
  location?: string;
  /** `channel` or `private` (SIP_BOOKING_PLACES). */
  where?: string;
}

/** The data of adaptive-cards/sip-form.json. */
export interface SipFormCardData {
  title: string;
  intro: string;
  facts: Fact[];
  problems: string[];
  caseRef: string;
  groupId: string;
  participantChoices: Array<{ title: string; value: string }>;
  whereChoices: Array<{ title: string; value: string }>;
  values: Required<Omit<SipFormValues, 'durationMinutes'>> & { durationMinutes: number };
  labels: Record<
    'participants' | 'participantsError' | 'date' | 'time' | 'duration' | 'location' | 'where' | 'book' | 'problemsTitle',
    string
  >;
}

export function sipFormCard(
  locale: Locale,
  o: {
    caseRef: string;
    groupId: string;
    groupName: string;
    consentUntil: string;
    coveredAgencyNames: string[];
    agencies: Array<{ id: string; name: string }>;
    values?: SipFormValues;
    problems?: string[];
  },
): AdaptiveCardJson {
  const l = (k: string) => t(locale, `sip.form.${k}`);
  const v = o.values ?? {};
  const data: SipFormCardData = {
    title: l('title'),
    intro: l('intro'),
    facts: [
      { title: l('caseRef'), value: o.caseRef },
      { title: l('group'), value: userText(o.groupName) },
      { title: l('consent'), value: t(locale, 'sip.form.consentUntil', { date: o.consentUntil }) },
      { title: l('coveredAgencies'), value: o.coveredAgencyNames.map((n) => userText(n)).join(', ') || '–' },
    ],
    problems: (o.problems ?? []).map((p) => userText(p)),
    caseRef: o.caseRef,
    groupId: o.groupId,
    participantChoices: [
      ...o.agencies.map((a) => ({ title: userText(a.name), value: a.id })),
      ...(['guardian1', 'guardian2', 'child', 'relative'] as const).map((r) => ({ title: t(locale, `sip.family.${r}`), value: r })),
    ],
    values: {
      participants: v.participants ?? '',
      date: v.date ?? '',
      time: v.time ?? '',
      durationMinutes: Number(v.durationMinutes) || 60,
      location: v.location ?? '',
      where: v.where === 'private' ? 'private' : 'channel',
    },
    whereChoices: SIP_BOOKING_PLACES.map((p) => ({ title: t(locale, `sip.form.places.${p}`), value: p })),
    labels: {
      participants: l('participants'),
      participantsError: l('participantsError'),
      date: l('date'),
      time: l('time'),
      duration: l('duration'),
      location: l('location'),
      where: l('where'),
      book: l('book'),
      problemsTitle: l('problemsTitle'),
    },
  };
  return renderCard('sip-form', data);
}

// ——— sip-plan ———

/** The data of adaptive-cards/sip-plan.json. */
export interface SipPlanCardData {
  title: string;
  intro: string;
  facts: Fact[];
  planFacts: Fact[];
  notice: string;
  problems: string[];
  open: boolean;
  sipId: string;
  values: Record<SipPlanTextField | 'followUpDate', string>;
  printUrl: string;
  systemUrl: string;
  labels: Record<SipPlanTextField | 'followUpDate' | 'save' | 'close' | 'print' | 'system', string>;
}

export function sipPlanCard(
  locale: Locale,
  sip: Sip,
  view: SipView,
  o: { notice?: string; problems?: string[]; values?: Partial<Record<SipPlanTextField | 'followUpDate', string>> } = {},
): AdaptiveCardJson {
  const l = (k: string) => t(locale, `sip.plan.${k}`);
  const f = (k: string) => t(locale, `sip.plan.facts.${k}`);
  const open = sip.status !== 'closed';
  const values = {} as SipPlanCardData['values'];
  for (const k of SIP_PLAN_TEXT_FIELDS) values[k] = o.values?.[k] ?? sip.plan?.[k] ?? '';
  values.followUpDate = o.values?.followUpDate ?? sip.plan?.followUpDate ?? '';
  const planFacts: Fact[] = sip.plan
    ? [
        ...SIP_PLAN_TEXT_FIELDS.filter((k) => sip.plan![k]).map((k) => ({ title: l(k), value: userText(sip.plan![k]) })),
        { title: l('followUpDate'), value: sip.plan.followUpDate },
      ]
    : [{ title: l('needs'), value: l('noPlan') }];
  const labels = {} as SipPlanCardData['labels'];
  for (const k of [...SIP_PLAN_TEXT_FIELDS, 'followUpDate', 'save', 'close', 'print', 'system'] as const) labels[k] = l(k);
  const data: SipPlanCardData = {
    title: t(locale, 'sip.plan.title', { caseRef: sip.caseRef }),
    intro: l('intro'),
    facts: [
      { title: f('group'), value: userText(view.groupName) },
      { title: f('status'), value: t(locale, `sip.statuses.${sip.status}`) },
      ...(view.meetingWhen ? [{ title: f('meeting'), value: view.meetingWhen }] : []),
      { title: f('participants'), value: participantsText(locale, sip, view) },
      ...(sip.followUps.length ? [{ title: l('followUps'), value: sip.followUps.join(', ') }] : []),
    ],
    planFacts,
    notice: userText(o.notice ?? (sip.closedAt ? t(locale, 'sip.plan.closedOn', { date: sip.closedAt.slice(0, 10) }) : '')),
    problems: (o.problems ?? []).map((p) => userText(p)),
    open,
    sipId: sip.id,
    values,
    printUrl: view.printUrl ?? '',
    systemUrl: view.systemUrl ?? '',
    labels,
  };
  return renderCard('sip-plan', data);
}
