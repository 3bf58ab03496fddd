import type { Digest } from '../../domain/digest/digest';
import { needsAttention, totals } from '../../domain/digest/digest';
import { describeReviewCycle, type GoverningDocument } from '../../domain/organisation';
import type { ReviewRow } from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';

const COLORS: Record<string, string> = { ok: 'Good', dueSoon: 'Warning', overdue: 'Attention', expired: 'Attention', noDate: 'Default' };

function dueText(locale: Locale, row: ReviewRow): string {
  const { dueDate, daysLeft } = row.next;
  if (!dueDate || daysLeft === null) return t(locale, 'documents.facts.none');
  return daysLeft >= 0
    ? t(locale, 'documents.dueIn', { date: dueDate, days: daysLeft })
    : t(locale, 'documents.dueAgo', { date: dueDate, days: -daysLeft });
}

function facts(locale: Locale, row: ReviewRow): Array<{ title: string; value: string }> {
  const d = row.document;
  return [
    ...(d.decisionRef ? [{ title: t(locale, 'documents.facts.decision'), value: userText(d.decisionRef) }] : []),
    { title: t(locale, 'documents.facts.cycle'), value: describeReviewCycle(d.reviewCycle, locale) },
    { title: t(locale, 'documents.facts.last'), value: row.lastReviewed ?? t(locale, 'documents.facts.none') },
    { title: t(locale, 'documents.facts.next'), value: dueText(locale, row) },
  ];
}

export function reviewListCard(
  locale: Locale,
  rows: Array<ReviewRow & { ownerName: string; canComplete: boolean }>,
  today: string,
  notice?: string,
): AdaptiveCardJson {
  const count = (s: string[]) => rows.filter((r) => s.includes(r.next.status)).length;
  return renderCard('review-list', {
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
      statusColor: COLORS[r.next.status],
      facts: facts(locale, r),
      canComplete: r.canComplete,
      today,
    })),
    labels: Object.fromEntries(['record', 'date', 'dateError', 'decisionRef', 'save'].map((k) => [k, t(locale, `documents.labels.${k}`)])),
  });
}

export function reviewReminderCard(
  locale: Locale,
  row: ReviewRow & { ownerName: string },
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
  return renderCard('review-reminder', {
    icon: status === 'overdue' || status === 'expired' ? '⚠️' : '🗓️',
    headline,
    title: `${userText(row.document.title)} · ${t(locale, 'documents.owner', { group: userText(row.ownerName) })}`,
    facts: facts(locale, row),
    hint: t(locale, 'documents.reminder.hint'),
    notice: userText(o.notice),
    open: o.open ?? true,
    documentId: row.document.id,
    today,
    labels: Object.fromEntries(['date', 'dateError', 'decisionRef', 'save'].map((k) => [k, t(locale, `documents.labels.${k}`)])),
  });
}

export function digestCard(locale: Locale, d: Digest, o: { week: number; nextOf: (groupId: string) => string }): AdaptiveCardJson {
  const tt = totals(d);
  const lines: string[] = [];
  const add = (n: number, key: string) => n > 0 && lines.push(t(locale, `digest.lines.${key}`, { count: n }));
  add(tt.behindCadence, 'behind');
  add(tt.minutesMissing, 'minutesMissing');
  add(tt.overdueActions, 'overdueActions');
  add(tt.reviewsOverdue, 'reviewsOverdue');
  add(tt.reviewsDueSoon, 'reviewsSoon');
  add(tt.consentsExpiring, 'consents');
  add(tt.refusals, 'refusals');
  add(tt.coming, 'coming');
  const attention = needsAttention(tt);
  return renderCard('digest', {
    title: t(locale, 'digest.title'),
    subtitle: t(locale, 'digest.subtitle', { week: o.week, groups: tt.groups }),
    headline: attention ? t(locale, 'digest.attention') : t(locale, 'digest.allGood'),
    headlineStyle: attention ? 'warning' : 'good',
    lines: lines.map((text) => ({ text })),
    groups: d.groups.map((g) => ({
      name: userText(g.name),
      mark: g.cadence.onTrack && !g.minutesMissing && !g.overdueActions ? '●' : '▲',
      color: g.cadence.onTrack && !g.minutesMissing && !g.overdueActions ? 'Good' : 'Attention',
      line:
        g.cadence.expectedYear === null
          ? t(locale, 'digest.groupLineNoPlan', { held: g.cadence.held, next: o.nextOf(g.groupId) })
          : t(locale, 'digest.groupLine', { held: g.cadence.held, expected: g.cadence.expectedSoFar, next: o.nextOf(g.groupId) }),
    })),
    reviews: d.reviews.slice(0, 8).map((r) => ({
      text: t(locale, 'digest.reviewLine', {
        title: userText(r.title),
        status: t(locale, `documents.status.${r.status}`).toLowerCase(),
        date: r.dueDate,
      }),
      color: r.status === 'dueSoon' ? 'Warning' : 'Attention',
    })),
    labels: { reviews: t(locale, 'digest.labels.reviews'), meetings: t(locale, 'digest.labels.meetings') },
  });
}

export type { GoverningDocument };
