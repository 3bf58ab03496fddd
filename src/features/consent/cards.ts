import type {
  Consent,
  ConsentListing,
  ConsentRecordData,
  ConsentStatus,
  IdentifierCategory,
  RecordProblem,
  RefusalReason,
} from '../../domain/consent';
import {
  CHILD_VIEW_AGE,
  CHILD_VIEWS,
  CONSENT_FORMS,
  guardianWarning,
  guardiansOf,
  PARTIES,
  SINGLE_GUARDIAN_REASONS,
  type Party,
} from '../../domain/consent';
import type { AuditEvent } from '../../storage/audit';
import { t, type Locale } from '../../i18n';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { notAllowedCard } from '../../cards/common';
import { userText } from '../../cards/user-text';
import { cappedChoices } from '../meetings/cards';

const KNOWN_REASONS = new Set(['notConvener', 'notMember', 'noConsentRight', 'notManager', 'otherTenant', 'noGroup', 'notOperative']);

/** The answer to a user who may not use the register: why (a reason the strings know), and who may. */
export function consentNotAllowedCard(locale: Locale, refusal: { reason: string; whoMay: string[] }): AdaptiveCardJson {
  return notAllowedCard(locale, KNOWN_REASONS.has(refusal.reason) ? refusal.reason : 'noConsentRight', refusal.whoMay);
}

export interface GroupChoice {
  id: string;
  name: string;
}

const FORM_FIELDS = [
  'subjectPersonnummer',
  'subjectName',
  'groupIds',
  'validFrom',
  'validUntil',
  'parties',
  'purpose',
  'informationCategories',
  'exclusions',
  'form',
  'documentRef',
  'agencies',
  'singleGuardianReason',
  'childAge',
  'childView',
  'childViewNote',
] as const;

/** Problem codes are domain codes plus those the edge adds (authorisation). */
export type FormProblem = RecordProblem | 'groupNotAllowed';

export interface ConsentFormData {
  groups: GroupChoice[];
  /** YYYY-MM-DD, the default start. */
  today: string;
  /** What the user entered last time. The subject is never echoed back. */
  values?: Partial<ConsentRecordData>;
  problems?: Partial<Record<keyof ConsentRecordData, FormProblem[]>>;
  /** The organisation's agencies, which the consent may be limited to. */
  agencies?: GroupChoice[];
  /** The municipality's own consent form (`consentFormUrl`), linked from the card. */
  consentFormUrl?: string;
}

const partiesOf = (text: string | undefined): Party[] =>
  (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is Party => (PARTIES as readonly string[]).includes(p));

/**
 * The consent form. Re-rendered with the user's inputs after a problem —
 * except the personnummer and the name, which never travel back to Teams.
 */
export function consentFormCard(locale: Locale, data: ConsentFormData): AdaptiveCardJson {
  const problems = data.problems ?? {};
  const hasProblems = Object.values(problems).some((p) => p?.length);
  const errors = Object.fromEntries(
    FORM_FIELDS.map((f) => [
      f,
      (problems[f] ?? []).map((code) => t(locale, `consent.problems.${code}`, { age: CHILD_VIEW_AGE })).join(' '),
    ]),
  );
  const v = data.values ?? {};
  const chosen = typeof v.groupIds === 'string' ? v.groupIds.split(',')[0] : undefined;
  const groups = cappedChoices(
    data.groups.map((g) => ({ title: g.name, value: g.id })),
    chosen,
  );
  const subjectGiven = !!(v.subjectPersonnummer?.trim() || v.subjectName?.trim());
  return renderCard('consent-form', {
    title: t(locale, 'consent.form.title'),
    intro: `${t(locale, 'consent.form.intro')}${groups.left ? ` ${t(locale, 'consent.form.moreGroups', { count: groups.left })}` : ''}`,
    problemsTitle: hasProblems ? t(locale, 'consent.form.problemsTitle') : '',
    reenter: hasProblems && subjectGiven ? t(locale, 'consent.form.reenter') : '',
    labels: Object.fromEntries(
      [
        'subjectPersonnummer',
        'subjectPersonnummerPlaceholder',
        'subjectName',
        'subjectNameHint',
        'groupIds',
        'validFrom',
        'validUntil',
        'validUntilRequired',
        'parties',
        'purpose',
        'purposePlaceholder',
        'informationCategories',
        'exclusions',
        'form',
        'documentRef',
        'submit',
        'agencies',
        'agenciesHint',
        'guardiansNote',
        'singleGuardianReason',
        'childAge',
        'childView',
        'childViewNote',
        'openForm',
      ].map((k) => [k, t(locale, `consent.form.${k}`, { age: CHILD_VIEW_AGE })]),
    ),
    errors,
    values: {
      groupIds: v.groupIds ?? (data.groups.length === 1 ? data.groups[0]!.id : ''),
      validFrom: v.validFrom || data.today,
      validUntil: v.validUntil ?? '',
      parties: v.parties ?? '',
      form: v.form || 'written',
      purpose: v.purpose ?? '',
      informationCategories: v.informationCategories ?? '',
      exclusions: v.exclusions ?? '',
      documentRef: v.documentRef ?? '',
      agencies: v.agencies ?? '',
      singleGuardianReason: v.singleGuardianReason ?? '',
      childAge: v.childAge ?? '',
      childView: v.childView ?? '',
      childViewNote: v.childViewNote ?? '',
    },
    // Sent back with fewer than both guardians and no reason: the warning stands out above the reason.
    guardianWarning:
      v.parties !== undefined && guardiansOf(partiesOf(v.parties)) < 2 && !v.singleGuardianReason?.trim()
        ? t(locale, 'consent.form.guardianWarning')
        : '',
    consentFormUrl: data.consentFormUrl ?? '',
    agencyChoices: cappedChoices(
      (data.agencies ?? []).map((a) => ({ title: userText(a.name), value: a.id })),
      undefined,
    ).shown,
    reasonChoices: SINGLE_GUARDIAN_REASONS.map((r) => ({ title: t(locale, `consent.reasons.${r}`), value: r })),
    childViewChoices: CHILD_VIEWS.map((c) => ({ title: t(locale, `consent.childViews.${c}`), value: c })),
    groupChoices: groups.shown.map((g) => ({ title: userText(g.title), value: g.value })),
    partyChoices: PARTIES.map((p) => ({ title: t(locale, `consent.parties.${p}`), value: p })),
    formChoices: CONSENT_FORMS.map((f) => ({ title: t(locale, `consent.forms.${f}`), value: f })),
  });
}

