import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_ORG_PRESET, loadConfigOrExit } from './config';
import { defaultLogger, installShutdown, startBot } from './index';
import { isPortFree, startAzurite, waitForPort, type AzuriteHandle } from './storage/azurite';
import { projectRoot } from './paths';

/** A stable local IDENTIFIER_KEY, generated once and kept in the git-ignored data folder. */
function localIdentifierKey(dataDir: string): string {
  const file = path.join(dataDir, 'identifier-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

function startPlayground(botUrl: string, port: number, dataDir: string): ChildProcess {
  const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
  const cli = path.join(path.dirname(pkg), 'cli.js');
  return spawn(process.execPath, [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '--port', String(port)], {
    // Its log goes to the data folder, not to a devTools/ folder in the repository.
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dataDir, 'm365agentsplayground.log'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** `npm start`: embedded Azurite, the bot, and the Agents Playground pointed at it. */
async function main(): Promise<void> {
  const started = Date.now();
  const root = projectRoot();
  process.chdir(root);
  // Local mode runs the demo organisation unless ORG_CONFIG names another: said here, not assumed by start-up.
  const config = loadConfigOrExit(process.env.ENV_NAME ?? 'local', path.join(root, 'env'), { ORG_CONFIG: LOCAL_ORG_PRESET });
  if (config.production) throw new Error('npm start is local mode; use npm run serve in production');
  const dataDir = path.resolve(root, config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  config.IDENTIFIER_KEY ??= localIdentifierKey(dataDir);
  const logger = defaultLogger(config);
  // Ports first, so a second `npm start` fails before it starts (and would orphan) an Azurite.
  if (config.PORT && !(await isPortFree(config.PORT, config.HOST)))
    throw new Error(`port ${config.PORT} is taken: is Samverkan already running? Set PORT to use another.`);
  if (config.PLAYGROUND === 'on' && !(await isPortFree(config.PLAYGROUND_PORT)))
    throw new Error(`port ${config.PLAYGROUND_PORT} is taken: is another Playground running? Set PLAYGROUND=off to skip it.`);

  let azurite: AzuriteHandle | undefined;
  let connectionString = config.STORAGE_CONNECTION_STRING;
  if (!connectionString) {
    const port = (await isPortFree(10002)) ? 10002 : 0;
    azurite = await startAzurite({ location: path.join(dataDir, 'azurite'), port });
    connectionString = azurite.connectionString;
    logger.info({ port: azurite.port }, 'embedded Azurite Table service started');
  }

  const bot = await startBot(config, { logger, connectionString });
  let playground: ChildProcess | undefined;
  const steps: Array<() => Promise<void>> = [() => bot.close()];
  if (config.PLAYGROUND === 'on') {
    const PLAYGROUND_PORT = config.PLAYGROUND_PORT;
    playground = startPlayground(bot.url, PLAYGROUND_PORT, dataDir);
    let exited = false;
    playground.once('exit', () => {
      exited = true;
    });
    await waitForPort(PLAYGROUND_PORT, '127.0.0.1', 60_000, () => !exited);
    steps.unshift(async () => {
      playground?.kill('SIGTERM');
    });
  }
  if (azurite) steps.push(() => azurite!.stop());
  installShutdown(logger, steps);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = playground
    ? `open http://127.0.0.1:${config.PLAYGROUND_PORT} and say "hjälp"`
    : `the bot listens on ${bot.url}/api/messages`;
  process.stdout.write(`\nSamverkan is ready in ${seconds} s (organisation: ${config.ORG_CONFIG}): ${where}. Stop with Ctrl+C.\n\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`Samverkan could not start locally: ${err.message}\n`);
  process.exit(1);
});
