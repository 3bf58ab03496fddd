import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the production entry point (src/index.ts) with only the given environment. */
function start(env: Record<string, string>) {
  const res = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_NAME: 'none', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: res.status, stderr: res.stderr };
}

describe('start-up refuses a bad configuration with one clear line per problem', () => {
  it('production without credentials, storage or identifier key', () => {
    const { status, stderr } = start({ NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^ {2}BOT_ID: required in production/m);
    expect(stderr).toMatch(/^ {2}BOT_PASSWORD: required in production/m);
    expect(stderr).toMatch(/^ {2}STORAGE_CONNECTION_STRING: required in production/m);
    expect(stderr).toMatch(/^ {2}IDENTIFIER_KEY: required in production/m);
  });

  it('a bad value names the variable and what it needs', () => {
    const { status, stderr } = start({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/PORT: /);
    expect(stderr).toMatch(/LOG_LEVEL: /);
  });

  it('a bad organisation file names the file, the path inside it and what is wrong', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-badorg-'));
    const file = path.join(dir, 'kommun.yaml');
    writeFileSync(file, [
      'id: kommun', 'name: Kommunen',
      'people:', '  - { id: anna, displayName: Anna, role: rektor }',
      'groups:', '  - { id: styr, name: Styrgrupp, level: strategisk, conveners: [bertil], cadence: weekly }',
    ].join('\n'));
    const { status, stderr } = start({ ORG_CONFIG: file, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(status).toBe(1);
    expect(stderr).toContain('kommun.yaml');
    expect(stderr).toMatch(/groups\[0\]\.level/);
    expect(stderr).toMatch(/groups\[0\]\.conveners\[0\].*bertil/);
  });

  it('an unknown preset name says which presets there are', () => {
    const { status, stderr } = start({ ORG_CONFIG: 'nowhere-kommun', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(status).toBe(1);
    expect(stderr).toContain('essunga');
    expect(stderr).toContain('oxelosund');
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM the server stops taking requests and the process exits 0', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_NAME: 'none', PORT: '0', LOG_FORMAT: 'json', SCHEDULER_TICK_MS: '0',
        STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'), TABLE_PREFIX: `shut${Date.now().toString(36)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /"url":"(http:[^"]+)"/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('shutting down');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
