import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import type { Digest } from '../../domain/digest/digest';
import { needsAttention, totals } from '../../domain/digest/digest';
import { t, type Locale } from '../../i18n';

/** The data of adaptive-cards/digest.json. */
export interface DigestCardData {
  title: string;
  subtitle: string;
  headline: string;
  headlineStyle: 'warning' | 'good';
  lines: Array<{ text: string }>;
  groups: Array<{ name: string; mark: string; color: string; line: string }>;
  reviews: Array<{ text: string; color: string }>;
  labels: { reviews: string; meetings: string };
}

function decisionLine(d: { ref: string; date?: string }): string {
  return d.date ? `${userText(d.ref)}, ${d.date}` : userText(d.ref);
}

/** One manager's digest: the totals that need attention, a line per group, the documents due. */
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
  // Documents due soon, consents running out and refusals are worth the manager's attention too: the all-clear is for a week with none of them.
  const attention = needsAttention(tt) || tt.reviewsDueSoon + tt.consentsExpiring + tt.refusals > 0;
  const data: DigestCardData = {
    title: t(locale, 'digest.title'),
    subtitle: t(locale, 'digest.subtitle', { week: o.week, groups: tt.groups }),
    headline: attention ? t(locale, 'digest.attention') : t(locale, 'digest.allGood'),
    headlineStyle: attention ? 'warning' : 'good',
    lines: lines.map((text) => ({ text })),
    groups: d.groups.map((g) => {
      const good = g.cadence.onTrack && !g.minutesMissing && !g.overdueActions;
      return {
        name: userText(g.name),
        mark: good ? '●' : '▲',
        color: good ? 'Good' : 'Attention',
        line:
          g.cadence.expectedYear === null
            ? t(locale, 'digest.groupLineNoPlan', { held: g.cadence.held, next: o.nextOf(g.groupId) })
            : t(locale, 'digest.groupLine', { held: g.cadence.held, expected: g.cadence.expectedSoFar, next: o.nextOf(g.groupId) }),
      };
    }),
    reviews: d.reviews.slice(0, 8).map((r) => ({
      text: t(locale, r.latestDecision ? 'digest.reviewLineDecision' : 'digest.reviewLine', {
        title: userText(r.title),
        status: t(locale, `documents.status.${r.status}`).toLowerCase(),
        date: r.dueDate,
        decision: r.latestDecision ? decisionLine(r.latestDecision) : '',
      }),
      color: r.status === 'dueSoon' ? 'Warning' : 'Attention',
    })),
    labels: { reviews: t(locale, 'digest.labels.reviews'), meetings: t(locale, 'digest.labels.meetings') },
  };
  return renderCard('digest', data);
}