function groupList(consent: Pick<Consent, 'scope'> | ConsentListing, groupName: (id: string) => string): string {
  return consent.scope.groupIds.map((id) => userText(groupName(id))).join(', ');
}

function validity(locale: Locale, c: Pick<Consent, 'validFrom' | 'validUntil'>): string {
  return t(locale, 'consent.recorded.validityRange', { from: c.validFrom, until: c.validUntil });
}

/** The answer to a recorded consent: its case reference, scope and validity, never the subject. */
export function consentRecordedCard(
  locale: Locale,
  consent: Consent,
  groupName: (id: string) => string,
  agencyName: (id: string) => string = (id) => id,
): AdaptiveCardJson {
  const facts = [
    { title: t(locale, 'consent.recorded.groups'), value: groupList(consent, groupName) },
    // The purpose as the gate checked it (CheckedText): what the consent is for, never who it is about.
    { title: t(locale, 'consent.recorded.purpose'), value: userText(consent.purpose) },
    { title: t(locale, 'consent.recorded.validity'), value: validity(locale, consent) },
    { title: t(locale, 'consent.recorded.parties'), value: consent.parties.map((p) => t(locale, `consent.parties.${p}`)).join(', ') },
    { title: t(locale, 'consent.recorded.form'), value: t(locale, `consent.forms.${consent.form}`) },
  ];
  if (consent.scope.informationCategories)
    facts.push({ title: t(locale, 'consent.recorded.informationCategories'), value: userText(consent.scope.informationCategories) });
  if (consent.scope.exclusions) facts.push({ title: t(locale, 'consent.recorded.exclusions'), value: userText(consent.scope.exclusions) });
  if (consent.documentRef) facts.push({ title: t(locale, 'consent.recorded.documentRef'), value: userText(consent.documentRef) });
  if (consent.scope.agencies.length)
    facts.push({
      title: t(locale, 'consent.recorded.agencies'),
      value: consent.scope.agencies.map((a) => userText(agencyName(a))).join(', '),
    });
  if (consent.singleGuardianReason)
    facts.push({
      title: t(locale, 'consent.recorded.singleGuardianReason'),
      value:
        consent.singleGuardianReason === 'ownConsent' && consent.childAge !== undefined
          ? t(locale, 'consent.recorded.ownConsentAt', { age: consent.childAge })
          : t(locale, `consent.reasons.${consent.singleGuardianReason}`),
    });
  if (consent.childView || consent.childViewNote)
    facts.push({
      title: t(locale, 'consent.recorded.childView'),
      value: [consent.childView ? t(locale, `consent.childViews.${consent.childView}`) : '', userText(consent.childViewNote)]
        .filter(Boolean)
        .join(': '),
    });
  return renderCard('consent-recorded', {
    warning: guardianWarning(consent) ? t(locale, 'consent.recorded.guardianWarning') : '',
    title: t(locale, 'consent.recorded.title'),
    caseRefLabel: t(locale, 'consent.recorded.caseRefLabel'),
    caseRef: consent.caseRef,
    facts,
    hint: t(locale, 'consent.recorded.hint'),
  });
}

