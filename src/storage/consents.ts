import { fromStore } from '../domain/consent/checked-text';
import type { TableClient } from '@azure/data-tables';
import type { ChildView, Consent, ConsentForm, Party, SingleGuardianReason } from '../domain/consent';
import { pool } from './jobs';
import { decodeKey, encodeKey, NO_TENANT } from './keys';
import {
  filterRange,
  listingOf,
  mergeRanges,
  registerEntities,
  registerKey,
  registerPartition,
  registerTenantPartition,
  type RegisterEntity,
  type RegisterPage,
  type RegisterRow,
} from './consent-register';
import { addToSubject, readSubject, subjectEntity, type SubjectEntity } from './consent-subjects';
import { deleteIfExists, getIfExists, isConflict, isNotFound, odata } from './tables';

const pk = (tenantId: string) => encodeKey(tenantId || NO_TENANT);
const join = (xs: string[]) => xs.join(',');
/** The partition of the register backfill's markers, one row per tenant (a tenant key never starts with `~r`). */
const REGISTER_BACKFILLED = '~registerBackfilled';
/** The partition of the subject index backfill's markers, one row per tenant. */
const SUBJECTS_BACKFILLED = '~subjectsBackfilled';
const split = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);

/**
 * The consent register: one row per consent in `Consents` (partition per
 * tenant, row = case reference), and an index `ConsentIndex` from a subject's
 * keyed hash to its case references, which is how the gate finds them: one
 * row per hash, read with one point read (src/storage/consent-subjects.ts;
 * the rows `<hash>_<case reference>` in the tenant's partition are the index
 * as it was kept before, read no more, and erased with their consent). Only
 * keyed hashes are stored — never a personnummer or a name. The same
 * `ConsentIndex` table keeps the register by group in partitions of their
 * own (src/storage/consent-register.ts), written with every change of a
 * consent, so a page of `samtycke lista` is a key range per group.
 */
export class ConsentStore {
  constructor(
    private readonly consents: TableClient,
    private readonly index: TableClient,
  ) {}

  /** Index rows first: a consent the gate cannot find would refuse, never wrongly allow. */
  async record(c: Consent): Promise<void> {
    for (const hash of [c.subject.personnummer, c.subject.name]) if (hash) await addToSubject(this.index, c.tenantId, hash, c.caseRef);
    await this.consents.createEntity(toEntity(c));
    // After the consent: a resent recording (a conflict above) lists nothing twice; a crash here leaves it for `relist`.
    for (const e of registerEntities(c)) await this.index.upsertEntity(e, 'Replace');
  }

  /**
   * Writes the consent's register rows as it stands now and removes those of
   * the other segment (a repair after a crash between the consent's write
   * and its rows'; running it twice changes nothing).
   */
  async relist(c: Consent): Promise<void> {
    const other = registerKey(c, c.withdrawnAt ? 'a' : 'w');
    for (const e of registerEntities(c)) {
      await this.index.upsertEntity(e, 'Replace');
      await deleteIfExists(this.index, e.partitionKey, other);
    }
  }

