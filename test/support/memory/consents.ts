import type { Consent, ConsentForm, Party } from '../../../src/domain/consent';
import { fromStore } from '../../../src/domain/consent/checked-text';
import type { ConsentStore } from '../../../src/storage/consents';
import { decodeKey, encodeKey } from '../../../src/storage/keys';
import { isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Props, type Public } from './table';

/**
 * ConsentStore (src/storage/consents.ts): the register (a second `record`
 * of a case reference fails with the 409 of its insert), the subject-hash
 * index written first, `withdraw` a merge that fails with a 404 when there
 * is no such consent. Lists come in row-key order.
 */

const NO_TENANT = '~none';
const pk = (tenantId: string) => encodeKey(tenantId || NO_TENANT);
const join = (xs: string[]) => xs.join(',');
const split = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);

export class MemoryConsentStore implements Public<ConsentStore> {
  readonly consents = new MemoryTable();
  readonly index = new MemoryTable();

  async record(c: Consent): Promise<void> {
    for (const hash of [c.subject.personnummer, c.subject.name]) {
      if (!hash) continue;
      await this.index.upsertEntity({ partitionKey: pk(c.tenantId), rowKey: `${hash}_${c.caseRef}`, caseRef: c.caseRef }, 'Replace');
    }
    await this.consents.createEntity(toEntity(c));
  }

  async get(tenantId: string, caseRef: string): Promise<Consent | undefined> {
    try {
      return fromEntity(await this.consents.getEntity(pk(tenantId), encodeKey(caseRef)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async getMany(tenantId: string, caseRefs: string[]): Promise<Consent[]> {
    const found = await Promise.all(caseRefs.map((r) => this.get(tenantId, r)));
    return found.filter((c): c is Consent => !!c);
  }

  async findByHash(tenantId: string, hash: string): Promise<Consent[]> {
    const p = pk(tenantId);
    const lo = `${hash}_`;
    const hi = `${hash}_~`;
    const refs = this.index.listEntities((e) => e.partitionKey === p && e.rowKey >= lo && e.rowKey < hi).map((e) => e.caseRef as string);
    return this.getMany(tenantId, refs);
  }

  async listForGroups(tenantId: string, groupIds: string[]): Promise<Consent[]> {
    const p = pk(tenantId);
    return this.consents
      .listEntities((e) => e.partitionKey === p)
      .map(fromEntity)
      .filter((c) => c.scope.groupIds.some((g) => groupIds.includes(g)));
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
  };
}

function fromEntity(row: Props & { partitionKey: string; rowKey: string }): Consent {
  const e = row as Record<string, string> & { partitionKey: string; rowKey: string };
  const tenant = decodeKey(e.partitionKey);
  return {
    caseRef: decodeKey(e.rowKey),
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
  };
}
