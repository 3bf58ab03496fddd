import { createHash } from 'node:crypto';
import { configuredText, EMPTY_TEXT, type CheckedText } from '../consent/checked-text';
import { addDays, type IsoDate } from '../organisation/dates';
import { ACTIVITY_STATUSES, type ActivityStatus, type GoverningDocument, type Organisation } from '../organisation/model';

/**
 * Action plans (§11): a governing document of kind plan (handlingsplan,
 * aktivitetsplan, strategiplan) holds activities — what, who owns it (a
 * person or a group), by when, status, the decision it carries out. The
 * organisation file seeds them; changes and activities added in Teams are
 * stored (`StoredActivity`) and laid over the file's. Plain data and rules.
 */

export { ACTIVITY_STATUSES, type ActivityStatus };

/** The document types that are plans, in the seeds' words. */
const PLAN_WORD = /(handlings|aktivitets|strategi)plan|action plan|activity plan/i;

/** Whether a governing document is an action plan (by its type, or its id or title when it has none). */
export function isPlanDocument(doc: Pick<GoverningDocument, 'id' | 'title' | 'documentType' | 'activities'>): boolean {
  if (doc.activities?.length) return true;
  if (doc.documentType) return PLAN_WORD.test(doc.documentType);
  return PLAN_WORD.test(doc.id) || PLAN_WORD.test(doc.title);
}

/** The plans of an organisation. */
export function planDocuments(org: Pick<Organisation, 'documents'>): GoverningDocument[] {
  return org.documents.filter(isPlanDocument);
}

/** One activity as stored: what was added or changed in Teams (every text has passed the gate). */
export interface StoredActivity {
  documentId: string;
  activityId: string;
  what: CheckedText;
  owner: string;
  /** Empty: no due date. */
  due: IsoDate | '';
  status: ActivityStatus;
  decisionRef: CheckedText;
  /** Added in Teams (not in the organisation file). */
  added: boolean;
  updatedAt: string;
  /** Entra object id (or Teams id) of who changed it last. */
  updatedBy: string;
}

/** An activity as it stands: the file's, with what was stored laid over it. */
export interface PlanActivity {
  documentId: string;
  id: string;
  what: CheckedText;
  owner: string;
  due?: IsoDate;
  status: ActivityStatus;
  decisionRef?: CheckedText;
  source: 'file' | 'teams';
  updatedAt?: string;
}

/** A plan with its activities, in the file's order, then the added ones by when they were added. */
export interface Plan {
  document: GoverningDocument;
  activities: PlanActivity[];
}

export function planOf(doc: GoverningDocument, stored: readonly StoredActivity[]): Plan {
  const mine = stored.filter((s) => s.documentId === doc.id);
  const byId = new Map(mine.map((s) => [s.activityId, s]));
  const fromFile: PlanActivity[] = (doc.activities ?? []).map((a) => {
    const s = byId.get(a.id);
    if (s) return fromStored(s, 'file');
    return {
      documentId: doc.id,
      id: a.id,
      what: configuredText(a.what),
      owner: a.owner,
      due: a.due,
      status: a.status,
      decisionRef: a.decisionRef ? configuredText(a.decisionRef) : undefined,
      source: 'file',
    };
  });
  const fileIds = new Set(fromFile.map((a) => a.id));
  const added = mine
    .filter((s) => !fileIds.has(s.activityId))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.activityId.localeCompare(b.activityId))
    .map((s) => fromStored(s, 'teams'));
  return { document: doc, activities: [...fromFile, ...added] };
}

function fromStored(s: StoredActivity, source: PlanActivity['source']): PlanActivity {
  return {
    documentId: s.documentId,
    id: s.activityId,
    what: s.what,
    owner: s.owner,
    due: s.due || undefined,
    status: s.status,
    decisionRef: s.decisionRef || undefined,
    source,
    updatedAt: s.updatedAt,
  };
}

/** Every plan of the organisation with its activities. */
export function plansOf(org: Pick<Organisation, 'documents'>, stored: readonly StoredActivity[]): Plan[] {
  return planDocuments(org).map((d) => planOf(d, stored));
}

export const isOpen = (a: Pick<PlanActivity, 'status'>): boolean => a.status === 'planned' || a.status === 'ongoing';

/** Open and past its due date (the due date itself is still in time). */
export function isOverdue(a: Pick<PlanActivity, 'status' | 'due'>, today: IsoDate): boolean {
  return isOpen(a) && !!a.due && a.due < today;
}