  /**
   * A page of the register of these groups: `size` consents after the key
   * `after` ('' for the first page), not withdrawn first, then withdrawn,
   * each newest recorded first (consent-register.ts), a consent of several
   * groups once. One key range per group, about a page of rows in all.
   */
  async listRegister(tenantId: string, groupIds: string[], after: string, size: number, o: { wide?: boolean } = {}): Promise<RegisterPage> {
    const range = (partition: string) => async (from: string, limit: number) => {
      const rows: RegisterRow[] = [];
      const iter = this.index
        .listEntities<RegisterEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey gt ${from}` } })
        .byPage({ maxPageSize: limit });
      // The service may answer a short page with a continuation: read on until the limit or the end.
      for await (const page of iter) {
        for (const e of page) if (rows.length < limit) rows.push({ key: e.rowKey!, listing: listingOf(e) });
        if (rows.length >= limit) break;
      }
      return rows;
    };
    const groups = new Set(groupIds);
    // Most of the tenant's groups: the tenant's one range, each row kept if it covers one of them.
    if (o.wide)
      return filterRange(range(registerTenantPartition(tenantId)), (r) => r.listing.scope.groupIds.some((g) => groups.has(g)), after, size);
    return mergeRanges(
      [...groups].map((g) => range(registerPartition(tenantId, g))),
      after,
      size,
    );
  }

  /**
   * The register's backfill, once per tenant: a marker row in ConsentIndex
   * says it is done, so every later start costs one point read. Answers what
   * it did, or undefined when it had been done.
   */
  async backfillRegisterOnce(tenantId: string): Promise<{ consents: number; created: number; removed: number } | undefined> {
    const marker = { partitionKey: REGISTER_BACKFILLED, rowKey: pk(tenantId) };
    if (await getIfExists(this.index, marker.partitionKey, marker.rowKey)) return undefined;
    const summary = await this.backfillRegister(tenantId);
    await this.index.upsertEntity({ ...marker, ...summary }, 'Replace');
    return summary;
  }

  /**
   * The one-off backfill of the register by group (issue 17) for consents
   * recorded before it was kept: reads the tenant's consents and its groups'
   * register rows, creates the rows that are missing (never replacing one a
   * renewal or withdrawal wrote meanwhile) and removes a withdrawn consent's
   * row left among those not withdrawn. Running it again writes nothing.
   */
  async backfillRegister(tenantId: string): Promise<{ consents: number; created: number; removed: number }> {
    const all: Consent[] = [];
    for await (const e of this.consents.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId)}` },
    }))
      all.push(fromEntity(e));
    const partitions = [...new Set(all.flatMap((c) => registerEntities(c).map((e) => e.partitionKey)))];
    const existing = new Map<string, Set<string>>();
    await pool(partitions, 8, async (partition) => {
      const keys = new Set<string>();
      for await (const e of this.index.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] } }))
        keys.add(e.rowKey!);
      existing.set(partition, keys);
    });
    const missing = new Map<string, RegisterEntity[]>();
    const stale: Array<[string, string]> = [];
    for (const c of all) {
      const other = registerKey(c, c.withdrawnAt ? 'a' : 'w');
      for (const e of registerEntities(c)) {
        const have = existing.get(e.partitionKey);
        if (!have?.has(e.rowKey)) missing.set(e.partitionKey, [...(missing.get(e.partitionKey) ?? []), e]);
        if (c.withdrawnAt && have?.has(other)) stale.push([e.partitionKey, other]);
      }
    }
    const batches: RegisterEntity[][] = [];
    for (const rows of missing.values()) for (let i = 0; i < rows.length; i += 100) batches.push(rows.slice(i, i + 100));
    await pool(batches, 8, async (batch) => {
      try {
        await this.index.submitTransaction(batch.map((e) => ['create', e]));
      } catch (err) {
        // A row written meanwhile fails the whole batch: then row by row, keeping what is there.
        if (!isConflict(err) && (err as { statusCode?: number }).statusCode !== 400) throw err;
        for (const e of batch)
          await this.index.createEntity(e).catch((e2: unknown) => {
            if (!isConflict(e2)) throw e2;
          });
      }
    });
    await pool(stale, 8, ([p, r]) => deleteIfExists(this.index, p, r));
    return { consents: all.length, created: batches.reduce((n, b) => n + b.length, 0), removed: stale.length };
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

  /** The consents recorded for a subject hash (several cases make several): a point read, then one per consent. */
  async findByHash(tenantId: string, hash: string): Promise<Consent[]> {
    return this.getMany(tenantId, await readSubject(this.index, tenantId, hash));
  }

  /**
   * The subject index's backfill, once per tenant (as the register's): a
   * marker row says it is done, so every later start costs one point read.
   * Answers what it did, or undefined when it had been done.
   */
  async backfillSubjectsOnce(tenantId: string): Promise<{ consents: number; subjects: number } | undefined> {
    const marker = { partitionKey: SUBJECTS_BACKFILLED, rowKey: pk(tenantId) };
    if (await getIfExists(this.index, marker.partitionKey, marker.rowKey)) return undefined;
    const summary = await this.backfillSubjects(tenantId);
    await this.index.upsertEntity({ ...marker, ...summary }, 'Replace');
    return summary;
  }

  /**
   * The one-off backfill of the subject index (issue 17) for consents
   * recorded before it was kept: reads the tenant's consents' hashes and
   * merges each into its subject's row, 100 rows of a partition a
   * transaction. A merge only adds columns, so a consent recorded meanwhile
   * stays listed, and running it again changes nothing. Until it has run, a
   * consent it has not listed yet is not found: the gate refuses, never
   * wrongly allows.
   */
  async backfillSubjects(tenantId: string): Promise<{ consents: number; subjects: number }> {
    const rows = new Map<string, SubjectEntity>();
    let consents = 0;
    for await (const e of this.consents.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId)}`, select: ['RowKey', 'subjectPersonnummerHash', 'subjectNameHash'] },
    })) {
      consents += 1;
      const caseRef = decodeKey(e.rowKey ?? '');
      for (const hash of [e.subjectPersonnummerHash, e.subjectNameHash]) {
        if (!hash) continue;
        const part = subjectEntity(tenantId, hash, caseRef);
        const key = `${part.partitionKey}\u0000${hash}`;
        rows.set(key, { ...rows.get(key), ...part });
      }
    }
    const byPartition = new Map<string, SubjectEntity[]>();
    for (const r of rows.values()) byPartition.set(r.partitionKey, [...(byPartition.get(r.partitionKey) ?? []), r]);
    const batches: SubjectEntity[][] = [];
    for (const list of byPartition.values()) for (let i = 0; i < list.length; i += 100) batches.push(list.slice(i, i + 100));
    await pool(batches, 8, (batch) => this.index.submitTransaction(batch.map((e) => ['upsert', e, 'Merge'])).then(() => undefined));
    return { consents, subjects: rows.size };
  }

  /** Every consent of a tenant whose scope includes one of the groups (reads them all: not for a turn; the register pages with `listRegister`). */
  async listForGroups(tenantId: string, groupIds: string[]): Promise<Consent[]> {
    const out: Consent[] = [];
    const iter = this.consents.listEntities<Record<string, string>>({ queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId)}` } });
    for await (const e of iter) {
      const c = fromEntity(e);
      if (c.scope.groupIds.some((g) => groupIds.includes(g))) out.push(c);
    }
    return out;
  }

  /** A renewal: the same case reference, a new last day (issue 18: consent through its life); its register rows show it. */
  async renew(tenantId: string, caseRef: string, validUntil: string): Promise<void> {
    await this.consents.updateEntity({ partitionKey: pk(tenantId), rowKey: encodeKey(caseRef), validUntil }, 'Merge');
    const c = await this.get(tenantId, caseRef);
    if (c) for (const e of registerEntities(c)) await this.index.upsertEntity(e, 'Replace');
  }

  /**
   * Withdraws the consent, then moves its register rows to the withdrawn
   * segment. In that order: a crash in between leaves the register showing
   * it in force while the gate (which reads the consent) already refuses —
   * never the other way round; withdrawing again repairs it (`relist`).
   */
  async withdraw(tenantId: string, caseRef: string, by: string, at: string): Promise<void> {
    await this.consents.updateEntity({ partitionKey: pk(tenantId), rowKey: encodeKey(caseRef), withdrawnAt: at, withdrawnBy: by }, 'Merge');
    const c = await this.get(tenantId, caseRef);
    if (c) await this.relist(c);
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
