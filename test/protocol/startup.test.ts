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
    expect(stderr).toMatch(/^ {2}ORG_CONFIG: required/m);
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
    writeFileSync(
      file,
      [
        'id: kommun',
        'name: Kommunen',
        'people:',
        '  - { id: anna, displayName: Anna, role: rektor }',
        'groups:',
        '  - { id: styr, name: Styrgrupp, level: strategisk, conveners: [bertil], cadence: weekly }',
      ].join('\n'),
    );
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

const PRODUCTION = {
  NODE_ENV: 'production',
  BOT_ID: '11111111-2222-3333-4444-555555555555',
  BOT_PASSWORD: 'test-password',
  IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef0123',
  PORT: '0',
  LOG_FORMAT: 'json',
  SCHEDULER_TICK_MS: '0',
};

/** Starts an entry point and waits until its output matches `ready`; the caller stops it. */
async function startUntil(
  file: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ReturnType<typeof spawn>; out: () => string; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_NAME: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (d: Buffer) => (out += d.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready: ${out}`));
    }, 180_000);
    const check = () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${out}`));
    });
  });
  return { child, out: () => out, match };
}
async function stop(child: ReturnType<typeof spawn>): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('the organisation file at start-up', () => {
  it('without ORG_CONFIG start-up refuses, naming it, instead of running the demo organisation', () => {
    const { status, stderr } = start({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^ {2}ORG_CONFIG: required: the organisation file \(a path\) or a preset name \(.*local-demo.*\); npm start sets local-demo itself$/m,
    );
  });

  it('in production an organisation file that names no tenant is refused with a clear message, before storage is touched', () => {
    // The storage account named here does not exist: the refusal comes first.
    const { status, stderr } = start({
      ...PRODUCTION,
      ORG_CONFIG: 'local-demo',
      STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=nowhere;AccountKey=eA==;EndpointSuffix=invalid',
    });
    expect(status).toBe(1);
    expect(stderr).toContain(
      'ORG_CONFIG: the organisation file must name its tenantId (the Entra tenant id of the municipality) in production',
    );
  });

  it('in production an organisation file that names its tenant starts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-tenant-org-'));
    const file = path.join(dir, 'kommun.yaml');
    writeFileSync(file, 'extends: local-demo\ntenantId: 00000000-0000-0000-0000-0000000000001\n');
    const { child, match } = await startUntil(
      'src/index.ts',
      {
        ...PRODUCTION,
        ORG_CONFIG: file,
        STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
        TABLE_PREFIX: `tnt${Date.now().toString(36)}`,
      },
      /"url":"(http:[^"]+)"/,
    );
    expect((await fetch(`${match[1]}/healthz`)).status).toBe(200);
    expect(await stop(child)).toBe(0);
  });

  it('npm start (src/local.ts) without ORG_CONFIG runs the local demo preset, and says so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-local-'));
    const { child, match } = await startUntil(
      'src/local.ts',
      {
        PORT: '0',
        PLAYGROUND: 'off',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
        SCHEDULER_TICK_MS: '0',
        DATA_DIR: dataDir,
        STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
        TABLE_PREFIX: `loc${Date.now().toString(36)}`,
      },
      /Samverkan is ready in [\d.]+ s \(organisation: ([^)]+)\): the bot listens on (http:\S+)\/api\/messages/,
    );
    expect(match[1]).toBe('local-demo');
    expect((await fetch(`${match[2]}/healthz`)).status).toBe(200);
    expect(await stop(child)).toBe(0);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM the server stops taking requests and the process exits 0', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ENV_NAME: 'none',
        PORT: '0',
        LOG_FORMAT: 'json',
        SCHEDULER_TICK_MS: '0',
        ORG_CONFIG: 'local-demo',
        STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
        TABLE_PREFIX: `shut${Date.now().toString(36)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /"url":"(http:[^"]+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
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
