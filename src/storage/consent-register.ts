import type { Consent, ConsentListing } from '../domain/consent';
import { decodeKey, encodeKey, tenantKey } from './keys';

/**
 * The consent register by group, as `samtycke lista` pages through it
 * (issue 17): one row per consent and group it covers, in the ConsentIndex
 * table under partitions of their own, `reg|<tenant>|<group>` (the subject
 * index's partitions are the bare tenant key, which never holds `|`). The
 * RowKey orders a partition as the register shows it:
 *
 *     <segment><16 digits: 8.64e15 − recordedAt in ms>_<case reference>
 *
 * segment `a` for a consent not withdrawn, `w` for one withdrawn, so those
 * not withdrawn come first and the withdrawn last, each newest recorded
 * first. A consent's key is the same in every group it covers, so the
 * register of several groups is the merge of their ranges in RowKey order
 * with equal keys shown once, and where a page ended is one key: the next
 * page is every group's range after it. The row holds what the register
 * shows (case reference, groups, validity, who recorded and when, when
 * withdrawn): no hashes, no free text. Whether it is in force, not yet valid
 * or expired is worked out when it is read.
 */

/** Date's largest time in ms (8.64e15, 16 digits): the inverted time stays positive and of one width. */
const MAX_MS = 8_640_000_000_000_000;

/** A register RowKey, as the `consent.listPage` action carries it (a case reference is letters, digits and `-`). */
export const REGISTER_KEY = /^[aw][0-9]{16}_[A-Za-z0-9_.\-=,+@:~]{1,100}$/;

export const registerPartition = (tenantId: string, groupId: string): string => `reg|${tenantKey(tenantId)}|${encodeKey(groupId)}`;
/** The whole tenant's register in one partition: for one who sees most groups, one range filtered by group beats a merge of hundreds. */
export const registerTenantPartition = (tenantId: string): string => `reg|${tenantKey(tenantId)}`;

function invertedTime(recordedAt: string): string {
  const ms = Date.parse(recordedAt);
  return String(MAX_MS - (Number.isFinite(ms) ? Math.min(MAX_MS, Math.max(0, ms)) : 0)).padStart(16, '0');
}

/** A consent's RowKey in the register, in the segment its state puts it (or the one given). */
export function registerKey(
  c: Pick<Consent, 'caseRef' | 'recordedAt' | 'withdrawnAt'>,
  segment: 'a' | 'w' = c.withdrawnAt ? 'w' : 'a',
): string {
  return `${segment}${invertedTime(c.recordedAt)}_${encodeKey(c.caseRef)}`;
}

/** Both keys a consent can have (retention erases both). */
export function registerKeys(c: Pick<Consent, 'caseRef' | 'recordedAt'>): string[] {
  return [registerKey(c, 'a'), registerKey(c, 'w')];
}

export type RegisterEntity = {
  partitionKey: string;
  rowKey: string;
  caseRef: string;
  groupIds: string;
  validFrom: string;
  validUntil: string;
  recordedBy: string;
  recordedAt: string;
  withdrawnAt: string;
};

/** Every partition a consent has rows in: one per group it covers, and the tenant's. */
export function registerPartitions(tenantId: string, groupIds: string[]): string[] {
  return [...[...new Set(groupIds)].map((g) => registerPartition(tenantId, g)), registerTenantPartition(tenantId)];
}

/** The consent's rows, one per group it covers and one in the tenant's partition, in the segment its state puts it. */
export function registerEntities(c: Consent): RegisterEntity[] {
  const rowKey = registerKey(c);
  return registerPartitions(c.tenantId, c.scope.groupIds).map((partitionKey) => ({
    partitionKey,
    rowKey,
    caseRef: c.caseRef,
    groupIds: c.scope.groupIds.join(','),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt,
    withdrawnAt: c.withdrawnAt ?? '',
  }));
}

