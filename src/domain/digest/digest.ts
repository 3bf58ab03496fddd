import type { CadenceStatus } from '../organisation/cadence';
import type { ReviewStatus } from '../organisation/review-cycles';

/**
 * The managers' digest: for the groups a manager oversees, what a head of
 * administration needs at a glance. Counts only where people are concerned
 * (consents, refusals); no names, no case references.
 */

export interface DigestGroup {
  groupId: string;
  name: string;
  level: 'strategic' | 'tactical' | 'operative';
  cadence: CadenceStatus;
  /** Coming meetings within the digest's horizon (start instants). */
  coming: string[];
  /** Meetings held without final minutes three working days after. */
  minutesMissing: number;
  overdueActions: number;
  /** Consents (counts only) expiring within 30 days, for operative groups. */
  consentsExpiring: number;
  /** Consent-gate refusals in the last seven days (counts only). */
  refusalsLastWeek: number;
  /** Open activities past their due date in the action plans the group owns (SPEC §11); none when unknown. */
  overduePlanActivities?: number;
}

export interface DigestReview {
  documentId: string;
  title: string;
  ownerGroupName: string;
  dueDate: string;
  status: Extract<ReviewStatus, 'dueSoon' | 'overdue' | 'expired'>;
  /** The latest decision on the document (reference and date), if any. */
  latestDecision?: { ref: string; date?: string };
}

export interface Digest {
  managerId: string;
  weekOf: string;
  groups: DigestGroup[];
  reviews: DigestReview[];
}

export interface DigestTotals {
  groups: number;
  behindCadence: number;
  coming: number;
  minutesMissing: number;
  overdueActions: number;
  reviewsOverdue: number;
  reviewsDueSoon: number;
  consentsExpiring: number;
  refusals: number;
}

export function totals(d: Digest): DigestTotals {
  const sum = (f: (g: DigestGroup) => number) => d.groups.reduce((n, g) => n + f(g), 0);
  return {
    groups: d.groups.length,
    behindCadence: d.groups.filter((g) => !g.cadence.onTrack).length,
    coming: sum((g) => g.coming.length),
    minutesMissing: sum((g) => g.minutesMissing),
    overdueActions: sum((g) => g.overdueActions),
    reviewsOverdue: d.reviews.filter((r) => r.status !== 'dueSoon').length,
    reviewsDueSoon: d.reviews.filter((r) => r.status === 'dueSoon').length,
    consentsExpiring: sum((g) => g.consentsExpiring),
    refusals: sum((g) => g.refusalsLastWeek),
  };
}

/** Whether anything needs the manager's attention (the card leads with it). */
export function needsAttention(t: DigestTotals): boolean {
  return t.behindCadence + t.minutesMissing + t.overdueActions + t.reviewsOverdue > 0;
}
