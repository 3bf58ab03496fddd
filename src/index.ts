import type { Config } from './config';
import { loadConfigOrExit, organisationProblems } from './config';
import { logStacks } from './errors';
import { createLogger, type Logger } from './logger';
import { createAdapter } from './bot/adapter';
import { createApp } from './bot/app';
import { featureRoutes, startFeatures } from './features';
import type { BotServices } from './features/shared/services';
import { loadOrganisationOrThrow, type Organisation } from './features/shared/organisation';
import { createServer, listen, type RunningServer } from './server';
import { AuditLog } from './storage/audit';
import { ChannelLinkStore } from './storage/channel-links';
import { ConsentStore } from './storage/consents';
import { ConversationReferenceStore } from './storage/conversation-references';
import { PreferenceStore } from './storage/preferences';
import { TABLES, TableStore } from './storage/tables';
import { jobStoreOf } from './storage/jobs';
import { Scheduler } from './scheduler';
import { registerJobsEndpoint } from './jobs-endpoint';
import { CalendarFeedStore, MeetingStore } from './storage/meetings';
import { AgendaStore, MinutesStore } from './storage/agendas';
import { registerMinutesEndpoint } from './minutes-endpoint';
import { registerReportEndpoint } from './report-endpoint';
import { ReportStore } from './storage/reports';
import { registerSipEndpoint } from './sip-endpoint';
import { SipStore } from './storage/sips';
import { FiguresStore } from './storage/figures';
import { ReviewStore } from './storage/reviews';
import { PlanStore } from './storage/plans';
import { IndicatorStore } from './storage/indicators';
import { RaisedItemStore } from './storage/raised';
import { BroadcastStore } from './storage/broadcasts';
import { SurveyStore } from './storage/surveys';
import { OutboxStore } from './delivery/outbox';
import { RateLimiter } from './delivery/rate-limiter';
import { ProactiveGroupChannel } from './bot/channel';
import { Proactive } from './bot/proactive';
import { registerCalendarEndpoint } from './calendar-endpoint';
import { RetentionStore } from './storage/retention';
import { planRetention, RETENTION_KIND, retentionJob } from './scheduler/retention';
import { type AzureMonitorOptions, startAzureMonitor } from './telemetry/azure-monitor';
import type { TokenCredential } from '@azure/identity';
import { graphCalendarFrom } from './calendar/graph';

export interface StartOptions {
  logger?: Logger;
  /** Overrides STORAGE_CONNECTION_STRING (local mode and tests pass Azurite's). */
  connectionString?: string;
  port?: number;
  now?: () => Date;
  /** Overrides ORG_CONFIG (tests pass a parsed organisation). */
  organisation?: Organisation;
  /**
   * The scheduler's clock for leases (default: `now`) and lease length
   * (default 60 s): the crash tests keep `now` fixed for the turns but let
   * a dead process's leases run out in a few seconds of real time.
   */
  scheduler?: { clock?: () => Date; leaseMs?: number };
  /** With APPLICATIONINSIGHTS_CONNECTION_STRING: extra span processors and metric readers, and sampling off (the telemetry privacy test). */
  telemetry?: Omit<AzureMonitorOptions, 'connectionString'>;
  /** With GRAPH_* set: the credential Graph tokens come from instead of the configured one (tests: a stand-in for Entra). */
  graphCredential?: TokenCredential;
}

export interface RunningBot extends RunningServer {
  services: BotServices;
}

export function defaultLogger(config: Config): Logger {
  const pretty = config.LOG_FORMAT ? config.LOG_FORMAT === 'pretty' : !config.production && process.stdout.isTTY;
  return createLogger({ level: config.LOG_LEVEL, pretty });
}

