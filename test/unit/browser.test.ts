import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_HINT, BROWSER_PATHS, findBrowser, requireBrowser } from '../support/browser';

/** A file system holding only the given executables. */
const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('the browser finder', () => {
  it('takes CHROMIUM_PATH first, over any installed browser', () => {
    expect(findBrowser({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, isExecutable: only('/opt/my/chrome', '/usr/bin/chromium') })).toBe(
      '/opt/my/chrome',
    );
  });

  it('refuses a CHROMIUM_PATH that is not an executable rather than quietly using another browser', () => {
    expect(() => findBrowser({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, isExecutable: only('/usr/bin/chromium') })).toThrow(
      /CHROMIUM_PATH=\/nowhere\/chrome is not an executable/,
    );
  });

  it('otherwise takes the first usual install path that exists, on Linux and macOS', () => {
    expect(findBrowser({ env: {}, isExecutable: only('/usr/bin/chromium', '/usr/bin/google-chrome') })).toBe('/usr/bin/chromium');
    expect(findBrowser({ env: { CHROMIUM_PATH: '  ' }, isExecutable: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
    expect(findBrowser({ env: {}, isExecutable: only('/opt/google/chrome/chrome') })).toBe('/opt/google/chrome/chrome');
    expect(findBrowser({ env: {}, isExecutable: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') })).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(BROWSER_PATHS).toEqual(
      expect.arrayContaining([
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
        '/opt/google/chrome/chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
      ]),
    );
  });

  it('then looks for chromium or chrome on PATH', () => {
    const dir = path.join('/home/me', 'bin');
    expect(
      findBrowser({ env: { PATH: ['/usr/local/bin', dir].join(path.delimiter) }, isExecutable: only(path.join(dir, 'google-chrome')) }),
    ).toBe(path.join(dir, 'google-chrome'));
  });

  it('finds nothing on a machine without a browser, and says in one line how to get one', () => {
    expect(findBrowser({ env: { PATH: '/usr/bin' }, isExecutable: only() })).toBeUndefined();
    expect(() => requireBrowser({ env: {}, isExecutable: only() })).toThrow(BROWSER_HINT);
    expect(BROWSER_HINT).toMatch(/CHROMIUM_PATH/);
    expect(BROWSER_HINT).not.toMatch(/\n/);
  });
});
