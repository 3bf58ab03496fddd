import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PRESET, PRESET_NAMES } from './domain/organisation/load';

/**
 * Configuration comes from the environment, optionally seeded from
 * `env/.env.<name>` and `env/.env.<name>.user` (the Microsoft 365 Agents
 * Toolkit convention). Values already in the environment win over files.
 */
/** KEY=VALUE lines; `#` starts a comment line; surrounding quotes are dropped. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    out[key] = value;
  }
  return out;
}

export function readEnvFile(file: string): Record<string, string> {
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

export function loadEnv(envName: string, envDir: string, base: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const fromFiles = {
    ...readEnvFile(path.join(envDir, `.env.${envName}`)),
    ...readEnvFile(path.join(envDir, `.env.${envName}.user`)),
  };
  return { ...fromFiles, ...base };
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
// The default sits inside the preprocess: outside, an empty value ('' → undefined) would skip it.
const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be a port number 0–65535' })
      .int('must be a whole number')
      .min(0, 'must be 0–65535')
      .max(65535, 'must be 0–65535')
      .default(fallback),
  );

export const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: port(3978),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  BOT_ID: optionalString,
  BOT_PASSWORD: optionalString,
  BOT_TENANT_ID: optionalString,
  BOT_TYPE: z.preprocess(
    emptyToUndefined,
    z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        errorMap: () => ({ message: 'must be MultiTenant, SingleTenant or UserAssignedMSI' }),
      })
      .default('MultiTenant'),
  ),
  STORAGE_CONNECTION_STRING: optionalString,
  TABLE_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be letters and digits, starting with a letter, at most 20')
      .default('samverkan'),
  ),
  ORG_CONFIG: optionalString,
  IDENTIFIER_KEY: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters of secret').optional()),
  // Bearer token of POST /api/jobs/run; without it that endpoint answers 404.
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(24, 'must be at least 24 characters').optional()),
  PLAYGROUND_PORT: port(56150),
  /** The weekly digest: ISO weekday (1 = Monday) and local time. */
  DIGEST_WEEKDAY: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be 1 (Monday) to 7 (Sunday)' })
      .int('must be 1 (Monday) to 7 (Sunday)')
      .min(1, 'must be 1 (Monday) to 7 (Sunday)')
      .max(7, 'must be 1 (Monday) to 7 (Sunday)')
      .default(1),
  ),
  DIGEST_TIME: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:mm, e.g. 07:30')
      .default('07:30'),
  ),
  /**
   * The most proactive messages a second for the app (Teams allows 50): the sender starts just under it
   * and learns the real limit (src/delivery/rate-limiter.ts). Per conversation, Teams allows 7.
   */
  FANOUT_RATE: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be 1–50 messages a second' })
      .min(1, 'must be 1–50 messages a second')
      .max(50, 'must be 1–50 messages a second')
      .default(50),
  ),
  FANOUT_CONVERSATION_RATE: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be 1–7 messages a second' })
      .min(1, 'must be 1–7 messages a second')
      .max(7, 'must be 1–7 messages a second')
      .default(6),
  ),
  /** How long a fan-out sender holds a claimed outbox row before another process may take it over. */
  FANOUT_LEASE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be 1000–600000 ms' })
      .int('must be 1000–600000 ms')
      .min(1000, 'must be 1000–600000 ms')
      .max(600_000, 'must be 1000–600000 ms')
      .default(60_000),
  ),
  /**
   * The longest one request to the Bot Connector may take (a turn's reply, a
   * proactive send, with botbuilder's own retries); then it is aborted and
   * counts as failed. Teams gives a turn 15 s. Default 10 s, or half of
   * FANOUT_LEASE_MS when that is shorter.
   */
  CONNECTOR_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be 100–120000 ms' })
      .int('must be 100–120000 ms')
      .min(100, 'must be 100–120000 ms')
      .max(120_000, 'must be 100–120000 ms')
      .optional(),
  ),
  /** OpenID metadata for incoming Bot Framework tokens; default the public cloud's. For tests with a stand-in key server, and sovereign clouds. */
  BOT_OPENID_METADATA: z.preprocess(emptyToUndefined, z.string().url('must be the URL of an OpenID configuration document').optional()),
  /** Where users reach the bot from outside (calendar feed links); default http://HOST:PORT. */
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url('must be a URL such as https://samverkan.example.se')
      .regex(/^https?:\/\//, 'must start with http:// or https://')
      .optional(),
  ),
  /** Application Insights: with it set, spans and metrics go to Azure Monitor (src/telemetry); never message text or identifiers. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /(^|;)\s*InstrumentationKey\s*=/i,
        'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
      )
      .optional(),
  ),
  /**
   * Microsoft Graph calendar events (src/calendar/graph.ts): off unless the
   * tenant, the client id and one credential (a secret, a certificate file, or
   * a managed identity's client id) are set.
   */
  GRAPH_TENANT_ID: optionalString,
  GRAPH_CLIENT_ID: optionalString,
  GRAPH_CLIENT_SECRET: optionalString,
  GRAPH_CERTIFICATE_PATH: optionalString,
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalString,
  GRAPH_BASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url('must be a URL such as https://graph.microsoft.com/v1.0')
      .regex(/^https?:\/\//, 'must start with https:// (or http:// for a local emulator)')
      .default('https://graph.microsoft.com/v1.0'),
  ),
  PLAYGROUND: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['json', 'pretty']).optional()),
  /** Any value: error log lines carry stacks (for a developer's machine; stacks can name files and lines, never message text). */
  SAMVERKAN_DEBUG_STACK: z.preprocess(emptyToUndefined, z.string().max(16).optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  MAX_BODY_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be a whole number of bytes, 1024–10485760' })
      .int('must be a whole number of bytes, 1024–10485760')
      .min(1024, 'must be a whole number of bytes, 1024–10485760')
      .max(10 * 1024 * 1024, 'must be a whole number of bytes, 1024–10485760')
      .default(256 * 1024),
  ),
  // How often each process ticks the durable scheduler; 0 = never (tests, or an external timer calling POST /api/jobs/run).
  SCHEDULER_TICK_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be a whole number of milliseconds: 0 (off) or 1000–3600000' })
      .int('must be a whole number of milliseconds: 0 (off) or 1000–3600000')
      .refine((n) => n === 0 || (n >= 1000 && n <= 3_600_000), 'must be a whole number of milliseconds: 0 (off) or 1000–3600000')
      .default(30_000),
  ),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, 'CONNECTOR_TIMEOUT_MS'> {
  CONNECTOR_TIMEOUT_MS: number;
  production: boolean;
  anonymous: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parses the environment; every problem is one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const errors: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  // The cross-field rules run on the raw values too when some value is bad,
  // so one start-up reports every problem, not the first batch of them.
  const raw = (k: keyof Env) => emptyToUndefined(env[k]) as string | undefined;
  const e = parsed.success
    ? parsed.data
    : {
        NODE_ENV: raw('NODE_ENV'),
        BOT_ID: raw('BOT_ID'),
        BOT_PASSWORD: raw('BOT_PASSWORD'),
        BOT_TYPE: raw('BOT_TYPE'),
        BOT_TENANT_ID: raw('BOT_TENANT_ID'),
        STORAGE_CONNECTION_STRING: raw('STORAGE_CONNECTION_STRING'),
        IDENTIFIER_KEY: raw('IDENTIFIER_KEY'),
        ORG_CONFIG: raw('ORG_CONFIG'),
      };
  const production = e.NODE_ENV === 'production';
  if (production) {
    if (!e.BOT_ID) errors.push('BOT_ID: required in production (anonymous Bot Framework mode is refused)');
    if (!e.BOT_PASSWORD && e.BOT_TYPE !== 'UserAssignedMSI')
      errors.push('BOT_PASSWORD: required in production unless BOT_TYPE=UserAssignedMSI');
    if (e.BOT_TYPE === 'SingleTenant' && !e.BOT_TENANT_ID) errors.push('BOT_TENANT_ID: required when BOT_TYPE=SingleTenant');
    if (!e.STORAGE_CONNECTION_STRING)
      errors.push('STORAGE_CONNECTION_STRING: required in production (the embedded Azurite is for local use only)');
    if (!e.IDENTIFIER_KEY)
      errors.push('IDENTIFIER_KEY: required in production (secret for keyed hashes of personal identifiers, at least 32 characters)');
  }
  if (!production && e.BOT_PASSWORD && !e.BOT_ID) errors.push('BOT_ID: required when BOT_PASSWORD is set');
  // Never a silent demo: a bot that forgot its organisation file would run the demo's people and groups.
  if (!e.ORG_CONFIG)
    errors.push(
      `ORG_CONFIG: required: the organisation file (a path) or a preset name (${PRESET_NAMES.join(', ')}); npm start sets ${LOCAL_ORG_PRESET} itself`,
    );
  // A fan-out send still waiting on the connector when its row's lease runs
  // out could be sent again by another process meanwhile.
  const connectorTimeout = parsed.success
    ? (parsed.data.CONNECTOR_TIMEOUT_MS ?? Math.min(10_000, Math.floor(parsed.data.FANOUT_LEASE_MS / 2)))
    : 0;
  if (parsed.success && connectorTimeout >= parsed.data.FANOUT_LEASE_MS) {
    errors.push(`CONNECTOR_TIMEOUT_MS: must be shorter than FANOUT_LEASE_MS (${parsed.data.FANOUT_LEASE_MS} ms)`);
  }
  if (parsed.success) errors.push(...graphProblems(parsed.data));
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, config: { ...parsed.data, CONNECTOR_TIMEOUT_MS: connectorTimeout, production, anonymous: !parsed.data.BOT_ID } };
}

