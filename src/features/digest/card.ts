import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { fitList, jsonBytes, MAX_CARD_BYTES } from '../../cards/size';
import { userText } from '../../cards/user-text';
import type { Digest, DigestGroup } from '../../domain/digest/digest';
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
  /** What the list leaves out ("180 grupper i ordning"), or ''. */
  rest: string;
  /** The button to every group, a page at a time ('' for none) and the index it starts at. */
  moreButton: string;
  moreFrom: number;
  reviews: Array<{ text: string; color: string }>;
  /** Read rates of recent broadcasts to the manager's groups (SPEC §11), a few lines at most. */
  broadcasts: Array<{ text: string }>;
  labels: { reviews: string; meetings: string };
}

/** Up to this many groups the digest lists them all; above, the groups needing attention and a count of the rest. */
export const DIGEST_FULL_LIST = 12;
/** How many groups a page of the full overview lists at most (fewer when they would not fit). */
export const DIGEST_PAGE = 60;

function decisionLine(d: { ref: string; date?: string }): string {
  return d.date ? `${userText(d.ref)}, ${d.date}` : userText(d.ref);
}

/** Whether a group needs its manager's attention: behind its plan, minutes missing, actions or plan activities overdue, consents running out, refusals. */
export function groupNeedsAttention(g: DigestGroup): boolean {
  return (
    !g.cadence.onTrack ||
    g.minutesMissing > 0 ||
    g.overdueActions > 0 ||
    (g.overduePlanActivities ?? 0) > 0 ||
    g.consentsExpiring > 0 ||
    g.refusalsLastWeek > 0
  );
}

/** The groups in the order the digest shows them: those needing attention first, each part in the organisation's order. */
export function attentionFirst(groups: readonly DigestGroup[]): DigestGroup[] {
  return [...groups.filter(groupNeedsAttention), ...groups.filter((g) => !groupNeedsAttention(g))];
}

export interface DigestCardOptions {
  week: number;
  nextOf: (groupId: string) => string;
  /** The full overview's page starting at this group (attention first), instead of the digest's summary. */
  from?: number;
  maxBytes?: number;
  /** Open plan activities past their due date in the plans of the manager's groups (SPEC §11); 0 or none says nothing. */
  overduePlanActivities?: number;
  /** Recent broadcasts to the manager's groups with their readers among those groups' members (src/features/broadcast/digest.ts), and how many more. */
  broadcasts?: { lines: ReadonlyArray<{ title: string; read: number; recipients: number }>; more: number };
}

/**
 * One manager's digest: the totals that need attention, the groups needing
 * attention (all groups when there are few), the rest counted, the documents
 * due; within `maxBytes` (40 KB) however many groups the manager oversees.
 * With `from`, a page of every group, attention first, with a button to the next.
 */
