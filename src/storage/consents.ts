import { fromStore } from '../domain/consent/checked-text';
import type { TableClient } from '@azure/data-tables';
import type { ChildView, Consent, ConsentForm, Party, SingleGuardianReason } from '../domain/consent';
import { decodeKey, encodeKey, NO_TENANT } from './keys';
import { isNotFound, odata } from './tables';

const pk = (tenantId: string) => encodeKey(tenantId || NO_TENANT);
const join = (xs: string[]) => xs.join(',');
const split = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);

/**
 * The consent register: one row per consent in `Consents` (partition per
 * tenant, row = case reference), and an index `ConsentIndex` from a subject's
 * keyed hash to its case references, which is how the gate finds them. Only
 * keyed hashes are stored — never a personnummer or a name.
 */
export class ConsentStore {
  constructor(
    private readonly consents: TableClient,
    private readonly index: TableClient,
  ) {}

  /** Index rows first: a consent the gate cannot find would refuse, never wrongly allow. */
  async record(c: Consent): Promise<void> {
    for (const hash of [c.subject.personnummer, c.subject.name]) {
      if (!hash) continue;
      await this.index.upsertEntity({ partitionKey: pk(c.tenantId), rowKey: `${hash}_${c.caseRef}`, caseRef: c.caseRef }, 'Replace');
    }
    await this.consents.createEntity(toEntity(c));
  }

  async get(tenantId: string, caseRef: string): Promise<Consent | undefined> {
    try {
      return fromEntity(await this.consents.getEntity<Record<string, string>>(pk(tenantId), encodeKey(caseRef)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async getMany(tenantId: string, caseRefs: string[]): Promise<Consent[]> {
    const found = await Promise.all(caseRefs.map((r) => this.get(tenantId, r)));
    return found.filter((c): c is Consent => !!c);
  }

  /** The consents recorded for a subject hash (renewals make several). */
  async findByHash(tenantId: string, hash: string): Promise<Consent[]> {
    const refs: string[] = [];
    const iter = this.index.listEntities<{ caseRef: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${pk(tenantId)} and RowKey ge ${`${hash}_`} and RowKey lt ${`${hash}_~`}`,
        select: ['caseRef'],
      },
    });
    for await (const e of iter) refs.push(e.caseRef);
    return this.getMany(tenantId, refs);
  }

  /** Every consent of a tenant whose scope includes one of the groups. */
  async listForGroups(tenantId: string, groupIds: string[]): Promise<Consent[]> {
    const out: Consent[] = [];
    const iter = this.consents.listEntities<Record<string, string>>({ queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId)}` } });
    for await (const e of iter) {
      const c = fromEntity(e);
      if (c.scope.groupIds.some((g) => groupIds.includes(g))) out.push(c);
    }
    return out;
  }

  /** A renewal: the same case reference, a new last day (issue 18: consent through its life). */
  async renew(tenantId: string, caseRef: string, validUntil: string): Promise<void> {
    await this.consents.updateEntity({ partitionKey: pk(tenantId), rowKey: encodeKey(caseRef), validUntil }, 'Merge');
  }

  async withdraw(tenantId: string, caseRef: string, by: string, at: string): Promise<void> {
    await this.consents.updateEntity({ partitionKey: pk(tenantId), rowKey: encodeKey(caseRef), withdrawnAt: at, withdrawnBy: by }, 'Merge');
  }
}

function toEntity(c: Consent) {
  return {
    partitionKey: pk(c.tenantId),
    rowKey: encodeKey(c.caseRef),
    subjectPersonnummerHash: c.subject.personnummer ?? '',
    subjectNameHash: c.subject.name ?? '',
    subjectGivenNameHash: c.subject.givenName ?? '',
    parties: join(c.parties),
    form: c.form,
    documentRef: c.documentRef,
    groupIds: join(c.scope.groupIds),
    agencies: join(c.scope.agencies),
    informationCategories: c.scope.informationCategories,
    exclusions: c.scope.exclusions,
    purpose: c.purpose,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt,
    withdrawnAt: c.withdrawnAt ?? '',
    withdrawnBy: c.withdrawnBy ?? '',
    singleGuardianReason: c.singleGuardianReason ?? '',
    childAge: c.childAge === undefined ? '' : String(c.childAge),
    childView: c.childView ?? '',
    childViewNote: c.childViewNote ?? '',
  };
}

function fromEntity(e: Record<string, string> & { partitionKey?: string; rowKey?: string }): Consent {
  const tenant = decodeKey(e.partitionKey ?? '');
  return {
    caseRef: decodeKey(e.rowKey ?? ''),
    tenantId: tenant === NO_TENANT ? '' : tenant,
    subject: {
      personnummer: e.subjectPersonnummerHash || undefined,
      name: e.subjectNameHash || undefined,
      ...(e.subjectGivenNameHash ? { givenName: e.subjectGivenNameHash } : {}),
    },
    parties: split(e.parties) as Party[],
    form: (e.form || 'written') as ConsentForm,
    documentRef: fromStore(e.documentRef),
    scope: {
      groupIds: split(e.groupIds),
      agencies: split(e.agencies),
      informationCategories: fromStore(e.informationCategories),
      exclusions: fromStore(e.exclusions),
    },
    purpose: fromStore(e.purpose),
    validFrom: e.validFrom ?? '',
    validUntil: e.validUntil ?? '',
    recordedBy: e.recordedBy ?? '',
    recordedAt: e.recordedAt ?? '',
    withdrawnAt: e.withdrawnAt || undefined,
    withdrawnBy: e.withdrawnBy || undefined,
    ...(e.singleGuardianReason ? { singleGuardianReason: e.singleGuardianReason as SingleGuardianReason } : {}),
    ...(e.childAge ? { childAge: Number(e.childAge) } : {}),
    ...(e.childView ? { childView: e.childView as ChildView } : {}),
    ...(e.childViewNote ? { childViewNote: fromStore(e.childViewNote) } : {}),
  };
}
