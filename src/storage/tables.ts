import { TableClient, TableServiceClient, odata, type TableEntityResult } from '@azure/data-tables';

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
  meetings: 'Meetings',
  calendarFeeds: 'CalendarFeeds',
  agendas: 'Agendas',
  minutes: 'Minutes',
  actions: 'Actions',
  minutesPrint: 'MinutesPrint',
  reviews: 'Reviews',
  outbox: 'Outbox',
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

/** The connection string of Azurite's well-known development account. */
export function azuriteConnectionString(host: string, port: number): string {
  return (
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://${host}:${port}/devstoreaccount1;`
  );
}