export function digestCard(locale: Locale, d: Digest, o: DigestCardOptions): AdaptiveCardJson {
  const tt = totals(d);
  const lines: string[] = [];
  const add = (n: number, key: string) => n > 0 && lines.push(t(locale, `digest.lines.${key}`, { count: n }));
  add(tt.behindCadence, 'behind');
  add(tt.minutesMissing, 'minutesMissing');
  add(tt.overdueActions, 'overdueActions');
  add(o.overduePlanActivities ?? 0, 'overduePlanActivities');
  add(tt.reviewsOverdue, 'reviewsOverdue');
  add(tt.reviewsDueSoon, 'reviewsSoon');
  add(tt.consentsExpiring, 'consents');
  add(tt.refusals, 'refusals');
  add(tt.coming, 'coming');
  // Documents due soon, consents running out and refusals are worth the manager's attention too: the all-clear is for a week with none of them.
  const attention = needsAttention(tt) || tt.reviewsDueSoon + tt.consentsExpiring + tt.refusals + (o.overduePlanActivities ?? 0) > 0;
  // Each group's row is worked out once, however often fitList renders the card to find what fits.
  const rows = new Map<DigestGroup, ReturnType<typeof rowOf>>();
  const groupRow = (g: DigestGroup) => {
    let r = rows.get(g);
    if (!r) rows.set(g, (r = rowOf(g)));
    return r;
  };
  const rowOf = (g: DigestGroup) => {
    const good = !groupNeedsAttention(g);
    // A group behind on its action plan says so on its own line: the manager sees which group it is.
    const planLine = g.overduePlanActivities ? t(locale, 'digest.groupPlanOverdue', { count: g.overduePlanActivities }) : '';
    return {
      name: userText(g.name),
      mark: good ? '●' : '▲',
      color: good ? 'Good' : 'Attention',
      line:
        planLine +
        (g.cadence.expectedYear === null
          ? t(locale, 'digest.groupLineNoPlan', { held: g.cadence.held, count: g.cadence.held, next: o.nextOf(g.groupId) })
          : t(locale, 'digest.groupLine', {
              held: g.cadence.held,
              expected: g.cadence.expectedSoFar,
              count: g.cadence.expectedSoFar,
              next: o.nextOf(g.groupId),
            })),
    };
  };
  const base = {
    title: t(locale, 'digest.title'),
    subtitle: t(locale, 'digest.subtitle', { week: o.week, count: tt.groups }),
    headline: attention ? t(locale, 'digest.attention') : t(locale, 'digest.allGood'),
    headlineStyle: attention ? ('warning' as const) : ('good' as const),
    lines: lines.map((text) => ({ text })),
    reviews: d.reviews.slice(0, 8).map((r) => ({
      text: t(locale, r.latestDecision ? 'digest.reviewLineDecision' : 'digest.reviewLine', {
        title: userText(r.title),
        status: t(locale, `documents.status.${r.status}`).toLowerCase(),
        date: r.dueDate,
        decision: r.latestDecision ? decisionLine(r.latestDecision) : '',
      }),
      color: r.status === 'dueSoon' ? 'Warning' : 'Attention',
    })),
    broadcasts: [
      ...(o.broadcasts?.lines ?? []).map((b) => ({
        text: t(locale, 'digest.broadcastLine', {
          title: userText(b.title),
          read: b.read,
          recipients: b.recipients,
          percent: `${Math.round((100 * Math.min(b.read, b.recipients)) / Math.max(1, b.recipients))} %`,
        }),
      })),
      ...(o.broadcasts?.more ? [{ text: t(locale, 'digest.broadcastsMore', { count: o.broadcasts.more }) }] : []),
    ],
    labels: { reviews: t(locale, 'digest.labels.reviews'), meetings: t(locale, 'digest.labels.meetings') },
  };
  const ordered = attentionFirst(d.groups);
  const maxBytes = o.maxBytes ?? MAX_CARD_BYTES;
  const render = (data: Omit<DigestCardData, keyof typeof base>) => renderCard('digest', { ...base, ...data });
  // A group's share of the card is its row's JSON (each field appears once in the template): fitList sums these instead of searching by renders.
  const weigh = (g: DigestGroup) => jsonBytes(groupRow(g));

  if (o.from !== undefined) {
    // A page of the full overview.
    const start = Math.min(Math.max(0, Math.floor(o.from)), Math.max(0, ordered.length - 1));
    const page = ordered.slice(start, start + DIGEST_PAGE);
    return fitList(
      page,
      (shown, omitted) => {
        const end = start + shown.length;
        const left = ordered.length - end;
        return render({
          groups: shown.map(groupRow),
          rest: t(locale, 'digest.page', {
            first: shown.length ? start + 1 : start,
            last: end,
            total: ordered.length,
            count: shown.length,
          }),
          moreButton: left > 0 || omitted > 0 ? t(locale, 'digest.labels.next') : '',
          moreFrom: end,
        });
      },
      maxBytes,
      weigh,
    ).card;
  }

  const listed = d.groups.length <= DIGEST_FULL_LIST ? ordered : ordered.filter(groupNeedsAttention);
  const inOrder = d.groups.length - ordered.filter(groupNeedsAttention).length;
  return fitList(
    listed,
    (shown, omitted) => {
      const rest: string[] = [];
      if (omitted > 0) rest.push(t(locale, 'digest.moreAttention', { count: omitted }));
      if (listed.length < d.groups.length && inOrder > 0) rest.push(t(locale, 'digest.inOrder', { count: inOrder }));
      const partial = shown.length < d.groups.length;
      return render({
        groups: shown.map(groupRow),
        rest: rest.join(' · '),
        moreButton: partial ? t(locale, 'digest.labels.all', { count: d.groups.length }) : '',
        moreFrom: 0,
      });
    },
    maxBytes,
    weigh,
  ).card;
}
