import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The one place that finds a Chromium or Chrome for playwright-core (the
 * end-to-end suite, its stack, `npm run cards:gallery`, and the `npm test`
 * pre-step `scripts/ensure-browser.ts`): `CHROMIUM_PATH` when set, else the
 * usual install paths on Linux and macOS, else the same names on `PATH`.
 */

/** Where Chromium and Chrome are installed by Debian/Ubuntu, Google's packages, snap, and on macOS. */
export const BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Executable names looked up on PATH when none of the paths above exists. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** How to get a browser, in one line. */
export const BROWSER_HINT =
  'No Chromium or Chrome found for the end-to-end tests: set CHROMIUM_PATH=/path/to/chromium, or install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium).';

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface BrowserSearchOptions {
  env?: NodeJS.ProcessEnv;
  /** Replaceable for tests. */
  isExecutable?: (file: string) => boolean;
}

/**
 * The browser to launch, or undefined when there is none. A `CHROMIUM_PATH`
 * that is set but not an executable file throws: an explicit choice that is
 * wrong must not be replaced silently by another browser.
 */
export function findBrowser({ env = process.env, isExecutable = isExecutableFile }: BrowserSearchOptions = {}): string | undefined {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (!isExecutable(chosen))
      throw new Error(
        `CHROMIUM_PATH=${chosen} is not an executable file; point it at a Chromium or Chrome binary, or unset it to search the usual places.`,
      );
    return chosen;
  }
  const found = BROWSER_PATHS.find((p) => isExecutable(p));
  if (found) return found;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The browser to launch; throws a one-line error saying how to get one when there is none. */
export function requireBrowser(options?: BrowserSearchOptions): string {
  const found = findBrowser(options);
  if (!found) throw new Error(BROWSER_HINT);
  return found;
}
