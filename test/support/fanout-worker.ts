import { parseConfig } from '../../src/config';
import { startBot } from '../../src/index';
import { createLogger } from '../../src/logger';
import { runDigest } from '../../src/features/digest/weekly';

/**
 * One bot process for the fan-out tests: starts the whole bot on the given
 * storage and tables, runs one week's digest fan-out, prints its summary
 * and exits. Killed with SIGKILL mid-run by the tests.
 */
const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} required`);
  return v;
};

async function main(): Promise<void> {
  // When the modules were loaded (the bench splits a restart's gap into load, bot start and the run's own start).
  process.stdout.write(`loaded ${Math.round(performance.timeOrigin)} ${Date.now()}\n`);
  const parsed = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    TABLE_PREFIX: env('PREFIX'),
    ORG_CONFIG: env('ORG'),
    IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef0123',
    SCHEDULER_TICK_MS: '0',
    LOG_LEVEL: 'silent',
    FANOUT_RATE: process.env.FANOUT_RATE ?? '45',
    FANOUT_LEASE_MS: process.env.LEASE_MS ?? '2000',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const now = new Date(env('NOW'));
  const bot = await startBot(parsed.config, {
    connectionString: env('CONN'),
    port: 0,
    logger: createLogger({ level: 'silent' }),
    now: () => now,
  });
  process.stdout.write('ready\n');
  const summary = await runDigest(bot.services, env('WEEK'), now);
  process.stdout.write(`done ${JSON.stringify(summary)}\n`);
  await bot.close();
  process.exit(0);
}

main().catch((err: Error) => {
  process.stderr.write(`fan-out worker failed: ${err.message}\n`);
  process.exit(1);
});
