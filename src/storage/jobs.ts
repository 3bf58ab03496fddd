import type { TableClient, TransactionAction } from '@azure/data-tables';
import { encodeKey } from './keys';
import {
  bucketOf,
  idPartition,
  jobIdEntity,
  jobRowKey,
  jobTableOf,
  newJobEntity,
  nextDay,
  toRow,
  type Job,
  type JobRef,
  type JobRow,
  type NewJob,
} from './job-rows';
import { isConflict, isNotFound, odata, TABLES, type TableStore } from './tables';

export {
  bucketOf,
  bucketStart,
  JOBS_TABLE,
  jobRowKey,
  jobTableOf,
  MAX_PAYLOAD_CHARS,
  nextBucket,
  type Job,
  type JobRef,
  type JobRow,
  type JobStatus,
  type NewJob,
} from './job-rows';

/**
 * The job store's queries over the tables described in job-rows.ts: the
 * day tables of job rows, the `JobIds` index and the `JobState` cursor.
 * Every state change of a job row is ETag-conditional; a 412 means another
 * process changed it first.
 */

const CURSOR_PK = 'cursor';
const CURSOR_RK = 'jobs';
const BATCH = 100;

export class JobStore {
  private readonly created = new Map<string, Promise<void>>();

  constructor(
    /** The TableClient of a table name (the store adds its prefix). */
    private readonly tableClient: (name: string) => TableClient,
    private readonly ids: TableClient,
    private readonly state: TableClient,
  ) {}

  /** The day table of a bucket, for reading (a missing table reads as empty). */
  private table(bucket: string): TableClient {
    return this.tableClient(jobTableOf(bucket));
  }

  /** The day table of a bucket, created on first use in this process. */
  private async writable(bucket: string): Promise<TableClient> {
    const name = jobTableOf(bucket);
    let p = this.created.get(name);
    if (!p) {
      p = this.tableClient(name)
        .createTable()
        .catch((err: unknown) => {
          this.created.delete(name);
          throw err;
        });
      this.created.set(name, p);
    }
    await p;
    return this.tableClient(name);
  }

  /** Where a job scheduled now (`placedAt`) for `dueAt` lives: work due in the past goes into the current hour, which the cursor has not passed. */
  locate(job: Pick<NewJob, 'id' | 'dueAt'>, placedAt: Date): JobRef {
    const inBucket = job.dueAt.getTime() < placedAt.getTime() ? placedAt : job.dueAt;
    return { id: job.id, partitionKey: bucketOf(inBucket), rowKey: jobRowKey(job.dueAt, job.id) };
  }

  /**
   * Creates the job unless its id is already scheduled (then answers where
   * that one is). The id row goes first: a crash between the two writes
   * leaves an id without a job, which the next schedule of that id repairs.
   */
  async insert(job: NewJob, placedAt: Date): Promise<{ ref: JobRef; created: boolean }> {
    const ref = this.locate(job, placedAt);
    try {
      await this.ids.createEntity(jobIdEntity(ref, job, placedAt));
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await this.findById(job.id);
      if (!existing) return this.insert(job, placedAt); // cancelled in between
      if (!(await this.get(existing))) await this.createRow(job, existing, placedAt);
      return { ref: existing, created: false };
    }
    await this.createRow(job, ref, placedAt);
    return { ref, created: true };
  }

  private async createRow(job: NewJob, ref: JobRef, placedAt: Date): Promise<void> {
    const entity = newJobEntity(job, ref, placedAt);
    const table = await this.writable(ref.partitionKey);
    try {
      await table.createEntity(entity);
    } catch (err) {
      if (!isConflict(err)) throw err;
      // The same id and instant was cancelled before: this is a new job in its place.
      const old = await this.get(ref);
      if (old?.status === 'cancelled') await table.updateEntity(entity, 'Replace', { etag: old.etag });
    }
  }

  /** Bulk scheduling of new ids: entity-group transactions of 100 rows per partition (no idempotency check against earlier jobs). */
  async insertMany(jobs: NewJob[], placedAt: Date): Promise<JobRef[]> {
    const refs: JobRef[] = [];
    const rows = new Map<string, TransactionAction[]>();
    const index = new Map<string, TransactionAction[]>();
    const add = (m: Map<string, TransactionAction[]>, pk: string, a: TransactionAction) => {
      const list = m.get(pk) ?? [];
      list.push(a);
      m.set(pk, list);
    };
    for (const job of jobs) {
      const ref = this.locate(job, placedAt);
      refs.push(ref);
      const ie = jobIdEntity(ref, job, placedAt);
      add(index, ie.partitionKey, ['create', ie]);
      add(rows, ref.partitionKey, ['create', newJobEntity(job, ref, placedAt)]);
    }
    const submit = async (table: (pk: string) => Promise<TableClient>, m: Map<string, TransactionAction[]>) => {
      const batches: Array<[string, TransactionAction[]]> = [];
      for (const [pk, list] of m) for (let i = 0; i < list.length; i += BATCH) batches.push([pk, list.slice(i, i + BATCH)]);
      // Every batch is sent and settled before the first failure is thrown: a batch stands or falls alone,
      // and a caller that repairs after a 409 must not race batches still in flight.
      const failures: unknown[] = [];
      await pool(batches, 8, async ([pk, b]) => {
        try {
          await (await table(pk)).submitTransaction(b);
        } catch (err) {
          failures.push(err);
        }
      });
      if (failures.length > 0) throw failures[0];
    };
    await submit(async () => this.ids, index);
    await submit((pk) => this.writable(pk), rows);
    return refs;
  }