/** Composition root: configuration → storage → app → server → scheduler. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? defaultLogger(config);
  const stopTelemetry = config.APPLICATIONINSIGHTS_CONNECTION_STRING
    ? await startAzureMonitor({ connectionString: config.APPLICATIONINSIGHTS_CONNECTION_STRING, ...options.telemetry })
    : undefined;
  if (stopTelemetry) logger.info('telemetry to Application Insights on');
  logStacks(!!config.SAMVERKAN_DEBUG_STACK);
  // The organisation first: a bad file stops start-up before anything else is touched.
  const organisation = options.organisation ?? loadOrganisationOrThrow(config.ORG_CONFIG);
  const problems = organisationProblems(config, organisation);
  if (problems.length) throw new Error(problems.join('\n'));
  const connectionString = options.connectionString ?? config.STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('STORAGE_CONNECTION_STRING: required (local mode starts Azurite and passes its own)');
  const store = new TableStore(connectionString, config.TABLE_PREFIX);
  await store.ensureTables();

  const now = options.now ?? (() => new Date());
  const scheduler = new Scheduler({
    jobs: jobStoreOf(store),
    clock: options.scheduler?.clock ?? now,
    leaseMs: options.scheduler?.leaseMs,
    logger,
  });
  const adapter = createAdapter(config);
  const conversationReferences = new ConversationReferenceStore(store.client(TABLES.conversationReferences));
  const channelLinks = new ChannelLinkStore(store.client(TABLES.channelLinks));
  const preferences = new PreferenceStore(store.client(TABLES.preferences));
  // Personal chats saved before the personal-chat index existed get their index rows (once; a marker says so).
  await conversationReferences.backfillPersonalIndex();
  await channelLinks.backfillGroupIndex();
  const proactive = new Proactive(adapter, config.BOT_ID ?? '', conversationReferences, {
    preferences,
    organisationDefault: organisation.language,
  });

  // One per process: the fan-out and every other proactive send share the rate it learns.
  const limiter = new RateLimiter({ appPerSecond: config.FANOUT_RATE, conversationPerSecond: config.FANOUT_CONVERSATION_RATE });
  const meetings = new MeetingStore(store.client(TABLES.meetings));
  const minutes = new MinutesStore(store.client(TABLES.minutes), store.client(TABLES.actions), store.client(TABLES.minutesPrint));
  const consents = new ConsentStore(store.client(TABLES.consents), store.client(TABLES.consentIndex));
  const figures = new FiguresStore(store.client(TABLES.figures), organisation.timeZone, {
    meetings,
    minutes,
    consents,
    auditTable: store.client(TABLES.audit),
    auditByGroup: store.client(TABLES.auditByGroup),
    reviews: new ReviewStore(store.client(TABLES.reviews)),
  });
  const services: BotServices = {
    config,
    logger,
    store,
    conversationReferences,
    now,
    organisation,
    channelLinks,
    consents,
    audit: new AuditLog(store.client(TABLES.audit), store.client(TABLES.auditByGroup)),
    scheduler,
    meetings,
    calendarEvents: graphCalendarFrom(config, options.graphCredential),
    calendarFeeds: new CalendarFeedStore(store.client(TABLES.calendarFeeds)),
    agendas: new AgendaStore(store.client(TABLES.agendas)),
    minutes,
    reviews: new ReviewStore(store.client(TABLES.reviews)),
    sips: new SipStore(store.client(TABLES.sips), store.client(TABLES.sipPrint)),
    plans: new PlanStore(store.client(TABLES.planActivities)),
    indicators: new IndicatorStore(store.client(TABLES.indicatorValues)),
    raised: new RaisedItemStore(store.client(TABLES.raisedItems)),
    broadcasts: new BroadcastStore(store.client(TABLES.broadcasts)),
    surveys: new SurveyStore(store.client(TABLES.surveyAnswers)),
    figures,
    reports: new ReportStore(store.client(TABLES.reportTokens), store.client(TABLES.audit), figures),
    outbox: new OutboxStore(store.client(TABLES.outbox)),
    preferences,
    limiter,
    proactive,
    channel: new ProactiveGroupChannel({ organisation, channelLinks, proactive, logger, limiter }),
  };
  const routes = featureRoutes(services);
  for (const [kind, handler] of routes.jobs) scheduler.register(kind, handler);
  // What the retention policy no longer keeps is erased nightly (src/scheduler/retention.ts).
  const retention = new RetentionStore({
    consents: store.client(TABLES.consents),
    consentIndex: store.client(TABLES.consentIndex),
    audit: store.client(TABLES.audit),
    auditByGroup: store.client(TABLES.auditByGroup),
    figures: store.client(TABLES.figures),
    outbox: store.client(TABLES.outbox),
    jobIds: store.client(TABLES.jobIds),
    jobState: store.client(TABLES.jobState),
    jobTable: (name) => store.client(name),
  });
  scheduler.register(RETENTION_KIND, (ctx) => retentionJob({ organisation, retention, scheduler, logger }, ctx));
  // Plan what the calendar asks for (idempotent: every process may do it at start).
  try {
    await planRetention({ scheduler }, now());
    await startFeatures(services);
  } catch (err) {
    logger.warn(
      { err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } },
      'could not plan review reminders or the digest yet',
    );
  }
  const app = createApp(adapter, services, routes);
  const server = createServer({
    config,
    logger,
    adapter,
    app,
    store,
    extend: (srv) => {
      registerJobsEndpoint(srv, { config, logger, scheduler, now });
      registerCalendarEndpoint(srv, services);
      registerMinutesEndpoint(srv, services);
      registerReportEndpoint(srv, services);
      registerSipEndpoint(srv, services);
    },
  });
  const running = await listen(server, options.port ?? config.PORT, config.HOST);
  logger.info({ url: running.url, anonymous: config.anonymous }, 'bot listening');
  // Handlers are registered by the features above; the timer only drives ticks (the work itself is in Table Storage).
  scheduler.start(config.SCHEDULER_TICK_MS);
  return {
    ...running,
    services,
    close: async () => {
      await scheduler.stop();
      await running.close();
      await stopTelemetry?.();
    },
  };
}

/** Production entry: `npm run serve` (plain node on dist/). */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env.ENV_NAME ?? (process.env.NODE_ENV === 'production' ? 'production' : 'local'));
  const bot = await startBot(config);
  installShutdown(bot.services.logger, [() => bot.close()]);
}

/** Graceful shutdown on SIGTERM/SIGINT: stop taking work, finish what runs, exit. */
export function installShutdown(logger: Logger, steps: Array<() => Promise<void>>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    for (const step of steps) {
      try {
        await step();
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'shutdown step failed');
      }
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: { message: (reason as Error)?.message } }, 'unhandled rejection');
  });
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`Samverkan failed to start: ${err.message}\n`);
    process.exit(1);
  });
}
