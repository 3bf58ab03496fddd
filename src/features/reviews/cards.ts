import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { describeReviewCycle, type GoverningDocument } from '../../domain/organisation';
import type { ReviewRow } from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';

interface Fact {
  title: string;
  value: string;
}

/** The labels of the form that records a review, on both cards. */
interface ReviewFormLabels {
  date: string;
  dateError: string;
  decisionRef: string;
  save: string;
}

/** The data of adaptive-cards/review-list.json. */
export interface ReviewListCardData {
  title: string;
  summary: string;
  notice: string;
  empty: string;
  documents: Array<{
    id: string;
    title: string;
    owner: string;
    statusText: string;
    statusColor: string;
    facts: Fact[];
    canComplete: boolean;
    today: string;
  }>;
  labels: ReviewFormLabels & { record: string };
}

/** The data of adaptive-cards/review-reminder.json. */
export interface ReviewReminderCardData {
  icon: string;
  headline: string;
  title: string;
  facts: Fact[];
  hint: string;
  notice: string;
  open: boolean;
  documentId: string;
  today: string;
  labels: ReviewFormLabels;
}

/** A document's row, with the name of the group that owns it. */
export type OwnedRow = ReviewRow & { ownerName: string };

const COLORS: Record<string, string> = { ok: 'Good', dueSoon: 'Warning', overdue: 'Attention', expired: 'Attention', noDate: 'Default' };

function dueText(locale: Locale, row: ReviewRow): string {
  const { dueDate, daysLeft } = row.next;
  if (!dueDate || daysLeft === null) return t(locale, 'documents.facts.none');
  return daysLeft >= 0
    ? t(locale, 'documents.dueIn', { date: dueDate, days: daysLeft })
    : t(locale, 'documents.dueAgo', { date: dueDate, days: -daysLeft });
}

/**
 * The latest decision on a document: the newest review that names one (recorded
 * in Teams or in the organisation file), else the decision that adopted it.
 */
export function latestDecision(d: GoverningDocument): { ref: string; date?: string } | undefined {
  const named = (d.reviews ?? []).filter((r) => r.decisionRef?.trim());
  const newest = named.sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (newest?.decisionRef && (!d.decidedOn || newest.date >= d.decidedOn)) return { ref: newest.decisionRef, date: newest.date };
  return d.decisionRef ? { ref: d.decisionRef, date: d.decidedOn } : undefined;
}

/** The latest decision as a fact's value: "Ks 2026/77 § 12 (2026-11-20)". */
export function decisionText(locale: Locale, d: GoverningDocument): string | undefined {
  const latest = latestDecision(d);
  if (!latest) return undefined;
  const ref = userText(latest.ref);
  return latest.date ? t(locale, 'documents.facts.decisionOn', { ref, date: latest.date }) : ref;
}

function facts(locale: Locale, row: ReviewRow): Fact[] {
  const decision = decisionText(locale, row.document);
  return [
    ...(decision ? [{ title: t(locale, 'documents.facts.decision'), value: decision }] : []),
    { title: t(locale, 'documents.facts.cycle'), value: describeReviewCycle(row.document.reviewCycle, locale) },
    { title: t(locale, 'documents.facts.last'), value: row.lastReviewed ?? t(locale, 'documents.facts.none') },
    { title: t(locale, 'documents.facts.next'), value: dueText(locale, row) },
  ];
}

function formLabels(locale: Locale): ReviewFormLabels {
  const label = (k: keyof ReviewFormLabels) => t(locale, `documents.labels.${k}`);
  return { date: label('date'), dateError: label('dateError'), decisionRef: label('decisionRef'), save: label('save') };
}

export function reviewListCard(
  locale: Locale,
  rows: Array<OwnedRow & { canComplete: boolean }>,
  today: string,
  notice?: string,
): AdaptiveCardJson {
  const count = (s: string[]) => rows.filter((r) => s.includes(r.next.status)).length;
  const data: ReviewListCardData = {
    title: t(locale, 'documents.title'),
    summary: t(locale, 'documents.summary', {
      overdue: count(['overdue', 'expired']),
      soon: count(['dueSoon']),
      ok: count(['ok', 'noDate']),
    }),
    notice: userText(notice),
    empty: t(locale, 'documents.empty'),
    documents: rows.map((r) => ({
      id: r.document.id,
      title: userText(r.document.title),
      owner: t(locale, 'documents.owner', { group: userText(r.ownerName) }),
      statusText: t(locale, `documents.status.${r.next.status}`),
      statusColor: COLORS[r.next.status] ?? 'Default',
      facts: facts(locale, r),
      canComplete: r.canComplete,
      today,
    })),
    labels: { ...formLabels(locale), record: t(locale, 'documents.labels.record') },
  };
  return renderCard('review-list', data);
}

export function reviewReminderCard(
  locale: Locale,
  row: OwnedRow,
  today: string,
  o: { notice?: string; open?: boolean } = {},
): AdaptiveCardJson {
  const { status, daysLeft } = row.next;
  const headline =
    status === 'expired'
      ? t(locale, 'documents.reminder.expired')
      : status === 'overdue' || (daysLeft ?? 0) < 0
        ? t(locale, 'documents.reminder.overdue')
        : t(locale, 'documents.reminder.before', { days: daysLeft ?? 0 });
  const data: ReviewReminderCardData = {
    icon: status === 'overdue' || status === 'expired' ? '⚠️' : '🗓️',
    headline,
    title: `${userText(row.document.title)} · ${t(locale, 'documents.owner', { group: userText(row.ownerName) })}`,
    facts: facts(locale, row),
    hint: t(locale, 'documents.reminder.hint'),
    notice: userText(o.notice),
    open: o.open ?? true,
    documentId: row.document.id,
    today,
    labels: formLabels(locale),
  };
  return renderCard('review-reminder', data);
}
