import { type Attributes, type Counter, type Meter, metrics, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * What the bot tells about itself: spans and metrics through the
 * OpenTelemetry API. Without a provider registered (no
 * APPLICATIONINSIGHTS_CONNECTION_STRING, every test that does not ask for
 * one) every call here is the API's no-op.
 *
 * Privacy: nothing a user wrote, and no identifier, can reach an attribute.
 * Attributes are taken only under the keys listed below, a string value only
 * when it is a short word of letters, digits and punctuation with no run of
 * six digits (a personnummer, a phone number, a case number written out);
 * anything else is recorded as "(redacted)". Errors are recorded by their
 * kind, never by their message.
 */

export const TELEMETRY_NAME = 'samverkan';

/** The spans the bot opens. */
export type SpanName = 'turn' | 'card.action' | 'command' | 'job' | 'connector.request' | 'graph.request' | 'fanout.run';

const ATTRIBUTE_KEYS = new Set([
  'activity.type',
  'activity.name',
  'conversation.type',
  'command',
  'verb',
  'job.kind',
  'job.attempt',
  'outcome',
  'outcome.kind',
  'http.method',
  'http.status',
  'connector.operation',
  'category',
  'delivery.kind',
  'fanout.sent',
  'fanout.failed',
  'fanout.throttled',
  'fanout.rate',
]);

const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._/:{}\- ]{0,79}$/;
const LONG_DIGITS = /\d{6}/;
export const REDACTED = '(redacted)';

export type AttributeInput = Record<string, string | number | boolean | undefined | null>;

/** Only listed keys, only values that cannot carry text or an identifier. */
export function safeAttributes(input: AttributeInput): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(input)) {
    if (!ATTRIBUTE_KEYS.has(key) || value === undefined || value === null) continue;
    if (typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'number') {
      if (Number.isFinite(value) && Math.abs(value) < 1e6) out[key] = value;
      else out[key] = REDACTED;
    } else out[key] = SAFE_VALUE.test(value) && !LONG_DIGITS.test(value) ? value : REDACTED;
  }
  return out;
}

/** An error's kind for an attribute: its name or code when that is a plain word, never its message. */
export function errorKindOf(err: unknown): string {
  if (!err || typeof err !== 'object') return 'unknown';
  const e = err as { code?: unknown; name?: unknown; statusCode?: unknown };
  for (const candidate of [e.code, e.name]) {
    if (typeof candidate === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(candidate)) return candidate;
  }
  return 'Error';
}

export interface SpanHandle {
  /** Adds attributes (filtered as above). */
  set(attributes: AttributeInput): void;
}

/** Runs `fn` in a span; its outcome is `ok` or `error` (with the error's kind) unless `fn` set one. */
/** Spans whose outcome was named inside them (by the handle or annotateSpan): the end leaves it alone. */
const outcomeNamed = new WeakSet<Span>();

export async function inSpan<T>(name: SpanName, attributes: AttributeInput, fn: (span: SpanHandle) => Promise<T>): Promise<T> {
  const tracer = trace.getTracer(TELEMETRY_NAME);
  return tracer.startActiveSpan(name, { attributes: safeAttributes(attributes) }, async (span) => {
    const handle: SpanHandle = {
      set(a) {
        if (a.outcome !== undefined) outcomeNamed.add(span);
        span.setAttributes(safeAttributes(a));
      },
    };
    try {
      const result = await fn(handle);
      if (!outcomeNamed.has(span)) span.setAttribute('outcome', 'ok');
      return result;
    } catch (err) {
      span.setAttributes(safeAttributes({ outcome: 'error', 'outcome.kind': errorKindOf(err) }));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the span the caller runs in, if any (a command naming itself inside its turn). */
export function annotateSpan(attributes: AttributeInput): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (attributes.outcome !== undefined) outcomeNamed.add(span);
  span.setAttributes(safeAttributes(attributes));
}

// Metric instruments are made per meter provider: the API's global meter
// provider is not a proxy, so instruments made before a provider is set would
// stay no-ops for good.
interface Instruments {
  refusals: Counter;
  jobs: Counter;
  connectorRequests: Counter;
  fanoutSends: Counter;
  graphErrors: Counter;
}
const byProvider = new WeakMap<object, Instruments>();

function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  let found = byProvider.get(provider);
  if (!found) {
    const meter: Meter = provider.getMeter(TELEMETRY_NAME);
    found = {
      refusals: meter.createCounter('samverkan.gate.refusals', {
        description: 'Messages the consent gate refused, by category (counts only)',
      }),
      jobs: meter.createCounter('samverkan.jobs', { description: 'Scheduled jobs run, by kind and outcome' }),
      connectorRequests: meter.createCounter('samverkan.connector.requests', {
        description: 'Requests to the Bot Connector, by operation and HTTP status (429s included)',
      }),
      fanoutSends: meter.createCounter('samverkan.fanout.sends', {
        description: 'Digest fan-out sends, by outcome (sent, throttled, failed)',
      }),
      graphErrors: meter.createCounter('samverkan.graph.errors', { description: 'Microsoft Graph requests that failed, by HTTP status' }),
    };
    byProvider.set(provider, found);
  }
  return found;
}

/** The metrics the bot records; counts and categories only. */
export const telemetry = {
  refusal(categories: readonly string[]): void {
    const counter = instruments().refusals;
    for (const category of categories.length > 0 ? categories : ['unknown']) counter.add(1, safeAttributes({ category }));
  },
  job(kind: string, outcome: 'done' | 'skipped' | 'retry' | 'failed'): void {
    instruments().jobs.add(1, safeAttributes({ 'job.kind': kind, outcome }));
  },
  connectorRequest(operation: string, status: number | 'timeout' | 'network'): void {
    instruments().connectorRequests.add(
      1,
      safeAttributes({
        'connector.operation': operation,
        'http.status': typeof status === 'number' ? status : undefined,
        outcome: String(status),
      }),
    );
  },
  fanoutSend(outcome: 'sent' | 'throttled' | 'failed'): void {
    instruments().fanoutSends.add(1, safeAttributes({ outcome }));
  },
  graphError(status: number | 'timeout' | 'network'): void {
    instruments().graphErrors.add(
      1,
      safeAttributes({ 'http.status': typeof status === 'number' ? status : undefined, outcome: String(status) }),
    );
  },
};

/**
 * A Bot Connector URL as an operation name with no ids in it:
 * `POST https://smba…/amer/v3/conversations/19:abc…/activities/123` →
 * `POST v3/conversations/{id}/activities/{id}`.
 */
export function connectorOperation(method: string | undefined, url: string | undefined): string {
  const WORDS = new Set(['v3', 'conversations', 'activities', 'members', 'pagedmembers', 'attachments', 'views', 'teams', 'history']);
  let path = '';
  try {
    path = new URL(url ?? '', 'http://x').pathname;
  } catch {
    path = '';
  }
  const segments = path.split('/').filter(Boolean);
  const start = segments.indexOf('v3');
  const parts = (start >= 0 ? segments.slice(start) : segments).map((s) => (WORDS.has(s.toLowerCase()) ? s.toLowerCase() : '{id}'));
  return `${(method ?? 'GET').toUpperCase()} ${parts.join('/')}`.slice(0, 80);
}
