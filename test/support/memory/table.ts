import { RestError } from '@azure/data-tables';

/**
 * The part of a Table Storage table the in-memory stores need, with the
 * semantics the real stores rely on: point reads that throw a 404, inserts
 * that throw a 409 when the row exists, ETag-conditional replace and merge
 * that throw a 412 on a stale etag (and a 404 when the row is gone), upserts,
 * entity-group transactions that are all or nothing, and listings in
 * PartitionKey, RowKey order. Errors are the SDK's own `RestError` with the
 * status code and error code Azure answers, so `isNotFound` / `isConflict`
 * (src/storage/tables.ts) and `isStorageError` treat them as they treat the
 * real ones. Rows are copied in and out: a caller cannot change a stored row.
 *
 * Filters are plain predicates instead of OData; each store translates its
 * query. A property the real SDK would not send (undefined) is not stored.
 */

/** The public surface of a class: what `implements Public<Store>` checks (private members are left out). */
export type Public<T> = { [K in keyof T]: T[K] };

export type Props = Record<string, unknown>;
export type Row = Props & { partitionKey: string; rowKey: string; etag: string };
export type EntityIn = Props & { partitionKey: string; rowKey: string };
export type UpdateMode = 'Merge' | 'Replace';

export function restError(statusCode: number, code: string, message: string): RestError {
  return new RestError(message, { statusCode, code });
}

const notFound = (what = 'The specified resource does not exist.') => restError(404, 'ResourceNotFound', what);
const tableNotFound = () => restError(404, 'TableNotFound', 'The table specified does not exist.');
const exists = () => restError(409, 'EntityAlreadyExists', 'The specified entity already exists.');
const stale = () => restError(412, 'UpdateConditionNotSatisfied', 'The update condition specified in the request was not satisfied.');

let etags = 0;
/** Opaque like Azure's (`W/"datetime'…'"`); callers only hand it back. */
function nextEtag(): string {
  etags += 1;
  return `W/"datetime'mem-${etags}'"`;
}

function propsOf(entity: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(entity)) {
    if (k === 'partitionKey' || k === 'rowKey' || k === 'etag' || k === 'timestamp' || v === undefined) continue;
    out[k] = structuredClone(v);
  }
  return out;
}

interface Stored {
  partitionKey: string;
  rowKey: string;
  props: Props;
  etag: string;
  /** When the row was last written (ISO), as Azure's Timestamp: a filter on `Timestamp` reads it. */
  timestamp?: string;
  /** The row as filters read it (properties, keys, Timestamp), made once when it is written. */
  view?: Row;
}

const keyOf = (pk: string, rk: string) => `${pk}\u0000${rk}`;
const byKeys = (a: Stored, b: Stored) =>
  a.partitionKey < b.partitionKey ? -1 : a.partitionKey > b.partitionKey ? 1 : a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0;

export class MemoryTable {
  private readonly rows = new Map<string, Stored>();
  /** The same rows by partition: a query that names its PartitionKey reads only that partition, as on Azure. */
  private readonly partitions = new Map<string, Map<string, Stored>>();

  private put(key: string, written: Stored): void {
    const timestamp = new Date().toISOString();
    const s: Stored = { ...written, timestamp };
    s.view = { ...s.props, partitionKey: s.partitionKey, rowKey: s.rowKey, etag: s.etag, Timestamp: timestamp };
    this.rows.set(key, s);
    let p = this.partitions.get(s.partitionKey);
    if (!p) this.partitions.set(s.partitionKey, (p = new Map()));
    p.set(key, s);
  }

  private remove(key: string): boolean {
    const s = this.rows.get(key);
    if (!s) return false;
    this.rows.delete(key);
    const p = this.partitions.get(s.partitionKey);
    p?.delete(key);
    if (p?.size === 0) this.partitions.delete(s.partitionKey);
    return true;
  }

  /** `exists: false` is a table nobody created yet: every operation but `createTable` answers 404 TableNotFound. */
  constructor(private exists = true) {}

  /** Whether the table exists (was created). */
  get created(): boolean {
    return this.exists;
  }

  async createTable(): Promise<void> {
    this.exists = true;
  }

  private check(): void {
    if (!this.exists) throw tableNotFound();
  }

  private out(s: Stored): Row {
    return { ...structuredClone(s.props), partitionKey: s.partitionKey, rowKey: s.rowKey, etag: s.etag };
  }

  async getEntity(partitionKey: string, rowKey: string): Promise<Row> {
    this.check();
    const s = this.rows.get(keyOf(partitionKey, rowKey));
    if (!s) throw notFound();
    return this.out(s);
  }

  async createEntity(entity: EntityIn): Promise<{ etag: string }> {
    this.check();
    const key = keyOf(entity.partitionKey, entity.rowKey);
    if (this.rows.has(key)) throw exists();
    const etag = nextEtag();
    this.put(key, { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props: propsOf(entity), etag });
    return { etag };
  }