/** Graph is all or nothing: a half-configured calendar would fail every booking's job instead of being plainly off. */
function graphProblems(e: Env): string[] {
  const credentials = [e.GRAPH_CLIENT_SECRET, e.GRAPH_CERTIFICATE_PATH, e.GRAPH_MANAGED_IDENTITY_CLIENT_ID].filter(Boolean).length;
  const any = !!(e.GRAPH_TENANT_ID || e.GRAPH_CLIENT_ID || credentials);
  if (!any) return [];
  const problems: string[] = [];
  if (!e.GRAPH_TENANT_ID) problems.push('GRAPH_TENANT_ID: required when Microsoft Graph is configured (the Entra tenant id)');
  if (!e.GRAPH_CLIENT_ID) problems.push("GRAPH_CLIENT_ID: required when Microsoft Graph is configured (the app registration's client id)");
  if (credentials !== 1)
    problems.push(
      'GRAPH_CLIENT_SECRET: exactly one of GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or GRAPH_MANAGED_IDENTITY_CLIENT_ID is required with Microsoft Graph',
    );
  if (e.GRAPH_CERTIFICATE_PATH && !existsSync(e.GRAPH_CERTIFICATE_PATH))
    problems.push('GRAPH_CERTIFICATE_PATH: no such file (a PEM file holding the certificate and its private key)');
  return problems;
}

