import type { TableClient } from '@azure/data-tables';
import { OutboxStore } from '../../../src/delivery/outbox';
import { AgendaStore, MinutesStore } from '../../../src/storage/agendas';
import { type AuditEntry, type AuditEvent, AuditLog } from '../../../src/storage/audit';
import { ChannelLinkStore } from '../../../src/storage/channel-links';
import { ConsentStore } from '../../../src/storage/consents';
import { ConversationReferenceStore } from '../../../src/storage/conversation-references';
import { JobStore } from '../../../src/storage/jobs';
import { CalendarFeedStore, MeetingStore } from '../../../src/storage/meetings';
import { PreferenceStore } from '../../../src/storage/preferences';
import { FiguresStore } from '../../../src/storage/figures';
import { ReviewStore } from '../../../src/storage/reviews';
import { PlanStore } from '../../../src/storage/plans';
import { IndicatorStore } from '../../../src/storage/indicators';
import { RaisedItemStore } from '../../../src/storage/raised';
import { BroadcastStore } from '../../../src/storage/broadcasts';
import { SurveyStore } from '../../../src/storage/surveys';
import { TABLES } from '../../../src/storage/tables';
import { type MemoryTable, MemoryTables, str } from './table';

/**
 * The real stores (src/storage, the outbox) over in-memory tables, for
 * use-case tests that run in milliseconds: the code under test is the
 * stores' own, only the table underneath is in memory.
 * test/protocol/store-contract.test.ts runs the same assertions against
 * these and against the same stores on Azurite, which holds the memory
 * table to what Table Storage does.
 */

export { compileFilter, MemoryTable, MemoryTables, type Public, restError } from './table';

const client = (table: MemoryTable) => table as unknown as TableClient;

/** The audit log over a memory table, with what it wrote readable by tests. */
export class MemoryAuditLog extends AuditLog {
  constructor(
    private readonly rows = new MemoryTables().client(TABLES.audit),
    byGroup = new MemoryTables().client(TABLES.auditByGroup),
  ) {
    super(client(rows), client(byGroup));
  }

  /** Every row, oldest partition and time first. */
  entries(): Array<Omit<AuditEntry, 'time' | 'onceKey' | 'categories'> & { time: string; categories: string[] }> {
    return this.rows.all().map((e) => ({
      time: str(e, 'time'),
      tenantId: str(e, 'tenant'),
      groupId: str(e, 'groupId'),
      userId: str(e, 'userId'),
      event: str(e, 'event') as AuditEvent,
      categories: str(e, 'categories') ? str(e, 'categories').split(',') : [],
      caseRef: str(e, 'caseRef') || undefined,
      reason: str(e, 'reason') || undefined,
    }));
  }
}

/** The job store over memory tables; its day tables answer TableNotFound until a job is written to them, as on Azure. */
export class MemoryJobStore extends JobStore {
  constructor(readonly tables = new MemoryTables()) {
    super((name) => client(tables.client(name, false)), client(tables.client(TABLES.jobIds)), client(tables.client(TABLES.jobState)));
  }
}

export class MemoryConversationReferenceStore extends ConversationReferenceStore {
  constructor(tables = new MemoryTables()) {
    super(client(tables.client(TABLES.conversationReferences)));
  }
}

export class MemoryPreferenceStore extends PreferenceStore {
  /** How many times a user's choice was read (the turn reads it at most once). */
  reads = 0;

  constructor(tables = new MemoryTables()) {
    super(client(tables.client(TABLES.preferences)));
  }

  override async get(tenantId: string, userKey: string) {
    this.reads += 1;
    return super.get(tenantId, userKey);
  }
}

export interface MemoryStores {
  /** The tables under the stores, to read what was stored. */
  tables: MemoryTables;
  meetings: MeetingStore;
  calendarFeeds: CalendarFeedStore;
  agendas: AgendaStore;
  minutes: MinutesStore;
  reviews: ReviewStore;
  plans: PlanStore;
  indicators: IndicatorStore;
  raised: RaisedItemStore;
  broadcasts: BroadcastStore;
  surveys: SurveyStore;
  /** The digest's figures, over the same tables as the stores they are backfilled from. */
  figures: FiguresStore;
  consents: ConsentStore;
  audit: MemoryAuditLog;
  channelLinks: ChannelLinkStore;
  conversationReferences: ConversationReferenceStore;
  outbox: OutboxStore;
  preferences: PreferenceStore;
  jobs: MemoryJobStore;
}

/** The stores as the real classes, field by field, named like the fields of `BotServices` (plus `jobs`, the scheduler's store). */
export type RealStores = Omit<
  MemoryStores,
  'tables' | 'audit' | 'jobs' | 'preferences' | 'plans' | 'indicators' | 'raised' | 'broadcasts' | 'surveys'
> & {
  audit: AuditLog;
  jobs: JobStore;
  preferences: PreferenceStore;
};

/** One of each store, empty, over one set of memory tables (the figures in `timeZone`, the demo organisation's by default). */
export function memoryStores(timeZone = 'Europe/Stockholm'): MemoryStores {
  const tables = new MemoryTables();
  const c = (name: string) => client(tables.client(name));
  const meetings = new MeetingStore(c(TABLES.meetings));
  const minutes = new MinutesStore(c(TABLES.minutes), c(TABLES.actions), c(TABLES.minutesPrint));
  const consents = new ConsentStore(c(TABLES.consents), c(TABLES.consentIndex));
  return {
    tables,
    meetings,
    calendarFeeds: new CalendarFeedStore(c(TABLES.calendarFeeds)),
    agendas: new AgendaStore(c(TABLES.agendas)),
    minutes,
    reviews: new ReviewStore(c(TABLES.reviews)),
    plans: new PlanStore(c(TABLES.planActivities)),
    indicators: new IndicatorStore(c(TABLES.indicatorValues)),
    raised: new RaisedItemStore(c(TABLES.raisedItems)),
    broadcasts: new BroadcastStore(c(TABLES.broadcasts)),
    surveys: new SurveyStore(c(TABLES.surveyAnswers)),
    figures: new FiguresStore(c(TABLES.figures), timeZone, {
      meetings,
      minutes,
      consents,
      auditTable: c(TABLES.audit),
      auditByGroup: c(TABLES.auditByGroup),
      reviews: new ReviewStore(c(TABLES.reviews)),
    }),
    consents,
    audit: new MemoryAuditLog(tables.client(TABLES.audit), tables.client(TABLES.auditByGroup)),
    channelLinks: new ChannelLinkStore(c(TABLES.channelLinks)),
    conversationReferences: new MemoryConversationReferenceStore(tables),
    outbox: new OutboxStore(c(TABLES.outbox)),
    preferences: new MemoryPreferenceStore(tables),
    jobs: new MemoryJobStore(tables),
  };
}

/** The stores as they are (kept for callers written when the memory stores were copies of the real ones). */
export function asReal(stores: MemoryStores): RealStores {
  const { tables: _tables, ...real } = stores;
  return real;
}

/** The memory JobStore as the real one (it is one). */
export function asJobStore(jobs: MemoryJobStore): JobStore {
  return jobs;
}