  async get(ref: Pick<JobRef, 'partitionKey' | 'rowKey'>): Promise<JobRow | undefined> {
    try {
      return toRow(await this.table(ref.partitionKey).getEntity<Record<string, unknown>>(ref.partitionKey, ref.rowKey));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async findById(id: string): Promise<JobRef | undefined> {
    try {
      const e = await this.ids.getEntity<{ jobPk: string; jobRk: string }>(idPartition(id), encodeKey(id));
      return { id, partitionKey: e.jobPk, rowKey: e.jobRk };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async forgetId(id: string): Promise<void> {
    try {
      await this.ids.deleteEntity(idPartition(id), encodeKey(id));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /**
   * Pending and running rows due at or before `now`, in the hours
   * `fromBucket`..`toBucket`, in due order. One range query over a handful
   * of partitions: the future hours are never read.
   */
  async *due(fromBucket: string, toBucket: string, now: Date): AsyncIterable<JobRow> {
    const before = new Date(now.getTime() + 1).toISOString();
    // One range query per day table touched (normally one).
    for (let day = fromBucket.slice(0, 10); day <= toBucket.slice(0, 10); day = nextDay(day)) {
      const from = day === fromBucket.slice(0, 10) ? fromBucket : `${day}T00`;
      const to = day === toBucket.slice(0, 10) ? toBucket : `${day}T23`;
      const filter =
        from === to
          ? odata`PartitionKey eq ${from} and RowKey lt ${before} and (status eq ${'pending'} or status eq ${'running'})`
          : odata`PartitionKey ge ${from} and PartitionKey le ${to} and RowKey lt ${before} and (status eq ${'pending'} or status eq ${'running'})`;
      try {
        for await (const e of this.table(from).listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
          yield toRow(e as Record<string, unknown> & { etag: string });
        }
      } catch (err) {
        if (!isNotFound(err)) throw err; // no job was ever scheduled on that day
      }
    }
  }

  /** ETag-conditional merge; throws the 412 when someone else changed the row. */
  async update(row: JobRow, patch: Partial<Job>): Promise<JobRow> {
    const res = await this.table(row.partitionKey).updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, ...patch }, 'Merge', {
      etag: row.etag,
    });
    return { ...row, ...patch, etag: res.etag ?? row.etag };
  }

  /** Claims a job for `owner` until `leaseUntil` (ETag-conditional: a 412 means another process got it). */
  claim(row: JobRow, owner: string, leaseUntil: Date): Promise<JobRow> {
    return this.update(row, { status: 'running', leaseOwner: owner, leaseUntil: leaseUntil.toISOString(), attempts: row.attempts + 1 });
  }

  async readCursor(): Promise<{ bucket: string; etag: string } | undefined> {
    try {
      const e = await this.state.getEntity<{ bucket: string }>(CURSOR_PK, CURSOR_RK);
      return { bucket: e.bucket, etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Creates the cursor if there is none; answers the cursor as stored. */
  async initCursor(bucket: string): Promise<{ bucket: string; etag: string }> {
    try {
      const res = await this.state.createEntity({ partitionKey: CURSOR_PK, rowKey: CURSOR_RK, bucket });
      return { bucket, etag: res.etag ?? '' };
    } catch (err) {
      if (!isConflict(err)) throw err;
      const c = await this.readCursor();
      if (!c) throw err;
      return c;
    }
  }

  /** Moves the cursor forward if nobody moved it since `etag` was read; undefined when someone did. */
  async advanceCursor(bucket: string, etag: string): Promise<{ bucket: string; etag: string } | undefined> {
    try {
      const res = await this.state.updateEntity({ partitionKey: CURSOR_PK, rowKey: CURSOR_RK, bucket }, 'Replace', { etag });
      return { bucket, etag: res.etag ?? '' };
    } catch (err) {
      if (isConflict(err)) return undefined;
      throw err;
    }
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The job store over the bot's tables. */
export function jobStoreOf(store: TableStore): JobStore {
  return new JobStore((name) => store.client(name), store.client(TABLES.jobIds), store.client(TABLES.jobState));
}
