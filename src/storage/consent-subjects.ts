import type { TableClient } from '@azure/data-tables';
import { tenantKey } from './keys';
import { getIfExists, isConflict, isNotFound } from './tables';

/**
 * The gate's subject index (issue 17): one row per subject's keyed hash in
 * the ConsentIndex table, so finding a subject's consents is one point read,
 * not a key range (Azurite evaluates a range query over every row of the
 * table: 11 ms at 20,000 consents). The row is
 *
 *     PartitionKey `sub|<tenant>|<first character of the hash>`, RowKey the hash,
 *
 * with one column per consent recorded for the subject, `c<case reference in
 * hex>` holding the case reference. A new consent adds its column with a
 * merge, so recording needs no read and two recordings for one subject both
 * land. Spreading a tenant's subjects over 64 partitions (the hash is
 * base64url) keeps each one small, for the stores that find a point read's
 * partition first, and lets a backfill write them 100 rows a transaction.
 * Only keyed hashes and case references are stored: never a personnummer or
 * a name. (The subject partitions begin `sub|`; a bare tenant key never holds
 * `|`, so they meet neither the older index rows nor the register's `reg|`.)
 */

export const subjectPartition = (tenantId: string, hash: string): string => `sub|${tenantKey(tenantId)}|${hash.slice(0, 1)}`;

const COLUMN = /^c[0-9a-f]+$/;
const columnOf = (caseRef: string): string => `c${Buffer.from(caseRef, 'utf8').toString('hex')}`;

export type SubjectEntity = { partitionKey: string; rowKey: string } & Record<string, string>;

/** The subject row's part for one consent: merged into the row, it adds the consent and leaves the others. */
export function subjectEntity(tenantId: string, hash: string, caseRef: string): SubjectEntity {
  return { partitionKey: subjectPartition(tenantId, hash), rowKey: hash, [columnOf(caseRef)]: caseRef };
}

/** The case references a subject row lists. */
export function caseRefsOf(row: Record<string, unknown> | undefined): string[] {
  if (!row) return [];
  return Object.entries(row)
    .filter(([k, v]) => COLUMN.test(k) && typeof v === 'string' && v !== '')
    .map(([, v]) => v as string)
    .sort();
}

/** The case references recorded for a subject hash: one point read. */
export async function readSubject(index: TableClient, tenantId: string, hash: string): Promise<string[]> {
  return caseRefsOf(await getIfExists<Record<string, unknown>>(index, subjectPartition(tenantId, hash), hash));
}

/** Adds a consent to its subject's row (a merge: no read, and writing it twice changes nothing). */
export async function addToSubject(index: TableClient, tenantId: string, hash: string, caseRef: string): Promise<void> {
  await index.upsertEntity(subjectEntity(tenantId, hash, caseRef), 'Merge');
}

/**
 * Takes a consent off its subject's row (retention erasing it): the row is
 * replaced without its column, or deleted, hash and all, when it was the
 * subject's last consent; both conditional on the row as read, so a consent
 * recorded meanwhile stays. Nothing to do when it is not listed.
 */
export async function removeFromSubject(index: TableClient, tenantId: string, hash: string, caseRef: string): Promise<void> {
  const partitionKey = subjectPartition(tenantId, hash);
  const column = columnOf(caseRef);
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await getIfExists<Record<string, unknown>>(index, partitionKey, hash);
    if (!row || !(column in row)) return;
    const rest: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (k !== column && COLUMN.test(k) && typeof v === 'string' && v) rest[k] = v;
    try {
      if (Object.keys(rest).length === 0) await index.deleteEntity(partitionKey, hash, { etag: row.etag as string });
      else await index.updateEntity({ partitionKey, rowKey: hash, ...rest }, 'Replace', { etag: row.etag as string });
      return;
    } catch (err) {
      if (isNotFound(err)) return;
      if (!isConflict(err)) throw err;
    }
  }
  throw Object.assign(new Error('a subject row kept changing while a consent was taken off it'), { code: 'UpdateConflict' });
}