/** Open and due within `days` days (not yet overdue). */
export function isDueSoon(a: Pick<PlanActivity, 'status' | 'due'>, today: IsoDate, days = 30): boolean {
  return isOpen(a) && !!a.due && a.due >= today && a.due <= addDays(today, days);
}

export interface PlanCounts {
  total: number;
  done: number;
  open: number;
  overdue: number;
  cancelled: number;
}

export function planCounts(activities: readonly PlanActivity[], today: IsoDate): PlanCounts {
  return {
    total: activities.length,
    done: activities.filter((a) => a.status === 'done').length,
    open: activities.filter(isOpen).length,
    overdue: activities.filter((a) => isOverdue(a, today)).length,
    cancelled: activities.filter((a) => a.status === 'cancelled').length,
  };
}

/** Most urgent first: overdue, then open by due date, then done and cancelled. */
export function byUrgency(today: IsoDate) {
  const rank = (a: PlanActivity) => (isOverdue(a, today) ? 0 : isOpen(a) ? 1 : a.status === 'done' ? 2 : 3);
  return (a: PlanActivity, b: PlanActivity): number =>
    rank(a) - rank(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.what.localeCompare(b.what, 'sv');
}

/**
 * The id of an activity added in Teams: from the plan and the text as the
 * gate checked it, so a resent `plan.update` (or the same activity added
 * twice) is one activity.
 */
export function newActivityId(documentId: string, what: CheckedText): string {
  const key = `${documentId}\n${what.trim().toLocaleLowerCase('sv')}`;
  return `t-${createHash('sha256')
    .update(key, 'utf8')
    .digest('base64url')
    .slice(0, 10)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

/** A status as a card or a person writes it; `closed`/`stängd` close the activity (done). */
export function parseStatus(raw: string): ActivityStatus | undefined {
  const v = raw.trim().toLowerCase();
  if ((ACTIVITY_STATUSES as readonly string[]).includes(v)) return v as ActivityStatus;
  const alias: Record<string, ActivityStatus> = {
    closed: 'done',
    close: 'done',
    klar: 'done',
    klart: 'done',
    stängd: 'done',
    avslutad: 'done',
    planerad: 'planned',
    pågår: 'ongoing',
    'in progress': 'ongoing',
    avbruten: 'cancelled',
    struken: 'cancelled',
  };
  return alias[v];
}

/** What an owner id names: a group or a person of the organisation, or nothing. */
export function ownerKind(org: Pick<Organisation, 'groups' | 'people'>, owner: string): 'group' | 'person' | undefined {
  if (org.groups.some((g) => g.id === owner)) return 'group';
  if (org.people.some((p) => p.id === owner)) return 'person';
  return undefined;
}

/** The change a `plan.update` asks for; empty fields keep what the activity has. */
export interface ActivityChange {
  what?: CheckedText;
  owner?: string;
  due?: IsoDate;
  status?: ActivityStatus;
}

export type ChangeResult =
  | { ok: true; activity: Omit<StoredActivity, 'updatedAt' | 'updatedBy'> }
  | { ok: false; problem: 'noText' | 'noOwner' };

/**
 * The activity after a change: an update of `current`, or a new activity
 * when there is none (which needs its text; the owner defaults to `defaultOwner`,
 * the plan's group).
 */
export function applyChange(
  documentId: string,
  activityId: string,
  current: PlanActivity | undefined,
  change: ActivityChange,
  defaultOwner: string,
): ChangeResult {
  const what = change.what ?? current?.what;
  if (!what) return { ok: false, problem: 'noText' };
  const owner = change.owner ?? current?.owner ?? defaultOwner;
  if (!owner) return { ok: false, problem: 'noOwner' };
  return {
    ok: true,
    activity: {
      documentId,
      activityId,
      what,
      owner,
      due: change.due ?? current?.due ?? '',
      status: change.status ?? current?.status ?? 'planned',
      decisionRef: current?.decisionRef ?? EMPTY_TEXT,
      added: current ? current.source === 'teams' : true,
    },
  };
}

/** Overdue activities per owning group of their plan (the digest's and the strategic agenda's count). */
export function overdueByGroup(plans: readonly Plan[], today: IsoDate): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of plans) {
    const n = p.activities.filter((a) => isOverdue(a, today)).length;
    if (n > 0) out.set(p.document.ownerGroup, (out.get(p.document.ownerGroup) ?? 0) + n);
  }
  return out;
}
