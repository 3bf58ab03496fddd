import type { TableClient } from '@azure/data-tables';
import { fromStore } from '../domain/consent/checked-text';
import { localDate, type IsoDate } from '../domain/organisation/dates';
import { ACTIVITY_STATUSES, type ActivityStatus, type Organisation } from '../domain/organisation/model';
import { isOverdue, overdueByGroup, plansOf, type Plan, type PlanActivity, type StoredActivity } from '../domain/plans/plans';
import { decodeKey, encodeKey, tenantKey } from './keys';
import { getIfExists, odata } from './tables';

/**
 * Action plans' activities as changed or added in Teams (`plan.update`), one
 * row per (tenant, plan document, activity): partition the tenant, row key
 * `<documentId>|<activityId>`. The organisation file's activities are not
 * copied here; they are laid under these rows when read (domain/plans).
 * Every text in a row has passed the consent gate.
 */

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string };

const rowKey = (documentId: string, activityId: string) => `${encodeKey(documentId)}|${encodeKey(activityId)}`;

function toActivity(e: Row): StoredActivity {
  const [doc = '', act = ''] = String(e.rowKey ?? '').split('|');
  const status = String(e.status ?? 'planned');
  return {
    documentId: decodeKey(doc),
    activityId: decodeKey(act),
    what: fromStore(e.what),
    owner: String(e.owner ?? ''),
    due: String(e.due ?? ''),
    status: (ACTIVITY_STATUSES as readonly string[]).includes(status) ? (status as ActivityStatus) : 'planned',
    decisionRef: fromStore(e.decisionRef),
    added: e.added === true,
    updatedAt: String(e.updatedAt ?? ''),
    updatedBy: String(e.updatedBy ?? ''),
  };
}

export class PlanStore {
  constructor(private readonly table: TableClient) {}

  /** Every stored activity of the tenant (one partition). */
  async all(tenantId: string): Promise<StoredActivity[]> {
    const out: StoredActivity[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)}` } }))
      out.push(toActivity(e));
    return out;
  }

  /** One plan's stored activities (a row-key range in the tenant's partition). */
  async forDocument(tenantId: string, documentId: string): Promise<StoredActivity[]> {
    const from = `${encodeKey(documentId)}|`;
    const to = `${encodeKey(documentId)}}`; // '}' sorts right after '|'
    const out: StoredActivity[] = [];
    for await (const e of this.table.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)} and RowKey ge ${from} and RowKey lt ${to}` },
    }))
      out.push(toActivity(e));
    return out;
  }

  async get(tenantId: string, documentId: string, activityId: string): Promise<StoredActivity | undefined> {
    const e = await getIfExists<Row>(this.table, tenantKey(tenantId), rowKey(documentId, activityId));
    return e ? toActivity(e) : undefined;
  }

  /** Writes the activity as it now stands (the same change twice leaves one row as it was). */
  async put(tenantId: string, a: StoredActivity): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: tenantKey(tenantId),
        rowKey: rowKey(a.documentId, a.activityId),
        what: a.what,
        owner: a.owner,
        due: a.due,
        status: a.status,
        decisionRef: a.decisionRef,
        added: a.added,
        updatedAt: a.updatedAt,
        updatedBy: a.updatedBy,
      },
      'Replace',
    );
  }
}

// ------------------------------------------------------------------------------------------------
// Plain reads for other features (the digest, the report): the organisation's plans as they stand.

export interface PlanReadDeps {
  plans: Pick<PlanStore, 'all'>;
  organisation: Organisation;
  now: () => Date;
}

/** Every plan of the organisation with its activities as they stand (the file's with Teams' changes laid over). */
export async function readPlans(deps: PlanReadDeps): Promise<Plan[]> {
  return plansOf(deps.organisation, await deps.plans.all(deps.organisation.tenantId ?? ''));
}

export interface OverduePlanActivities {
  /** How many open activities are past their due date, in the groups asked for. */
  count: number;
  /** The same per group owning the plan. */
  byGroup: Map<string, number>;
  /** The activities themselves, oldest due date first. */
  activities: PlanActivity[];
  today: IsoDate;
}

/**
 * Overdue plan activities (open, due date passed), counted per the group
 * that owns the plan; `groupIds` limits it to those groups (a manager's).
 * The digest reads this.
 */
export async function overduePlanActivities(deps: PlanReadDeps, groupIds?: ReadonlySet<string>): Promise<OverduePlanActivities> {
  const today = localDate(deps.now(), deps.organisation.timeZone);
  const plans = (await readPlans(deps)).filter((p) => !groupIds || groupIds.has(p.document.ownerGroup));
  const byGroup = overdueByGroup(plans, today);
  const activities = plans
    .flatMap((p) => p.activities.filter((a) => isOverdue(a, today)))
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  return { count: activities.length, byGroup, activities, today };
}