export function listingOf(e: Partial<Record<keyof RegisterEntity, unknown>>): ConsentListing {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const caseRef = s(e.caseRef) || decodeKey(s(e.rowKey).slice(18));
  return {
    caseRef,
    scope: { groupIds: s(e.groupIds).split(',').filter(Boolean) },
    validFrom: s(e.validFrom),
    validUntil: s(e.validUntil),
    recordedBy: s(e.recordedBy),
    recordedAt: s(e.recordedAt),
    ...(s(e.withdrawnAt) ? { withdrawnAt: s(e.withdrawnAt) } : {}),
  };
}

/** One row of the register: its key (where a page may end) and what it shows. */
export interface RegisterRow {
  key: string;
  listing: ConsentListing;
}

/** One group's range: at most `limit` rows with a key after `after`, in key order. */
export type RangeReader = (after: string, limit: number) => Promise<RegisterRow[]>;

export interface RegisterPage {
  rows: RegisterRow[];
  /** Whether rows follow the last one. */
  more: boolean;
  /** Where the next page starts when it is not after the last row (a filtered range stopped past rows it did not show). */
  next?: string;
  /** Rows the ranges answered, all groups together (what the page cost). */
  read: number;
}

/**
 * A page of `size` rows after `after` from several groups' ranges, merged
 * in key order, a consent covering several of them shown once. Each range
 * is read lazily: first about its share of the page (all of it with one
 * group), then in doubling batches as the merge takes its rows, so a page
 * reads about `size` rows plus a few per group, whatever the register holds.
 * One row more than the page is taken to know whether more follow.
 */
export async function mergeRanges(readers: RangeReader[], after: string, size: number): Promise<RegisterPage> {
  const want = size + 1;
  const first = readers.length <= 1 ? want : Math.min(want, Math.max(3, Math.ceil(want / readers.length) + 1));
  const streams = readers.map((read) => ({ read, buf: [] as RegisterRow[], last: after, done: false, batch: first }));
  let read = 0;
  const fill = async (s: (typeof streams)[number]) => {
    const rows = await s.read(s.last, s.batch);
    read += rows.length;
    // A range that answered fewer rows than asked is at its end.
    if (rows.length < s.batch) s.done = true;
    s.buf = rows.filter((r) => r.key > s.last);
    if (rows.length) s.last = rows[rows.length - 1]!.key;
    s.batch = Math.min(want, s.batch * 2);
  };
  const out: RegisterRow[] = [];
  while (out.length < want) {
    // A range whose rows are all taken is read on before the next row is chosen: its next row may come first.
    const empty = streams.filter((s) => s.buf.length === 0 && !s.done);
    if (empty.length) await Promise.all(empty.map(fill));
    let next: RegisterRow | undefined;
    for (const s of streams) if (s.buf.length && (!next || s.buf[0]!.key < next.key)) next = s.buf[0];
    if (!next) break;
    for (const s of streams) if (s.buf.length && s.buf[0]!.key === next.key) s.buf.shift();
    out.push(next);
  }
  return { rows: out.slice(0, size), more: out.length > size, read };
}

/**
 * A page of `size` rows after `after` from one range that holds other
 * groups' rows too, keeping those `keep` accepts: reads on in batches until
 * the page is full, the range ends, or `maxRead` rows were read; then the
 * page may be short, and the next one starts after the last row read.
 */
export async function filterRange(
  read: RangeReader,
  keep: (row: RegisterRow) => boolean,
  after: string,
  size: number,
  maxRead = 8 * (size + 1),
): Promise<RegisterPage> {
  const out: RegisterRow[] = [];
  let last = after;
  let total = 0;
  let batch = size + 1;
  for (;;) {
    const ask = Math.min(batch, maxRead - total);
    const rows = await read(last, ask);
    total += rows.length;
    for (const r of rows) {
      last = r.key;
      if (keep(r)) out.push(r);
      if (out.length > size) break;
    }
    // One row more than the page: the next page starts after the last one shown.
    if (out.length > size) return { rows: out.slice(0, size), more: true, read: total };
    if (rows.length < ask) return { rows: out, more: false, read: total };
    if (total >= maxRead) return { rows: out, more: true, next: last, read: total };
    batch *= 2;
  }
}