/** Whether calendar events go through Microsoft Graph. */
export function graphConfigured(c: Pick<Env, 'GRAPH_TENANT_ID' | 'GRAPH_CLIENT_ID'>): boolean {
  return !!(c.GRAPH_TENANT_ID && c.GRAPH_CLIENT_ID);
}

/** The preset `npm start` runs (src/local.ts) when ORG_CONFIG is not set; nothing else falls back to it. */
export const LOCAL_ORG_PRESET = DEFAULT_PRESET;

/**
 * What start-up asks of the organisation file once it is loaded. In
 * production it must name its Entra tenant: only that tenant's users have a
 * role, and every row is kept under it (an organisation without one would
 * let any tenant's user with a listed object id in, and keep reviews in no
 * tenant's partition).
 */
export function organisationProblems(config: Pick<Config, 'production'>, organisation: { tenantId?: string }): string[] {
  const problems: string[] = [];
  if (config.production && !organisation.tenantId?.trim()) {
    problems.push('ORG_CONFIG: the organisation file must name its tenantId (the Entra tenant id of the municipality) in production');
  }
  return problems;
}

/** `env` with `defaults` for the variables it leaves unset or blank. */
export function withDefaults(
  env: Record<string, string | undefined>,
  defaults: Record<string, string>,
): Record<string, string | undefined> {
  const out = { ...env };
  for (const [k, v] of Object.entries(defaults)) if (emptyToUndefined(out[k]) === undefined) out[k] = v;
  return out;
}

/** Loads env files and parses; on failure prints one line per problem and exits. `defaults` fill what neither sets (npm start's demo organisation). */
export function loadConfigOrExit(
  envName = process.env.ENV_NAME ?? 'local',
  envDir = path.resolve(process.cwd(), 'env'),
  defaults: Record<string, string> = {},
): Config {
  const result = parseConfig(withDefaults(loadEnv(envName, envDir), defaults));
  if (!result.ok) {
    process.stderr.write(`Samverkan cannot start: the configuration has ${result.errors.length} problem(s):\n`);
    for (const line of result.errors) process.stderr.write(`  ${line}\n`);
    process.exit(1);
  }
  return result.config;
}
