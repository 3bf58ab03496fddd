import { createHash } from 'node:crypto';
import { encodeKey } from './keys';

/**
 * How durable jobs are laid out in Table Storage, and their rows mapped to
 * and from entities (the queries are in jobs.ts).
 *
 * - `Jobs<yyyymmdd>`: one table per UTC day, one row per job. PartitionKey
 *   is the UTC hour the job is due in (`2026-03-10T09`; deliberately not
 *   `2026031009`, which has the shape of a personnummer and would be masked
 *   in logs), RowKey `<dueAt ISO>~<id>`, so a partition lists in due order
 *   and finding due work reads only the hours from the cursor up to now,
 *   never the future. A table per day keeps that true on the emulator too
 *   (Azurite tests every row of a table against a query's filter, where
 *   Azure serves a partition range from its index) and lets old days be
 *   dropped whole.
 * - `JobIds`: job id → where its row is, so scheduling the same id twice
 *   gives one job and a job can be cancelled by id alone. Partitioned by a
 *   hash prefix of the id (256 partitions), so batches stay possible.
 * - `JobState`: the cursor (the earliest hour that may still hold work).
 */

export type JobStatus = 'pending' | 'running' | 'done' | 'parked' | 'cancelled';

export interface JobRef {
  id: string;
  partitionKey: string;
  rowKey: string;
}

export interface Job {
  id: string;
  kind: string;
  /** Small JSON; never personal data in clear (use ids, case references, keyed hashes). */
  payload: string;
  dueAt: string;
  /** Not to be run before this instant (moved on by retries). */
  notBefore: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string;
  leaseUntil: string;
  /** A short code (an error's `code` or name), never a message. */
  lastError: string;
  idempotencyKey: string;
  doneAt: string;
  createdAt: string;
}

export interface JobRow extends Job, JobRef {
  etag: string;
}

export interface NewJob {
  id: string;
  kind: string;
  payload: string;
  dueAt: Date;
  maxAttempts: number;
  idempotencyKey: string;
}

export const MAX_PAYLOAD_CHARS = 16_000;

const HOUR_MS = 3_600_000;

/** The partition (UTC hour) an instant falls in: `2026-03-10T09`. */
export function bucketOf(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 13);
}

export function bucketStart(bucket: string): number {
  return Date.parse(`${bucket}:00:00.000Z`);
}

export function nextBucket(bucket: string): string {
  return bucketOf(bucketStart(bucket) + HOUR_MS);
}

/** The table a bucket's rows live in: one per UTC day. */
export function jobTableOf(bucket: string): string {
  return `${JOBS_TABLE}${bucket.slice(0, 10).replace(/-/g, '')}`;
}

export const JOBS_TABLE = 'Jobs';

export function jobRowKey(dueAt: Date, id: string): string {
  return `${dueAt.toISOString()}~${encodeKey(id)}`;
}

export function idPartition(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

type Stored = Omit<Job, never>;

/** A job row as read from its table; missing properties read as empty. */
export function toRow(e: Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag: string }): JobRow {
  const s = (k: keyof Job) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  const n = (k: keyof Job) => (typeof e[k] === 'number' ? (e[k] as number) : Number(e[k] ?? 0));
  return {
    partitionKey: e.partitionKey ?? '',
    rowKey: e.rowKey ?? '',
    etag: e.etag,
    id: s('id'),
    kind: s('kind'),
    payload: s('payload'),
    dueAt: s('dueAt'),
    notBefore: s('notBefore'),
    status: s('status') as JobStatus,
    attempts: n('attempts'),
    maxAttempts: n('maxAttempts'),
    leaseOwner: s('leaseOwner'),
    leaseUntil: s('leaseUntil'),
    lastError: s('lastError'),
    idempotencyKey: s('idempotencyKey'),
    doneAt: s('doneAt'),
    createdAt: s('createdAt'),
  };
}

/** The row of a new job, pending and never attempted. */
export function newJobEntity(job: NewJob, ref: JobRef, createdAt: Date): Stored & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: ref.partitionKey,
    rowKey: ref.rowKey,
    id: job.id,
    kind: job.kind,
    payload: job.payload,
    dueAt: job.dueAt.toISOString(),
    notBefore: job.dueAt.toISOString(),
    status: 'pending',
    attempts: 0,
    maxAttempts: job.maxAttempts,
    leaseOwner: '',
    leaseUntil: '',
    lastError: '',
    idempotencyKey: job.idempotencyKey,
    doneAt: '',
    createdAt: createdAt.toISOString(),
  };
}

/** The `JobIds` row that says where a job's row is. */
export function jobIdEntity(ref: JobRef, job: NewJob, createdAt: Date) {
  return {
    partitionKey: idPartition(ref.id),
    rowKey: encodeKey(ref.id),
    jobPk: ref.partitionKey,
    jobRk: ref.rowKey,
    kind: job.kind,
    createdAt: createdAt.toISOString(),
  };
}

/** The UTC day after `day` (`yyyy-mm-dd`). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