export interface ConsentListRow {
  consent: ConsentListing;
  status: ConsentStatus;
  recordedByName: string;
  canWithdraw: boolean;
}

export interface ConsentListData {
  rows: ConsentListRow[];
  groupName: (id: string) => string;
  /** The groups the list covers, by name. */
  groupNames: string[];
  /** For conveners: the gate's counts in their groups. */
  stats: Array<{ groupName: string; counts: Record<AuditEvent, number> }>;
  notice?: { text: string; style: 'good' | 'attention' | 'default' };
  /** The register goes on past this page: how many are shown so far, and the key of the last one (the next page starts after it). */
  more?: { shown: number; after: string };
}

/** How many group names the register's intro names; the rest are counted. */
export const INTRO_GROUPS_SHOWN = 10;

function groupNamesLine(locale: Locale, names: string[]): string {
  const shown = names.slice(0, INTRO_GROUPS_SHOWN).map((n) => userText(n));
  const rest = names.length - shown.length;
  return rest > 0 ? t(locale, 'consent.list.groupsAndMore', { groups: shown.join(', '), count: rest }) : shown.join(', ');
}

const STATUS_COLOR: Record<ConsentStatus, string> = { inForce: 'Good', expired: 'Warning', withdrawn: 'Attention', notYetValid: 'Accent' };

/** The pseudonymous register: case references, scope, validity, status, who recorded. */
export function consentListCard(locale: Locale, data: ConsentListData): AdaptiveCardJson {
  return renderCard('consent-list', {
    title: t(locale, 'consent.list.title'),
    intro: t(locale, 'consent.list.intro', { groups: groupNamesLine(locale, data.groupNames) }),
    more: data.more ? t(locale, 'consent.list.more', { count: data.more.shown }) : '',
    moreButton: data.more ? t(locale, 'consent.list.moreButton') : '',
    moreAfter: data.more?.after ?? '',
    moreShown: data.more?.shown ?? 0,
    empty: t(locale, 'consent.list.empty'),
    notice: userText(data.notice?.text),
    noticeStyle: data.notice?.style ?? 'default',
    consents: data.rows.map((r) => ({
      caseRef: r.consent.caseRef,
      statusText: t(locale, `consent.status.${r.status}`),
      statusColor: STATUS_COLOR[r.status],
      scope: groupList(r.consent, data.groupName),
      validity: validity(locale, r.consent),
      recorded: t(locale, 'consent.list.recordedBy', { name: userText(r.recordedByName), date: r.consent.recordedAt.slice(0, 10) }),
      canWithdraw: r.canWithdraw && r.status !== 'withdrawn',
      withdrawTitle: t(locale, 'consent.list.withdraw'),
    })),
    stats: data.stats.map((s) => ({
      title: t(locale, 'consent.list.statsTitle', { group: userText(s.groupName) }),
      text: t(locale, 'consent.list.stats', s.counts),
    })),
  });
}

export function categoryList(locale: Locale, categories: IdentifierCategory[]): string {
  return categories.map((c) => t(locale, `gate.categories.${c}`)).join(', ');
}

export interface RefusalCardData {
  categories: IdentifierCategory[];
  reason: RefusalReason;
  /** For the conveners' private notice: where and who; absent in the thread's answer. */
  notice?: { place: string; author: string };
}

/** Which kind of identifier, why, and how to go on — never the identifier itself. */
export function consentRefusalCard(locale: Locale, data: RefusalCardData): AdaptiveCardJson {
  const categories = categoryList(locale, data.categories);
  const how =
    data.reason === 'neverOnThisLevel'
      ? [t(locale, 'gate.howDeidentify'), t(locale, 'gate.howNeverHere')]
      : [t(locale, 'gate.howDeidentify'), t(locale, 'gate.howConsent')];
  return renderCard('consent-refusal', {
    title: data.notice ? t(locale, 'gate.noticeTitle') : t(locale, 'gate.title'),
    seen: data.notice
      ? t(locale, 'gate.notice', { place: userText(data.notice.place), author: userText(data.notice.author), categories })
      : t(locale, 'gate.seen', { categories }),
    reason: t(locale, `gate.reasons.${data.reason}`),
    howTitle: data.notice ? '' : t(locale, 'gate.howTitle'),
    how: data.notice ? '' : how.map((l) => `- ${l}`).join('\n'),
    footer: t(locale, 'gate.nothingStored'),
    // The one being refused may be worried about a child: the way to report, which needs no consent, is a press away.
    concernHint: data.notice ? '' : t(locale, 'gate.concernHint'),
    concernLabel: data.notice ? '' : t(locale, 'gate.concern'),
  });
}
