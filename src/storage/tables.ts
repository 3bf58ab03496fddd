import { TableClient, TableServiceClient, odata, type TableEntity, type TableEntityResult } from '@azure/data-tables';

import { writeCountingPolicy } from './turn-writes';

export { odata };

/** Every table the bot uses; names get the configured prefix. */
export const TABLES = {
  turnState: 'TurnState',
  conversationReferences: 'ConversationRefs',
  channelLinks: 'ChannelLinks',
  consents: 'Consents',
  consentIndex: 'ConsentIndex',
  audit: 'Audit',
  /** The audit log's events by group and month, for a group's counts (storage/audit.ts). */
  auditByGroup: 'AuditByGroup',
  meetings: 'Meetings',
  calendarFeeds: 'CalendarFeeds',
  agendas: 'Agendas',
  minutes: 'Minutes',
  actions: 'Actions',
  minutesPrint: 'MinutesPrint',
  reviews: 'Reviews',
  /** The digest's figures, kept as things happen (storage/figures.ts). */
  figures: 'Figures',
  outbox: 'Outbox',
  /** Each user's own choices (the bot's language). */
  preferences: 'Preferences',
  /** The report to the boards' links: by token hash, and by tenant and period (storage/reports.ts). */
  reportTokens: 'ReportTokens',
  /** Action plans' activities changed or added in Teams (storage/plans.ts). */
  planActivities: 'PlanActivities',
  /** Indicator values recorded in Teams (storage/indicators.ts). */
  indicatorValues: 'IndicatorValues',
  /** Items raised between groups (storage/raised.ts). */
  raisedItems: 'RaisedItems',
  /** Broadcasts to staff and their readers (storage/broadcasts.ts). */
  broadcasts: 'Broadcasts',
  /** The yearly survey's answers and its used tokens' hashes (storage/surveys.ts). */
  surveyAnswers: 'SurveyAnswers',
  /** Each operative group's SIPs, and the printable plans' token hashes (storage/sips.ts). */
  sips: 'Sips',
  sipPrint: 'SipPrint',
  // Jobs themselves are in day tables, Jobs<yyyymmdd> (storage/job-rows.ts).
  jobIds: 'JobIds',
  jobState: 'JobState',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES] | (string & {});

const CLIENT_OPTIONS = {
  allowInsecureConnection: true,
  // Fail fast: a turn must answer within Teams' 15 s, and a storage outage
  // should turn into a polite error card, not a hung request.
  retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 800 },
  additionalPolicies: [{ policy: writeCountingPolicy, position: 'perCall' as const }],
};

export class TableStore {
  private readonly clients = new Map<string, TableClient>();

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
  ) {}

  fullName(name: TableName): string {
    return `${this.prefix}${name}`;
  }

  client(name: TableName): TableClient {
    const full = this.fullName(name);
    let c = this.clients.get(full);
    if (!c) {
      c = TableClient.fromConnectionString(this.connectionString, full, CLIENT_OPTIONS);
      this.clients.set(full, c);
    }
    return c;
  }

  service(): TableServiceClient {
    return TableServiceClient.fromConnectionString(this.connectionString, CLIENT_OPTIONS);
  }

  /** Creates the tables if they do not exist (idempotent). */
  async ensureTables(names: TableName[] = Object.values(TABLES)): Promise<void> {
    await Promise.all(names.map((n) => this.client(n).createTable()));
  }

  /** A cheap round trip that proves storage answers; throws if it does not. */
  async ping(timeoutMs = 2000): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const iter = this.client(TABLES.channelLinks)
        .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'~health'}` }, abortSignal: controller.signal })
        .byPage({ maxPageSize: 1 });
      await iter.next();
    } finally {
      clearTimeout(timer);
    }
  }
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number })?.statusCode === 404;
}

export function isConflict(err: unknown): boolean {
  const code = (err as { statusCode?: number })?.statusCode;
  return code === 409 || code === 412;
}

export type Entity<T> = TableEntityResult<T>;

/** The row at (`partitionKey`, `rowKey`), or undefined when there is none. */
export async function getIfExists<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Deletes the row at (`partitionKey`, `rowKey`); a row that is already gone is no error. */
export async function deleteIfExists(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

export interface EtagRetryOptions {
  /** How many read-change-write rounds before giving up. */
  attempts?: number;
  /** The error thrown when every round met a conflict. */
  conflictError?: () => Error;
}

/**
 * A read-change-write under optimistic concurrency: reads the row, applies
 * `change`, and writes the result conditional on the ETag it read; when
 * another writer came first (409/412) it waits a short, growing, jittered
 * while and starts over from a fresh read. `change` answers undefined to
 * leave the row as it is (the row as read is answered). After the last
 * attempt it throws an `UpdateConflict` (or `conflictError()`).
 */
export async function withEtagRetry<T extends { etag?: string }>(
  read: () => Promise<T | undefined>,
  write: (next: T, etag: string | undefined) => Promise<string | undefined>,
  change: (cur: T | undefined) => T | undefined,
  options: EtagRetryOptions = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 8;
  for (let i = 0; i < attempts; i++) {
    const cur = await read();
    const next = change(cur);
    if (!next) return cur;
    try {
      const etag = await write(next, cur?.etag);
      return { ...next, etag };
    } catch (err) {
      if (!isConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (i + 1)));
    }
  }
  throw options.conflictError?.() ?? Object.assign(new Error('update kept conflicting'), { code: 'UpdateConflict' });
}

/** Writes `entity` as a new row when there is no `etag`, else replaces the row read at that ETag; answers the new ETag. */
export async function replaceOrCreate(table: TableClient, entity: TableEntity, etag: string | undefined): Promise<string | undefined> {
  const res = etag ? await table.updateEntity(entity, 'Replace', { etag }) : await table.createEntity(entity);
  return res.etag;
}

/** The connection string of Azurite's well-known development account. */
export function azuriteConnectionString(host: string, port: number): string {
  return (
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://${host}:${port}/devstoreaccount1;`
  );
}
