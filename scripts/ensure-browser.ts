import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_HINT, findBrowser } from '../test/support/browser';

/**
 * The first step of `npm test`: the end-to-end suite needs a Chromium or
 * Chrome, and without one `npm test` used to fail only after the unit and
 * protocol suites had run for minutes. This finds one the way the suite does
 * (test/support/browser.ts). When there is none, on Debian or Ubuntu as root
 * (CI, a container) it installs Debian's Chromium with apt-get; anywhere else
 * it stops at once with one line saying how to get one.
 */

function fail(message: string): never {
  console.error(`ensure-browser: ${message}`);
  process.exit(1);
}

function search(): string | undefined {
  try {
    return findBrowser();
  } catch (err) {
    return fail((err as Error).message); // CHROMIUM_PATH set to something that is not a browser
  }
}

function run(command: string, args: string[]): boolean {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) console.error(`ensure-browser: ${command}: ${result.error.message}`);
  return result.status === 0;
}

function main(): void {
  const found = search();
  if (found) {
    console.log(`ensure-browser: using ${found}`);
    return;
  }
  const debian = existsSync('/etc/debian_version');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!debian || !root) fail(BROWSER_HINT);

  console.log("ensure-browser: no Chromium or Chrome found; installing Debian's chromium package");
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', 'chromium'])) {
    fail(`apt-get could not install chromium. ${BROWSER_HINT}`);
  }
  const installed = search();
  if (!installed) fail(`chromium was installed but no browser was found afterwards. ${BROWSER_HINT}`);
  console.log(`ensure-browser: using ${installed}`);
}

main();
