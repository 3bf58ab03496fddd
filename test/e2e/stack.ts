import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../src/storage/azurite';
import { requireBrowser } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');

export interface LocalStack {
  botPort: number;
  playgroundUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `npm start`'s entry point the way a newcomer would, on free ports and a throw-away data folder. */
export async function startLocalStack(timeoutMs = 90_000): Promise<LocalStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-e2e-'));
  const botPort = await freePort();
  const playgroundPort = await freePort();
  const tsxCli = require.resolve('tsx/cli');
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'src/local.ts'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(botPort),
      PLAYGROUND_PORT: String(playgroundPort),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      r();
    }),
  );
  /** The whole process group (tsx, the bot, Azurite, the Playground): SIGTERM, then SIGKILL for whatever is left. */
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* group already gone */
    }
  };
  const stop = async () => {
    if (child.pid) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
      // Even after a clean exit, nothing of the group may outlive the test.
      signalGroup('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!/Samverkan is ready/.test(out)) {
    if (exited) {
      await stop();
      throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start was not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { botPort, playgroundUrl: `http://127.0.0.1:${playgroundPort}`, output: () => out, stop };
}

/** Chromium or Chrome as test/support/browser.ts finds it (CHROMIUM_PATH, then the usual install paths). */
export async function launchChromium(executablePath: string = requireBrowser()): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that reaches only this machine: web fonts and telemetry hosts are blocked. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}
