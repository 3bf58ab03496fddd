/**
 * The kinds of failure the bot tells apart, and the one way to log an error.
 *
 * - storage: Table Storage unreachable, timing out or refusing;
 * - connector: a request to the Bot Connector that failed or got no answer;
 * - conflict: an optimistic write that lost to another (HTTP 412 or 409);
 * - mistake: something the user asked that cannot be done (a UserMistake),
 *   answered with a card, never logged as a fault;
 * - unknown: a fault in the bot itself.
 *
 * A log line carries the error's name, code and status, never its message
 * (which may quote what a user wrote) unless the error is the bot's own
 * fault, and a stack only when SAMVERKAN_DEBUG_STACK is set.
 */

export type ErrorKind = 'storage' | 'connector' | 'conflict' | 'mistake' | 'unknown';

/** A request the user can correct: carries the string key (and its parameters) of what to tell them. */
export class UserMistake extends Error {
  override readonly name = 'UserMistake';
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

/** Set on every failure that came out of the Bot Connector's HTTP pipeline (src/bot/connector-timeout.ts). */
export const CONNECTOR_FAILURE = Symbol.for('samverkan.connectorFailure');

/** True for an error that came out of a request to the Bot Connector: a timeout, a network error or a status it answered. */
export function isConnectorFailure(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  return (err as { name?: unknown }).name === 'ConnectorTimeoutError' || Boolean((err as Record<symbol, unknown>)[CONNECTOR_FAILURE]);
}

/** The HTTP status the connector (or storage) answered, if it answered. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * True when the connector itself is failing (no answer in time, no
 * connection, 5xx, 429): another request right away, such as an error card,
 * would fail the same way and keep Teams waiting longer.
 */
export function isConnectorDown(err: unknown): boolean {
  if (!isConnectorFailure(err)) return false;
  const status = statusOf(err);
  return status === undefined || status >= 500 || status === 429 || status === 408;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** True for failures of Table Storage (unreachable, timing out, refusing); a failed Bot Connector request is not one. */
export function isStorageError(err: unknown): boolean {
  if (isConnectorFailure(err)) return false;
  const e = err as { name?: string; code?: string } | undefined;
  return e?.name === 'RestError' || e?.name === 'AbortError' || NETWORK_CODES.has(e?.code ?? '');
}

/** True for an optimistic write that lost: the row changed (412) or already exists (409). */
export function isConflict(err: unknown): boolean {
  if (isConnectorFailure(err)) return false;
  const status = statusOf(err);
  return status === 412 || status === 409;
}

export function errorKind(err: unknown): ErrorKind {
  if (err instanceof UserMistake) return 'mistake';
  if (isConnectorFailure(err)) return 'connector';
  if (isConflict(err)) return 'conflict';
  if (isStorageError(err)) return 'storage';
  return 'unknown';
}

const SAFE = /^[A-Za-z0-9_.-]{1,48}$/;

/** A short code free of personal data (the error's code, else its name): what the scheduler and the outbox record as lastError. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && SAFE.test(code)) return code;
  const name = (err as { name?: unknown })?.name;
  if (typeof name === 'string' && SAFE.test(name)) return name;
  return 'Error';
}

let withStacks = false;

/** Whether log lines carry stacks (SAMVERKAN_DEBUG_STACK, read by the configuration). */
export function logStacks(on: boolean): void {
  withStacks = on;
}

export interface ErrorFields {
  kind: ErrorKind;
  name?: string;
  code?: string;
  status?: number;
  message?: string;
  stack?: string;
}

const SUMMARY: Record<Exclude<ErrorKind, 'unknown'>, string> = {
  storage: 'storage failure',
  connector: 'connector failure',
  conflict: 'storage conflict',
  mistake: 'user mistake',
};

/** What a log line may say of an error: its kind, name, code and status; the message only for the bot's own faults. */
export function errorFields(err: unknown): ErrorFields {
  const kind = errorKind(err);
  const e = err as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown } | undefined;
  const name = typeof e?.name === 'string' ? e.name : undefined;
  const code = typeof e?.code === 'string' || typeof e?.code === 'number' ? String(e.code) : undefined;
  return {
    kind,
    ...(name ? { name } : {}),
    ...(code ? { code } : {}),
    ...(statusOf(err) !== undefined ? { status: statusOf(err) } : {}),
    ...(kind === 'unknown' ? (typeof e?.message === 'string' ? { message: e.message } : {}) : { message: SUMMARY[kind] }),
    ...(withStacks && typeof e?.stack === 'string' ? { stack: e.stack } : {}),
  };
}

interface ErrorLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The one way to log an error: `warn` for what the bot works around, `error` for what failed. */
export function logError(logger: ErrorLogger, level: 'warn' | 'error', err: unknown, msg: string, fields: object = {}): void {
  logger[level]({ ...fields, err: errorFields(err) }, msg);
}
