import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { fromStore } from '../domain/consent/checked-text';
import {
  FAMILY_ROLES,
  SIP_PLAN_TEXT_FIELDS,
  SIP_STATUSES,
  type FamilyRole,
  type Sip,
  type SipPlan,
  type SipStatus,
} from '../domain/sip/sip';
import { encodeKey, groupPartition, jsonProperty } from './keys';
import { getIfExists, isConflict, odata, replaceOrCreate, withEtagRetry } from './tables';

/**
 * The SIPs of each operative group, one row per SIP in `Sips`, partitioned by
 * (tenant, group) like meetings: the group's list is one partition. The child
 * is only its case reference, the family only roles, and the plan's texts
 * are what the consent gate checked. The printable plan's token is kept as
 * a hash in `SipPrint` (one partition, row = hash): the page's only key.
 */

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };
const str = (e: Row, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
const split = (s: string) => (s ? s.split(',').filter(Boolean) : []);

/** What the SIP feature reads and writes (the port; the memory twin is the same class over memory tables). */
export interface SipRepository {
  create(sip: Sip): Promise<Sip | undefined>;
  get(tenantId: string, groupId: string, sipId: string): Promise<Sip | undefined>;
  update(tenantId: string, groupId: string, sipId: string, change: (cur: Sip) => Sip | undefined): Promise<Sip | undefined>;
  listGroup(tenantId: string, groupId: string): Promise<Sip[]>;
  registerPrintToken(token: string, sip: Pick<Sip, 'tenantId' | 'groupId' | 'id'>): Promise<void>;
  resolvePrintToken(token: string): Promise<{ tenantId: string; groupId: string; sipId: string } | undefined>;
}

export class SipStore implements SipRepository {
  constructor(
    private readonly table: TableClient,
    private readonly printTable: TableClient,
  ) {}

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  /** Writes a new SIP; undefined when one with this id exists already (a resent activity). */
  async create(sip: Sip): Promise<Sip | undefined> {
    try {
      const res = await this.table.createEntity(toRow(sip));
      return { ...sip, etag: res.etag };
    } catch (err) {
      if (isConflict(err)) return undefined;
      throw err;
    }
  }

  async get(tenantId: string, groupId: string, sipId: string): Promise<Sip | undefined> {
    const e = await getIfExists<Row>(this.table, groupPartition(tenantId, groupId), encodeKey(sipId));
    return e && fromRow(tenantId, groupId, sipId, e);
  }

  /** Changes a SIP with an ETag-conditional write, retrying on conflict; a missing SIP stays missing. */
  async update(tenantId: string, groupId: string, sipId: string, change: (cur: Sip) => Sip | undefined): Promise<Sip | undefined> {
    return withEtagRetry(
      () => this.get(tenantId, groupId, sipId),
      (next, etag) => replaceOrCreate(this.table, toRow(next), etag),
      (cur) => (cur ? change(cur) : undefined),
    );
  }

  /** Every SIP of a group, in id order (one partition). */
  async listGroup(tenantId: string, groupId: string): Promise<Sip[]> {
    const out: Sip[] = [];
    const iter = this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${groupPartition(tenantId, groupId)}` } });
    for await (const e of iter) out.push(fromRow(tenantId, groupId, str(e, 'sipId'), e));
    return out;
  }

  async registerPrintToken(token: string, sip: Pick<Sip, 'tenantId' | 'groupId' | 'id'>): Promise<void> {
    await this.printTable.upsertEntity(
      { partitionKey: 'p', rowKey: SipStore.hash(token), tenantId: sip.tenantId, groupId: sip.groupId, sipId: sip.id },
      'Replace',
    );
  }

  async resolvePrintToken(token: string): Promise<{ tenantId: string; groupId: string; sipId: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    const e = await getIfExists<Row>(this.printTable, 'p', SipStore.hash(token));
    return e && { tenantId: str(e, 'tenantId'), groupId: str(e, 'groupId'), sipId: str(e, 'sipId') };
  }
}

function toRow(s: Sip) {
  return {
    partitionKey: groupPartition(s.tenantId, s.groupId),
    rowKey: encodeKey(s.id),
    sipId: s.id,
    caseRef: s.caseRef,
    status: s.status,
    agencies: s.agencies.join(','),
    family: s.family.join(','),
    meetingId: s.meetingId ?? '',
    plan: s.plan ? JSON.stringify(s.plan) : '',
    followUps: s.followUps.join(','),
    printToken: s.printToken ?? '',
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    closedAt: s.closedAt ?? '',
    closedBy: s.closedBy ?? '',
  };
}

function planOf(value: unknown): SipPlan | undefined {
  const raw = jsonProperty<Record<string, unknown> | undefined>(value, undefined);
  if (!raw || typeof raw !== 'object') return undefined;
  const plan = {} as SipPlan;
  for (const k of SIP_PLAN_TEXT_FIELDS) plan[k] = fromStore(raw[k]);
  plan.followUpDate = typeof raw.followUpDate === 'string' ? raw.followUpDate : '';
  plan.plannedAt = typeof raw.plannedAt === 'string' ? raw.plannedAt : '';
  plan.plannedBy = typeof raw.plannedBy === 'string' ? raw.plannedBy : '';
  if (typeof raw.key === 'string') plan.key = raw.key;
  return plan;
}

function fromRow(tenantId: string, groupId: string, sipId: string, e: Row): Sip {
  const status = str(e, 'status');
  const sip: Sip = {
    id: sipId,
    tenantId,
    groupId,
    caseRef: str(e, 'caseRef'),
    status: ((SIP_STATUSES as readonly string[]).includes(status) ? status : 'draft') as SipStatus,
    agencies: split(str(e, 'agencies')),
    family: split(str(e, 'family')).filter((r): r is FamilyRole => (FAMILY_ROLES as readonly string[]).includes(r)),
    followUps: split(str(e, 'followUps')),
    createdBy: str(e, 'createdBy'),
    createdAt: str(e, 'createdAt'),
    updatedAt: str(e, 'updatedAt'),
    etag: typeof e.etag === 'string' ? e.etag : undefined,
  };
  const plan = planOf(e.plan);
  if (plan) sip.plan = plan;
  if (str(e, 'meetingId')) sip.meetingId = str(e, 'meetingId');
  if (str(e, 'printToken')) sip.printToken = str(e, 'printToken');
  if (str(e, 'closedAt')) sip.closedAt = str(e, 'closedAt');
  if (str(e, 'closedBy')) sip.closedBy = str(e, 'closedBy');
  return sip;
}