  /** Like TableClient.updateEntity: Merge by default, etag `*` (any) unless given; 404 when the row is gone, 412 on a stale etag. */
  async updateEntity(entity: EntityIn, mode: UpdateMode = 'Merge', options: { etag?: string } = {}): Promise<{ etag: string }> {
    this.check();
    const key = keyOf(entity.partitionKey, entity.rowKey);
    const cur = this.rows.get(key);
    if (!cur) throw notFound();
    if (options.etag !== undefined && options.etag !== '*' && options.etag !== cur.etag) throw stale();
    const etag = nextEtag();
    const props = mode === 'Replace' ? propsOf(entity) : { ...cur.props, ...propsOf(entity) };
    this.put(key, { ...cur, props, etag });
    return { etag };
  }

  async upsertEntity(entity: EntityIn, mode: UpdateMode = 'Merge'): Promise<{ etag: string }> {
    this.check();
    const key = keyOf(entity.partitionKey, entity.rowKey);
    const cur = this.rows.get(key);
    const etag = nextEtag();
    const props = cur && mode === 'Merge' ? { ...cur.props, ...propsOf(entity) } : propsOf(entity);
    this.put(key, { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props, etag });
    return { etag };
  }

  /** Like TableClient.deleteEntity: etag `*` (any) unless given; 404 when the row is gone, 412 on a stale etag. */
  async deleteEntity(partitionKey: string, rowKey: string, options: { etag?: string } = {}): Promise<void> {
    this.check();
    const cur = this.rows.get(keyOf(partitionKey, rowKey));
    if (cur && options.etag !== undefined && options.etag !== '*' && options.etag !== cur.etag) throw stale();
    if (!this.remove(keyOf(partitionKey, rowKey))) throw notFound();
  }

  /**
   * An entity-group transaction of inserts, deletes, updates or upserts (the kinds the stores submit):
   * one partition, all or nothing; a row that exists fails it with 409, as
   * does a row named twice in it (Azure answers 400 for that; see the contract test);
   * an update of a missing row fails it with 404, one whose ETag no longer matches with 412.
   * Answers each row's new ETag, as TableClient does (typed `| void`: tests that wrap it
   * to count transactions may answer nothing; the stores then keep the ETags they had).
   */
  async submitTransaction(
    actions: Array<
      ['create' | 'delete', EntityIn] | ['update', EntityIn, UpdateMode?, { etag?: string }?] | ['upsert', EntityIn, UpdateMode?]
    >,
  ): Promise<{ status: number; subResponses: Array<{ status: number; rowKey: string; etag?: string }> } | void> {
    this.check();
    const subResponses: Array<{ status: number; rowKey: string; etag?: string }> = [];
    if (actions.length === 0) return { status: 202, subResponses };
    const pk = actions[0]![1].partitionKey;
    if (actions.length > 100 || actions.some(([, e]) => e.partitionKey !== pk)) throw restError(400, 'InvalidInput', 'bad batch');
    const seen = new Set<string>();
    for (const [kind, e, , options] of actions) {
      const key = keyOf(e.partitionKey, e.rowKey);
      if (seen.has(key)) throw restError(400, 'InvalidDuplicateRow', 'The batch request contains multiple changes with same row key.');
      if (kind === 'create' && this.rows.has(key)) throw exists();
      if ((kind === 'delete' || kind === 'update') && !this.rows.has(key)) throw notFound();
      const etag = kind === 'update' ? options?.etag : undefined;
      if (kind === 'update' && etag !== undefined && etag !== '*' && etag !== this.rows.get(key)!.etag) throw stale();
      seen.add(key);
    }
    for (const [kind, e, mode] of actions) {
      const key = keyOf(e.partitionKey, e.rowKey);
      if (kind === 'delete') {
        this.remove(key);
        subResponses.push({ status: 204, rowKey: e.rowKey });
        continue;
      }
      const cur = this.rows.get(key);
      const etag = nextEtag();
      const props = (kind === 'update' || kind === 'upsert') && cur && mode !== 'Replace' ? { ...cur.props, ...propsOf(e) } : propsOf(e);
      this.put(key, { partitionKey: e.partitionKey, rowKey: e.rowKey, props, etag });
      subResponses.push({ status: 204, rowKey: e.rowKey, etag });
    }
    return { status: 202, subResponses };
  }

  /** Like TableClient.deleteTable: the table and its rows are gone (404 TableNotFound when it never was). */
  async deleteTable(): Promise<void> {
    this.check();
    this.rows.clear();
    this.partitions.clear();
    this.exists = false;
  }

