import { createHash } from 'node:crypto';
import { encodeKey } from '../../../src/storage/keys';
import {
  type Job,
  type JobRef,
  type JobRow,
  type JobStatus,
  type JobStore,
  jobRowKey,
  jobTableOf,
  type NewJob,
  bucketOf,
} from '../../../src/storage/jobs';
import { isConflict, isNotFound } from '../../../src/storage/tables';
import { type EntityIn, MemoryTable, type Props, type Public } from './table';

/**
 * JobStore (src/storage/jobs.ts) over memory tables, with the real store's
 * layout so the Scheduler meets the same states: one day table per UTC day
 * (absent until a job is written to it: reads of it answer 404 and `due`
 * skips it), partitions by due hour, row keys `<dueAt>~<id>` (due order),
 * the id index (a second insert of an id answers the existing job, and a
 * job row a crash left missing is written again), the cursor row, and
 * ETag-conditional updates and claims that throw the 412 the scheduler's
 * leases rely on. `insertMany` fails with 409 when an id exists, after the
 * id batches of the other partitions went in, as the real one does.
 */

const CURSOR_PK = 'cursor';
const CURSOR_RK = 'jobs';
const BATCH = 100;

function idPartition(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

function toRow(e: Props & { partitionKey: string; rowKey: string; etag: string }): JobRow {
  const s = (k: keyof Job) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  const n = (k: keyof Job) => (typeof e[k] === 'number' ? (e[k] as number) : Number(e[k] ?? 0));
  return {
    partitionKey: e.partitionKey,
    rowKey: e.rowKey,
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

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

export class MemoryJobStore implements Public<JobStore> {
  /** Day tables by name (`Jobs<yyyymmdd>`); a name not here was never created. */
  readonly tables = new Map<string, MemoryTable>();
  readonly ids = new MemoryTable();
  readonly state = new MemoryTable();

  private table(bucket: string): MemoryTable {
    const name = jobTableOf(bucket);
    let t = this.tables.get(name);
    if (!t) {
      t = new MemoryTable(false);
      this.tables.set(name, t);
    }
    return t;
  }

  private async writable(bucket: string): Promise<MemoryTable> {
    const t = this.table(bucket);
    await t.createTable();
    return t;
  }

  locate(job: Pick<NewJob, 'id' | 'dueAt'>, placedAt: Date): JobRef {
    const inBucket = job.dueAt.getTime() < placedAt.getTime() ? placedAt : job.dueAt;
    return { id: job.id, partitionKey: bucketOf(inBucket), rowKey: jobRowKey(job.dueAt, job.id) };
  }

  private entity(job: NewJob, ref: JobRef, createdAt: Date): EntityIn {
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

  private indexEntity(ref: JobRef, job: NewJob, createdAt: Date): EntityIn {
    return {
      partitionKey: idPartition(ref.id),
      rowKey: encodeKey(ref.id),
      jobPk: ref.partitionKey,
      jobRk: ref.rowKey,
      kind: job.kind,
      createdAt: createdAt.toISOString(),
    };
  }

  async insert(job: NewJob, placedAt: Date): Promise<{ ref: JobRef; created: boolean }> {
    const ref = this.locate(job, placedAt);
    try {
      await this.ids.createEntity(this.indexEntity(ref, job, placedAt));
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await this.findById(job.id);
      if (!existing) return this.insert(job, placedAt);
      if (!(await this.get(existing))) await this.createRow(job, existing, placedAt);
      return { ref: existing, created: false };
    }
    await this.createRow(job, ref, placedAt);
    return { ref, created: true };
  }

  private async createRow(job: NewJob, ref: JobRef, placedAt: Date): Promise<void> {
    const entity = this.entity(job, ref, placedAt);
    const table = await this.writable(ref.partitionKey);
    try {
      await table.createEntity(entity);
    } catch (err) {
      if (!isConflict(err)) throw err;
      const old = await this.get(ref);
      if (old?.status === 'cancelled') await table.updateEntity(entity, 'Replace', { etag: old.etag });
    }
  }

  async insertMany(jobs: NewJob[], placedAt: Date): Promise<JobRef[]> {
    const refs: JobRef[] = [];
    const rows = new Map<string, Array<['create', EntityIn]>>();
    const index = new Map<string, Array<['create', EntityIn]>>();
    const add = (m: Map<string, Array<['create', EntityIn]>>, pk: string, e: EntityIn) => {
      const list = m.get(pk) ?? [];
      list.push(['create', e]);
      m.set(pk, list);
    };
    for (const job of jobs) {
      const ref = this.locate(job, placedAt);
      refs.push(ref);
      const ie = this.indexEntity(ref, job, placedAt);
      add(index, ie.partitionKey, ie);
      add(rows, ref.partitionKey, this.entity(job, ref, placedAt));
    }
    // Every batch is tried (the real pool's other workers carry on after one
    // fails), then the first failure is thrown.
    const submit = async (table: (pk: string) => Promise<MemoryTable>, m: Map<string, Array<['create', EntityIn]>>) => {
      let failure: unknown;
      for (const [pk, list] of m) {
        for (let i = 0; i < list.length; i += BATCH) {
          try {
            await (await table(pk)).submitTransaction(list.slice(i, i + BATCH));
          } catch (err) {
            failure ??= err;
          }
        }
      }
      if (failure) throw failure;
    };
    await submit(async () => this.ids, index);
    await submit((pk) => this.writable(pk), rows);
    return refs;
  }

  async get(ref: Pick<JobRef, 'partitionKey' | 'rowKey'>): Promise<JobRow | undefined> {
    try {
      return toRow(await this.table(ref.partitionKey).getEntity(ref.partitionKey, ref.rowKey));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async findById(id: string): Promise<JobRef | undefined> {
    try {
      const e = await this.ids.getEntity(idPartition(id), encodeKey(id));
      return { id, partitionKey: e.jobPk as string, rowKey: e.jobRk as string };
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

  async *due(fromBucket: string, toBucket: string, now: Date): AsyncIterable<JobRow> {
    const before = new Date(now.getTime() + 1).toISOString();
    for (let day = fromBucket.slice(0, 10); day <= toBucket.slice(0, 10); day = nextDay(day)) {
      const from = day === fromBucket.slice(0, 10) ? fromBucket : `${day}T00`;
      const to = day === toBucket.slice(0, 10) ? toBucket : `${day}T23`;
      let found: Array<Props & { partitionKey: string; rowKey: string; etag: string }>;
      try {
        found = this.table(from).listEntities(
          (e) => e.partitionKey >= from && e.partitionKey <= to && e.rowKey < before && (e.status === 'pending' || e.status === 'running'),
        );
      } catch (err) {
        if (!isNotFound(err)) throw err;
        continue;
      }
      for (const e of found) yield toRow(e);
    }
  }

  async update(row: JobRow, patch: Partial<Job>): Promise<JobRow> {
    const res = await this.table(row.partitionKey).updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, ...patch }, 'Merge', {
      etag: row.etag,
    });
    return { ...row, ...patch, etag: res.etag ?? row.etag };
  }

  claim(row: JobRow, owner: string, leaseUntil: Date): Promise<JobRow> {
    return this.update(row, { status: 'running', leaseOwner: owner, leaseUntil: leaseUntil.toISOString(), attempts: row.attempts + 1 });
  }

  async readCursor(): Promise<{ bucket: string; etag: string } | undefined> {
    try {
      const e = await this.state.getEntity(CURSOR_PK, CURSOR_RK);
      return { bucket: e.bucket as string, etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

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

  async advanceCursor(bucket: string, etag: string): Promise<{ bucket: string; etag: string } | undefined> {
    try {
      const res = await this.state.updateEntity({ partitionKey: CURSOR_PK, rowKey: CURSOR_RK, bucket }, 'Replace', { etag });
      return { bucket, etag: res.etag ?? '' };
    } catch (err) {
      if (isConflict(err)) return undefined;
      throw err;
    }
  }

  /** Every job row, in table, partition and row-key order (for tests). */
  allRows(): JobRow[] {
    return [...this.tables.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, t]) => {
        try {
          return t.listEntities().map(toRow);
        } catch {
          return [];
        }
      });
  }
}
