import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import { parseConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { loadOrganisationOrThrow } from '../../src/features/shared/organisation';
import { startBot, type RunningBot, type StartOptions } from '../../src/index';
import { cardsIn, expectValidCard } from './cards';
import { cardKind, ConnectorEmulator, type SentActivity } from './connector-emulator';

/** Every log line written in the suite, also kept on disk for the privacy scan. */
export const LOG_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'logs');

export class CapturedLog extends Writable {
  readonly lines: string[] = [];
  constructor(private readonly file?: string) {
    super();
    if (file) mkdirSync(path.dirname(file), { recursive: true });
  }
  /** The start of a line whose end has not come yet: a long log line can arrive in more than one chunk. */
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    const s = this.decoder.write(chunk);
    const parts = (this.partial + s).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line) this.lines.push(line);
    if (this.file) appendFileSync(this.file, s);
    cb();
  }
}

export interface TestBot {
  bot: RunningBot;
  emulator: ConnectorEmulator;
  log: CapturedLog;
  config: Config;
  tablePrefix: string;
  /** POSTs an activity to /api/messages over real HTTP; cards in an invoke response are checked too. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /**
   * Runs a scheduler job through POST /api/jobs/run with the admin token, as the external timer does, and answers what
   * the bot sent meanwhile (of the card kind `kind`, when given).
   */
  runJob(job: string, now: Date, kind?: string): Promise<SentActivity[]>;
  /** The same run, answering the endpoint's summary (what was sent, skipped, failed and parked, by kind). */
  runJobSummary(job: string, now: Date): Promise<JobRunSummary>;
  /** Throws if any card the bot sent (or answered an invoke with) failed `expectValidCard`. */
  assertCardsValid(): void;
  /** Stops bot and emulator; then throws if any card failed the check, so no test file can miss it. */
  close(): Promise<void>;
}

/** What POST /api/jobs/run answers. */
export interface JobRunSummary {
  job: string;
  sent: number;
  skipped: number;
  failed: number;
  parked: number;
  byKind: Record<string, { ran: number; skipped: number; failed: number; parked: number }>;
}

export interface TestBotOptions {
  connectionString: string;
  env?: Record<string, string>;
  now?: () => Date;
  /** Keeps the organisation file's `language`; without it, every user gets their Teams language. */
  organisationLanguage?: boolean;
  /** Checks every card the bot sends; defaults to `expectValidCard`. */
  cardValidator?: (card: unknown) => void;
  /** With APPLICATIONINSIGHTS_CONNECTION_STRING in env: in-memory exporters for the telemetry test. */
  telemetry?: StartOptions['telemetry'];
  /** With GRAPH_* in env: the stand-in for Entra that hands out the Graph emulator's tokens. */
  graphCredential?: StartOptions['graphCredential'];
}

export async function startTestBot(options: TestBotOptions): Promise<TestBot> {
  const tablePrefix = `t${randomBytes(5).toString('hex')}`;
  const result = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    TABLE_PREFIX: tablePrefix,
    // Start-up requires an organisation; the tests' default is the demo preset, named explicitly.
    ORG_CONFIG: 'local-demo',
    IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef0123',
    ADMIN_TOKEN: 'test-admin-token-0123456789abcdef',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const config = result.config;
  const log = new CapturedLog(path.join(LOG_DIR, `${tablePrefix}.jsonl`));
  const logger = createLogger({ level: config.LOG_LEVEL, destination: log });
  const emulator = await new ConnectorEmulator({ cardValidator: options.cardValidator ?? expectValidCard }).start();
  // The suite is written to each user's Teams language: the organisation's own default
  // (the demo's Swedish) is left out unless a test keeps it (test/protocol/language.test.ts).
  const organisation = options.organisationLanguage ? undefined : { ...loadOrganisationOrThrow(config.ORG_CONFIG), language: undefined };
  const bot = await startBot(config, {
    logger,
    connectionString: options.connectionString,
    port: 0,
    now: options.now,
    organisation,
    telemetry: options.telemetry,
    graphCredential: options.graphCredential,
  });
  const jobSummary = async (job: string, now: Date): Promise<JobRunSummary> => {
    const res = await fetch(`${bot.url}/api/jobs/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job, now: now.toISOString() }),
    });
    if (res.status !== 200) throw new Error(`POST /api/jobs/run ${job}: ${res.status} ${await res.text()}`);
    return (await res.json()) as JobRunSummary;
  };
  return {
    bot,
    emulator,
    log,
    config,
    tablePrefix,
    async post(activity, headers = {}) {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      if (text && /json/i.test(res.headers.get('content-type') ?? '')) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          /* not a card */
        }
        for (const card of cardsIn(json)) emulator.checkCard(card, 'invoke response');
      }
      return { status: res.status, body: text };
    },
    async runJob(job, now, kind) {
      const mark = emulator.sent.length;
      await jobSummary(job, now);
      const sent = emulator.sent.slice(mark);
      return kind ? sent.filter((a) => cardKind(a) === kind) : sent;
    },
    runJobSummary: jobSummary,
    assertCardsValid() {
      emulator.assertCardsValid();
    },
    async close() {
      await bot.close();
      await emulator.stop();
      emulator.assertCardsValid();
    },
  };
}
