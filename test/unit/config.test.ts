import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv, organisationProblems, parseConfig, readEnvFile, withDefaults, type Config } from '../../src/config';

// Every start-up names its organisation (below); the other rules are tested with one named.
const ORG = { ORG_CONFIG: 'local-demo' };
const ok = (env: Record<string, string | undefined>): Config => {
  const r = parseConfig({ ...ORG, ...env });
  if (!r.ok) throw new Error(`expected a valid configuration, got:\n${r.errors.join('\n')}`);
  return r.config;
};
const errorsOf = (env: Record<string, string | undefined>): string[] => {
  const r = parseConfig({ ...ORG, ...env });
  if (r.ok) throw new Error('expected configuration errors');
  return r.errors;
};

const PRODUCTION_OK = {
  NODE_ENV: 'production',
  BOT_ID: '11111111-2222-3333-4444-555555555555',
  BOT_PASSWORD: 'secret',
  STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
  IDENTIFIER_KEY: 'k'.repeat(32),
};

describe('parseConfig defaults', () => {
  it('an empty environment gives the documented local defaults', () => {
    const c = ok({});
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3978,
      HOST: '127.0.0.1',
      BOT_TYPE: 'MultiTenant',
      TABLE_PREFIX: 'samverkan',
      PLAYGROUND: 'on',
      PLAYGROUND_PORT: 56150,
      LOG_LEVEL: 'info',
      DATA_DIR: '.data',
      MAX_BODY_BYTES: 256 * 1024,
      CONNECTOR_TIMEOUT_MS: 10_000,
      production: false,
      anonymous: true,
    });
    expect(c.BOT_ID).toBeUndefined();
    expect(c.STORAGE_CONNECTION_STRING).toBeUndefined();
    expect(c.IDENTIFIER_KEY).toBeUndefined();
  });

  it('empty and blank values count as unset', () => {
    const c = ok({ PORT: '', HOST: '  ', BOT_ID: '', LOG_LEVEL: '', PLAYGROUND: ' ' });
    expect(c.PORT).toBe(3978);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.anonymous).toBe(true);
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.PLAYGROUND).toBe('on');
  });

  it('numbers are parsed, names kept', () => {
    const c = ok({
      PORT: '0',
      PLAYGROUND: 'off',
      LOG_LEVEL: 'debug',
      MAX_BODY_BYTES: '1024',
      BOT_ID: 'abc',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: 't',
    });
    expect(c.PORT).toBe(0);
    expect(c.PLAYGROUND).toBe('off');
    expect(c.MAX_BODY_BYTES).toBe(1024);
    expect(c.anonymous).toBe(false);
  });

  it('ignores variables it does not know', () => {
    expect(ok({ PATH: '/usr/bin', HOME: '/root', npm_config_x: 'y' }).PORT).toBe(3978);
  });
});

