import type { OutboxStore } from '../../../src/delivery/outbox';
import type { AgendaStore, MinutesStore } from '../../../src/storage/agendas';
import type { AuditLog } from '../../../src/storage/audit';
import type { ChannelLinkStore } from '../../../src/storage/channel-links';
import type { ConsentStore } from '../../../src/storage/consents';
import type { ConversationReferenceStore } from '../../../src/storage/conversation-references';
import type { PreferenceStore } from '../../../src/storage/preferences';
import type { JobStore } from '../../../src/storage/jobs';
import type { CalendarFeedStore, MeetingStore } from '../../../src/storage/meetings';
import type { ReviewStore } from '../../../src/storage/reviews';
import { MemoryAgendaStore, MemoryMinutesStore } from './agendas';
import { MemoryAuditLog } from './audit';
import { MemoryChannelLinkStore } from './channel-links';
import { MemoryConsentStore } from './consents';
import { MemoryConversationReferenceStore } from './conversation-references';
import { MemoryJobStore } from './jobs';
import { MemoryCalendarFeedStore, MemoryMeetingStore } from './meetings';
import { MemoryOutboxStore } from './outbox';
import { MemoryPreferenceStore } from './preferences';
import { MemoryReviewStore } from './reviews';

/**
 * In-memory stand-ins for every store in src/storage and the outbox, for
 * use-case tests that run in milliseconds. test/protocol/store-contract.test.ts
 * runs the same assertions against these and against the real stores on
 * Azurite.
 */

export { MemoryAgendaStore, MemoryMinutesStore } from './agendas';
export { MemoryAuditLog } from './audit';
export { MemoryChannelLinkStore } from './channel-links';
export { MemoryConsentStore } from './consents';
export { MemoryConversationReferenceStore } from './conversation-references';
export { MemoryJobStore } from './jobs';
export { MemoryCalendarFeedStore, MemoryMeetingStore } from './meetings';
export { MemoryOutboxStore } from './outbox';
export { MemoryPreferenceStore } from './preferences';
export { MemoryReviewStore } from './reviews';
export { MemoryTable, type Public, restError } from './table';

export interface MemoryStores {
  meetings: MemoryMeetingStore;
  calendarFeeds: MemoryCalendarFeedStore;
  agendas: MemoryAgendaStore;
  minutes: MemoryMinutesStore;
  reviews: MemoryReviewStore;
  consents: MemoryConsentStore;
  audit: MemoryAuditLog;
  channelLinks: MemoryChannelLinkStore;
  conversationReferences: MemoryConversationReferenceStore;
  outbox: MemoryOutboxStore;
  preferences: MemoryPreferenceStore;
  jobs: MemoryJobStore;
}

/** One of each store, empty. `now` is the clock for what the real stores read from the system clock (the reference cache, the audit counts' default end). */
export function memoryStores(now: () => Date = () => new Date()): MemoryStores {
  return {
    meetings: new MemoryMeetingStore(),
    calendarFeeds: new MemoryCalendarFeedStore(),
    agendas: new MemoryAgendaStore(),
    minutes: new MemoryMinutesStore(),
    reviews: new MemoryReviewStore(),
    consents: new MemoryConsentStore(),
    audit: new MemoryAuditLog(now),
    channelLinks: new MemoryChannelLinkStore(),
    conversationReferences: new MemoryConversationReferenceStore(now),
    outbox: new MemoryOutboxStore(),
    preferences: new MemoryPreferenceStore(),
    jobs: new MemoryJobStore(),
  };
}

/** The real classes, field by field, named like the fields of `BotServices` (plus `jobs`, the scheduler's store). */
export interface RealStores {
  meetings: MeetingStore;
  calendarFeeds: CalendarFeedStore;
  agendas: AgendaStore;
  minutes: MinutesStore;
  reviews: ReviewStore;
  consents: ConsentStore;
  audit: AuditLog;
  channelLinks: ChannelLinkStore;
  conversationReferences: ConversationReferenceStore;
  outbox: OutboxStore;
  preferences: PreferenceStore;
  jobs: JobStore;
}

/**
 * The stores typed as the real classes, to put into a `BotServices` or hand
 * to a `Scheduler`. The real classes have private members, so TypeScript
 * treats them nominally; the memory stores implement their whole public
 * surface (checked by `implements Public<…>`), which is all any caller can use.
 */
export function asReal(stores: MemoryStores): RealStores {
  return stores as unknown as RealStores;
}

/** One memory JobStore typed as the real one (for `new Scheduler({ jobs })`). */
export function asJobStore(jobs: MemoryJobStore): JobStore {
  return jobs as unknown as JobStore;
}