  /**
   * Like TableClient.listEntities: the rows the OData filter answers (the
   * subset the stores write: eq/ne/lt/le/gt/ge on properties, joined by and/or
   * with parentheses), in PartitionKey then RowKey order, as copies. `select`
   * is not applied: a store reads only what it selected.
   */
  listEntities(options: { queryOptions?: { filter?: string } } = {}): AsyncIterable<Row> & {
    byPage(settings?: { maxPageSize?: number }): AsyncIterableIterator<Row[]>;
  } {
    this.check();
    const filter = options.queryOptions?.filter;
    const match = filter ? compileFilter(filter) : () => true;
    // Matched on a shallow view, and only the matches sorted and copied: a table of 100,000 rows stays quick to query.
    const pinned = filter ? pinnedPartition(filter) : undefined;
    const scanned = pinned === undefined ? this.rows.values() : (this.partitions.get(pinned)?.values() ?? []);
    const rows = [...scanned]
      .filter((s) => match(s.view ?? { ...s.props, partitionKey: s.partitionKey, rowKey: s.rowKey, etag: s.etag }))
      .sort(byKeys)
      .map((s) => this.out(s));
    return {
      async *[Symbol.asyncIterator]() {
        yield* rows;
      },
      async *byPage(settings = {}) {
        const size = settings.maxPageSize ?? 1000;
        for (let k = 0; k < rows.length; k += size) yield rows.slice(k, k + size);
        if (rows.length === 0) yield [];
      },
    };
  }

  /** Every row, in PartitionKey then RowKey order (copies; for tests). */
  all(): Row[] {
    this.check();
    return [...this.rows.values()].sort(byKeys).map((s) => this.out(s));
  }

  /** How many rows the table holds (for tests). */
  get size(): number {
    return this.rows.size;
  }
}

/** A string property as the real stores' `str`/`s` read it: '' unless it is a string. */
export const str = (e: Props, k: string): string => (typeof e[k] === 'string' ? (e[k] as string) : '');

/** A table store's tables, by name, in memory; `client(name)` answers the same table every time, like TableStore.client. */
export class MemoryTables {
  private readonly tables = new Map<string, MemoryTable>();

  /** `exists: false` for a table that answers 404 TableNotFound until created (the scheduler's day tables). */
  client(name: string, exists = true): MemoryTable {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new MemoryTable(exists)));
    return table;
  }

  /** Every row of every table that exists, by table name (for tests: what was stored). */
  dump(): Record<string, Row[]> {
    return Object.fromEntries([...this.tables].filter(([, t]) => t.created).map(([name, t]) => [name, t.all()]));
  }
}

/**
 * The partition a filter is confined to: `PartitionKey eq '…'` as a term of
 * the top-level `and` (no top-level `or`), else undefined (the whole table).
 */
export function pinnedPartition(filter: string): string | undefined {
  const m = /^\(?\s*PartitionKey eq '((?:[^']|'')*)'\s*\)?(?:\s+and\s|$)/.exec(filter.trim());
  if (!m) return undefined;
  // Any `or` outside quoted literals could widen the filter past the partition.
  if (/\bor\b/.test(filter.replace(/'(?:[^']|'')*'/g, "''"))) return undefined;
  return m[1]!.replace(/''/g, "'");
}

type Value = string | number | boolean;
type Test = (row: Row) => boolean;

/** The OData filters the stores build with `odata` (src/storage/tables.ts), as a predicate over a row. */
export function compileFilter(filter: string): Test {
  const tokens = filter.match(/\(|\)|'(?:[^']|'')*'|datetime'[^']*'|guid'[^']*'|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++]!;
  const literal = (t: string): Value => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t.startsWith("datetime'") || t.startsWith("guid'")) return t.slice(t.indexOf("'") + 1, -1);
    if (t === 'true' || t === 'false') return t === 'true';
    return Number(t);
  };
  const field = (name: string) => (name === 'PartitionKey' ? 'partitionKey' : name === 'RowKey' ? 'rowKey' : name);
  const compare: Record<string, (a: Value, b: Value) => boolean> = {
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    lt: (a, b) => a < b,
    le: (a, b) => a <= b,
    gt: (a, b) => a > b,
    ge: (a, b) => a >= b,
  };
  const factor = (): Test => {
    if (peek() === '(') {
      take();
      const inner = expr();
      if (take() !== ')') throw new Error(`unbalanced filter: ${filter}`);
      return inner;
    }
    const name = field(take());
    const op = compare[take()];
    const value = literal(take());
    if (!op) throw new Error(`unsupported filter: ${filter}`);
    return (row) => {
      const v = row[name];
      return (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && op(v, value);
    };
  };
  const term = (): Test => {
    const parts = [factor()];
    while (peek() === 'and') {
      take();
      parts.push(factor());
    }
    return (row) => parts.every((p) => p(row));
  };
  const expr = (): Test => {
    const parts = [term()];
    while (peek() === 'or') {
      take();
      parts.push(term());
    }
    return (row) => parts.some((p) => p(row));
  };
  const test = expr();
  if (at !== tokens.length) throw new Error(`unsupported filter: ${filter}`);
  return test;
}
