import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startBot } from '../../src/index';

/** The real bot in its own process, for the turn-latency benchmark. */
async function main(): Promise<void> {
  const result = parseConfig({
    ORG_CONFIG: 'local-demo',
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'warn',
    SCHEDULER_TICK_MS: '0',
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const bot = await startBot(result.config, {
    logger: createLogger({ level: 'warn' }),
    connectionString: process.env.STORAGE_CONNECTION_STRING!,
  });
  process.stdout.write(`READY ${new URL(bot.url).port}\n`);
  // For the long load run: the heap after a collection, every MEMORY_EVERY_MS.
  const every = Number(process.env.MEMORY_EVERY_MS ?? 0);
  if (every > 0) {
    setInterval(() => {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      process.stdout.write(`HEAP ${process.memoryUsage().heapUsed} ${process.memoryUsage().rss} ${gc ? 'gc' : 'nogc'}\n`);
    }, every).unref();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