describe('parseConfig bad values', () => {
  it.each([
    ['NODE_ENV', 'prod'],
    ['PORT', 'abc'],
    ['PORT', '3.5'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PLAYGROUND_PORT', '65536'],
    ['BOT_TYPE', 'Whatever'],
    ['TABLE_PREFIX', '1starts-with-digit'],
    ['TABLE_PREFIX', 'has-dash'],
    ['TABLE_PREFIX', 'a'.repeat(21)],
    ['IDENTIFIER_KEY', 'too-short'],
    ['ADMIN_TOKEN', 'short'],
    ['PLAYGROUND', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'xml'],
    ['MAX_BODY_BYTES', '10'],
    ['MAX_BODY_BYTES', 'lots'],
    ['MAX_BODY_BYTES', String(11 * 1024 * 1024)],
    ['CONNECTOR_TIMEOUT_MS', '50'],
    ['CONNECTOR_TIMEOUT_MS', 'soon'],
    ['CONNECTOR_TIMEOUT_MS', '200000'],
  ])('%s=%s is one line naming the variable', (name, value) => {
    const errors = errorsOf({ [name]: value });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name}: \\S`));
  });

  it('a value that is not a number says what it needs, not zod\'s "received nan"', () => {
    const [port] = errorsOf({ PORT: 'abc' });
    expect(port).not.toMatch(/nan/i);
    expect(port).toMatch(/0–65535/);
    const [body] = errorsOf({ MAX_BODY_BYTES: 'lots' });
    expect(body).not.toMatch(/nan/i);
    expect(body).toMatch(/bytes/);
  });

  it('never echoes a secret back', () => {
    const errors = errorsOf({ IDENTIFIER_KEY: 'my-secret-value', ADMIN_TOKEN: 'tok-secret' });
    expect(errors.join('\n')).not.toMatch(/my-secret-value|tok-secret/);
  });

  it('every bad value gets its own line, all at once', () => {
    const errors = errorsOf({ PORT: 'x', BOT_TYPE: 'y', LOG_LEVEL: 'z', TABLE_PREFIX: '-', IDENTIFIER_KEY: 'short' });
    expect(errors.map((l) => l.split(':')[0]).sort()).toEqual(['BOT_TYPE', 'IDENTIFIER_KEY', 'LOG_LEVEL', 'PORT', 'TABLE_PREFIX']);
  });

  it('a connector timeout as long as the fan-out lease is refused: a send still waiting could be taken over and sent twice', () => {
    expect(errorsOf({ CONNECTOR_TIMEOUT_MS: '60000' })).toEqual([
      expect.stringMatching(/^CONNECTOR_TIMEOUT_MS: must be shorter than FANOUT_LEASE_MS \(60000 ms\)/),
    ]);
    expect(ok({ CONNECTOR_TIMEOUT_MS: '60000', FANOUT_LEASE_MS: '90000' }).CONNECTOR_TIMEOUT_MS).toBe(60_000);
    // Unset, it stays within a short lease by itself.
    expect(ok({ FANOUT_LEASE_MS: '2000' }).CONNECTOR_TIMEOUT_MS).toBe(1000);
  });

  it('a password without an app id is refused', () => {
    expect(errorsOf({ BOT_PASSWORD: 'x' })).toEqual([expect.stringMatching(/^BOT_ID: required when BOT_PASSWORD is set/)]);
  });
});

describe('parseConfig in production', () => {
  it('starts with credentials, storage and the identifier key', () => {
    const c = ok(PRODUCTION_OK);
    expect(c.production).toBe(true);
    expect(c.anonymous).toBe(false);
  });

  it('refuses each missing requirement with one line naming it', () => {
    const errors = errorsOf({ NODE_ENV: 'production' });
    expect(errors).toHaveLength(4);
    for (const name of ['BOT_ID', 'BOT_PASSWORD', 'STORAGE_CONNECTION_STRING', 'IDENTIFIER_KEY']) {
      expect(errors.filter((l) => l.startsWith(`${name}: required`))).toHaveLength(1);
    }
  });

  it.each(['BOT_ID', 'BOT_PASSWORD', 'STORAGE_CONNECTION_STRING', 'IDENTIFIER_KEY'])('without %s alone: exactly that line', (name) => {
    const env: Record<string, string> = { ...PRODUCTION_OK };
    delete env[name];
    const errors = errorsOf(env);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name}: required`));
    // Blank counts as missing too.
    expect(errorsOf({ ...PRODUCTION_OK, [name]: '  ' })).toEqual(errors);
  });

  it('reports bad values and missing requirements together', () => {
    const errors = errorsOf({ NODE_ENV: 'production', PORT: 'x', BOT_ID: 'abc', BOT_PASSWORD: 'p' });
    expect(errors.map((l) => l.split(':')[0]).sort()).toEqual(['IDENTIFIER_KEY', 'PORT', 'STORAGE_CONNECTION_STRING']);
  });

  it('a too-short identifier key is named once, as too short', () => {
    const errors = errorsOf({ ...PRODUCTION_OK, IDENTIFIER_KEY: 'short' });
    expect(errors).toEqual([expect.stringMatching(/^IDENTIFIER_KEY: must be at least 32/)]);
  });

  it('managed identity needs no password; single tenant needs a tenant', () => {
    const msi: Record<string, string> = { ...PRODUCTION_OK, BOT_TYPE: 'UserAssignedMSI' };
    delete msi.BOT_PASSWORD;
    expect(ok(msi).BOT_TYPE).toBe('UserAssignedMSI');
    expect(errorsOf({ ...PRODUCTION_OK, BOT_TYPE: 'SingleTenant' })).toEqual([expect.stringMatching(/^BOT_TENANT_ID: required/)]);
    expect(ok({ ...PRODUCTION_OK, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant' }).BOT_TENANT_ID).toBe('tenant');
  });

  it('a password without an app id is one BOT_ID line, not two', () => {
    const env: Record<string, string> = { ...PRODUCTION_OK };
    delete env.BOT_ID;
    expect(errorsOf(env).filter((l) => l.startsWith('BOT_ID'))).toHaveLength(1);
  });
});

describe('the organisation file', () => {
  const rawErrors = (env: Record<string, string | undefined>): string[] => {
    const r = parseConfig(env);
    return r.ok ? [] : r.errors;
  };

  it('is required in every mode: without ORG_CONFIG nothing falls back to the demo organisation', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      expect(rawErrors(env)).toEqual([expect.stringMatching(/^ORG_CONFIG: required/)]);
    }
    // Blank is missing too.
    expect(rawErrors({ ORG_CONFIG: '   ' })).toEqual([expect.stringMatching(/^ORG_CONFIG: required/)]);
    expect(parseConfig({ ORG_CONFIG: 'essunga' }).ok).toBe(true);
    expect(parseConfig({ ORG_CONFIG: '/etc/samverkan/kommun.yaml' }).ok).toBe(true);
  });

  it('the missing line says what to give, the presets there are and that npm start sets the demo', () => {
    const [line] = rawErrors({});
    for (const preset of ['local-demo', 'essunga', 'oxelosund']) expect(line).toContain(preset);
    expect(line).toMatch(/npm start sets local-demo/);
  });

  it('in production it is one more line among the other missing requirements', () => {
    const errors = rawErrors({ NODE_ENV: 'production' });
    expect(errors.map((l) => l.split(':')[0]).sort()).toEqual([
      'BOT_ID',
      'BOT_PASSWORD',
      'IDENTIFIER_KEY',
      'ORG_CONFIG',
      'STORAGE_CONNECTION_STRING',
    ]);
    // Also when a bad value stops the schema first.
    expect(
      rawErrors({ PORT: 'x' })
        .map((l) => l.split(':')[0])
        .sort(),
    ).toEqual(['ORG_CONFIG', 'PORT']);
  });

  it('in production the organisation must name its tenant; outside production it need not', () => {
    const production = ok(PRODUCTION_OK);
    expect(organisationProblems(production, {})).toEqual([
      expect.stringMatching(/^ORG_CONFIG: the organisation file must name its tenantId .* in production$/),
    ]);
    expect(organisationProblems(production, { tenantId: '  ' })).toHaveLength(1);
    expect(organisationProblems(production, { tenantId: '00000000-0000-0000-0000-0000000000001' })).toEqual([]);
    expect(organisationProblems(ok({}), {})).toEqual([]);
    expect(organisationProblems(ok({ NODE_ENV: 'test' }), {})).toEqual([]);
  });

  it("npm start's default fills ORG_CONFIG only when neither the environment nor a file sets it", () => {
    expect(withDefaults({}, ORG)).toEqual({ ORG_CONFIG: 'local-demo' });
    expect(withDefaults({ ORG_CONFIG: '' }, ORG)).toEqual({ ORG_CONFIG: 'local-demo' });
    expect(withDefaults({ ORG_CONFIG: ' ' }, ORG)).toEqual({ ORG_CONFIG: 'local-demo' });
    expect(withDefaults({ ORG_CONFIG: 'essunga', PORT: '1' }, ORG)).toEqual({ ORG_CONFIG: 'essunga', PORT: '1' });
    const dir = mkdtempSync(path.join(tmpdir(), 'samverkan-env-org-'));
    try {
      writeFileSync(path.join(dir, '.env.local'), 'ORG_CONFIG=gnesta\n');
      expect(withDefaults(loadEnv('local', dir, {}), ORG).ORG_CONFIG).toBe('gnesta');
      expect(withDefaults(loadEnv('local', dir, { ORG_CONFIG: 'lekeberg' }), ORG).ORG_CONFIG).toBe('lekeberg');
      expect(withDefaults(loadEnv('none', dir, {}), ORG).ORG_CONFIG).toBe('local-demo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('env files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samverkan-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads KEY=value lines, skipping comments, blanks and junk, unquoting values', () => {
    const file = path.join(dir, '.env.parse');
    writeFileSync(
      file,
      [
        '# a comment',
        '',
        'PORT=4000',
        '  HOST = 0.0.0.0  ',
        'BOT_ID="quoted id"',
        "BOT_PASSWORD='single'",
        'STORAGE_CONNECTION_STRING=A=1;B=2==;',
        'EMPTY=',
        'no equals sign here',
        '=novalue',
        'WINDOWS=crlf\r',
      ].join('\n'),
    );
    expect(readEnvFile(file)).toEqual({
      PORT: '4000',
      HOST: '0.0.0.0',
      BOT_ID: 'quoted id',
      BOT_PASSWORD: 'single',
      STORAGE_CONNECTION_STRING: 'A=1;B=2==;',
      EMPTY: '',
      WINDOWS: 'crlf',
    });
  });

  it('a missing file is empty', () => {
    expect(readEnvFile(path.join(dir, '.env.nothing'))).toEqual({});
  });

  it('.env.<name>.user overrides .env.<name>, and the process environment wins over both', () => {
    writeFileSync(path.join(dir, '.env.dev'), 'PORT=4000\nHOST=10.0.0.1\nLOG_LEVEL=warn\nBOT_ID=from-file\n');
    writeFileSync(path.join(dir, '.env.dev.user'), 'HOST=10.0.0.2\nBOT_PASSWORD=from-user-file\nBOT_ID=from-user\n');
    const env = loadEnv('dev', dir, { LOG_LEVEL: 'error', BOT_ID: 'from-process' });
    expect(env).toMatchObject({
      PORT: '4000',
      HOST: '10.0.0.2',
      LOG_LEVEL: 'error',
      BOT_PASSWORD: 'from-user-file',
      BOT_ID: 'from-process',
    });
    const c = ok(env);
    expect(c.PORT).toBe(4000);
    expect(c.HOST).toBe('10.0.0.2');
    expect(c.LOG_LEVEL).toBe('error');
  });

  it('works with only the .user file, or only the base file', () => {
    writeFileSync(path.join(dir, '.env.onlyuser.user'), 'PORT=5000\n');
    expect(loadEnv('onlyuser', dir, {}).PORT).toBe('5000');
    writeFileSync(path.join(dir, '.env.onlybase'), 'PORT=5001\n');
    expect(loadEnv('onlybase', dir, {}).PORT).toBe('5001');
  });

  it('a bad value from a file is reported like one from the environment', () => {
    writeFileSync(path.join(dir, '.env.bad'), 'PORT=eighty\n');
    const errors = errorsOf(loadEnv('bad', dir, {}));
    expect(errors).toEqual([expect.stringMatching(/^PORT: /)]);
  });
});

describe('Microsoft Graph settings (issue 20)', () => {
  const graph = { GRAPH_TENANT_ID: 'tenant', GRAPH_CLIENT_ID: 'client' };
  it('off when none is set; on with the tenant, the client and exactly one credential; the default base URL', () => {
    expect(ok({}).GRAPH_TENANT_ID).toBeUndefined();
    const c = ok({ ...graph, GRAPH_CLIENT_SECRET: 's3cret-value' });
    expect(c.GRAPH_BASE_URL).toBe('https://graph.microsoft.com/v1.0');
    expect(ok({ ...graph, GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi' }).GRAPH_MANAGED_IDENTITY_CLIENT_ID).toBe('mi');
  });
  it('half a configuration stops the start naming what is missing, and never echoes the secret', () => {
    const only = parseConfig({ ...ORG, GRAPH_CLIENT_SECRET: 's3cret-value' });
    expect(only.ok).toBe(false);
    const errors = only.ok ? [] : only.errors;
    expect(errors.some((e) => e.startsWith('GRAPH_TENANT_ID:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('GRAPH_CLIENT_ID:'))).toBe(true);
    expect(errors.join('\n')).not.toContain('s3cret-value');
    const none = parseConfig({ ...ORG, ...graph });
    expect(none.ok ? [] : none.errors).toEqual([expect.stringMatching(/^GRAPH_CLIENT_SECRET: exactly one of/)]);
    const two = parseConfig({ ...ORG, ...graph, GRAPH_CLIENT_SECRET: 'x', GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'y' });
    expect(two.ok).toBe(false);
    const missingFile = parseConfig({ ...ORG, ...graph, GRAPH_CERTIFICATE_PATH: '/nonexistent/graph.pem' });
    expect(missingFile.ok ? [] : missingFile.errors).toEqual([expect.stringMatching(/^GRAPH_CERTIFICATE_PATH: no such file/)]);
    expect(parseConfig({ ...ORG, GRAPH_BASE_URL: 'ftp://x' }).ok).toBe(false);
  });
});
