import pino from 'pino';
import { parseConfig } from '../../src/config';
import { startBot } from '../../src/index';
import { createLogger } from '../../src/logger';

/**
 * A whole bot in its own process, for the scale-out and crash tests:
 * anonymous mode, the given storage and tables, an external timer only (the
 * test drives POST /api/jobs/run). Prints `listening <url>` when ready.
 *
 * NOW fixes the turns' clock. LEASE_MS shortens the scheduler's and the
 * fan-out's leases, and then the scheduler's clock runs on from NOW in real
 * time, so a successor takes over a killed process's jobs after LEASE_MS.
 * LOG_FILE writes the log there at info level (the privacy scan reads it).
 */
async function main(): Promise<void> {
  const env = (k: string) => {
    const v = process.env[k];
    if (!v) throw new Error(`${k} required`);
    return v;
  };
  const parsed = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    TABLE_PREFIX: env('PREFIX'),
    ORG_CONFIG: process.env.ORG ?? 'local-demo',
    IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef0123',
    ADMIN_TOKEN: 'test-admin-token-0123456789abcdef',
    SCHEDULER_TICK_MS: '0',
    LOG_LEVEL: 'silent',
    ...(process.env.LEASE_MS ? { FANOUT_LEASE_MS: process.env.LEASE_MS } : {}),
    // Any other setting, as BOT_ENV_<NAME>.
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith('BOT_ENV_'))
        .map(([k, v]) => [k.slice(8), v]),
    ),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const fixed = process.env.NOW ? new Date(process.env.NOW) : undefined;
  const leaseMs = process.env.LEASE_MS ? Number(process.env.LEASE_MS) : undefined;
  const started = performance.now();
  const scheduler = leaseMs && fixed ? { leaseMs, clock: () => new Date(fixed.getTime() + (performance.now() - started)) } : undefined;
  const bot = await startBot(parsed.config, {
    connectionString: env('CONN'),
    port: 0,
    logger: process.env.LOG_FILE
      ? createLogger({ level: 'info', destination: pino.destination({ dest: process.env.LOG_FILE, sync: true, mkdir: true }) })
      : createLogger({ level: 'silent' }),
    now: fixed ? () => fixed : undefined,
    scheduler,
  });
  process.stdout.write(`listening ${bot.url}\n`);
  process.on('SIGTERM', () => void bot.close().then(() => process.exit(0)));
}

main().catch((err: Error) => {
  process.stderr.write(`bot process failed: ${err.message}\n`);
  process.exit(1);
});
