import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { AuditLog } from '../../storage/audit';
import type { ChannelLinkStore } from '../../storage/channel-links';
import type { ConsentStore } from '../../storage/consents';
import type { ConversationReferenceStore } from '../../storage/conversation-references';
import type { TableStore } from '../../storage/tables';
import type { Scheduler } from '../../scheduler';
import type { CalendarFeedStore, MeetingStore } from '../../storage/meetings';
import type { DirectSender, GroupChannel } from './channel';
import type { AgendaStore, MinutesStore } from '../../storage/agendas';
import type { ReviewStore } from '../../storage/reviews';
import type { ReportStore } from '../../storage/reports';
import type { SipRepository } from '../../storage/sips';
import type { PlanStore } from '../../storage/plans';
import type { IndicatorStore } from '../../storage/indicators';
import type { RaisedItemStore } from '../../storage/raised';
import type { BroadcastStore } from '../../storage/broadcasts';
import type { SurveyStore } from '../../storage/surveys';
import type { OutboxStore } from '../../delivery/outbox';
import type { PreferenceStore } from '../../storage/preferences';
import type { RateLimiter } from '../../delivery/rate-limiter';
import type { Organisation } from './organisation';
import type { Figures } from '../../domain/digest/figures';
import type { CalendarEvents } from '../../domain/meetings/calendar';

/**
 * The figures as a use case's deps carry them: optional, so a use case runs
 * without them where nothing reads them (the composition root always gives
 * them, see BotServices.figures).
 */
export type FiguresDeps = Partial<Pick<BotServices, 'figures'>>;

/** Everything the bot's handlers depend on, wired by the composition root. */
export interface BotServices {
  config: Config;
  logger: Logger;
  store: TableStore;
  conversationReferences: ConversationReferenceStore;
  now: () => Date;
  /** The municipality's groups, people, managers and documents (ORG_CONFIG). */
  organisation: Organisation;
  /** Channel conversation id → group. */
  channelLinks: ChannelLinkStore;
  consents: ConsentStore;
  audit: AuditLog;
  /** Durable jobs: features register their kinds and schedule work here. */
  scheduler: Scheduler;
  meetings: MeetingStore;
  /** Meetings as events in the organisers' Outlook calendars (Microsoft Graph); undefined when GRAPH_* are not set. */
  calendarEvents?: CalendarEvents;
  /** Each group's secret calendar feed link. */
  calendarFeeds: CalendarFeedStore;
  agendas: AgendaStore;
  minutes: MinutesStore;
  reviews: ReviewStore;
  /** The report to the boards: its links, and its reading of the audit log and the figures (counts only). */
  reports: ReportStore;
  /** Each operative group's SIPs (storage/sips.ts). */
  sips: SipRepository;
  /** Action plans' activities as changed or added in Teams. */
  plans: PlanStore;
  /** Indicator values recorded in Teams. */
  indicators: IndicatorStore;
  /** Items raised between groups (`item.raise`). */
  raised: RaisedItemStore;
  /** Broadcasts to staff and who read them (`utskick`). */
  broadcasts: BroadcastStore;
  /** The yearly survey's answers, without who answered. */
  surveys: SurveyStore;
  /** The digest's figures, kept as meetings, minutes, tasks, consents and refusals are written (the port; src/storage/figures.ts). */
  figures: Figures;
  outbox: OutboxStore;
  /** Each user's own choices (the bot's language). */
  preferences: PreferenceStore;
  /** One per process: every proactive fan-out shares it and the rate it learns. */
  limiter: RateLimiter;
  /** The digest's fan-out sends through this, one saved conversation at a time. */
  proactive: DirectSender;
  /** Posting to a group's channel and telling its conveners: what features send outside their own turn. */
  channel: GroupChannel;
}
