import { readFileSync } from 'node:fs';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { Client, type Context, GraphError, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Config } from '../config';
import { graphConfigured } from '../config';
import {
  type CalendarAnswers,
  type CalendarEventChange,
  type CalendarEventInput,
  type CalendarEventRef,
  type CalendarEvents,
  CalendarError,
  retryAfterMs,
} from '../domain/meetings/calendar';
import { inSpan, telemetry } from '../telemetry';

/**
 * Calendar events through Microsoft Graph (application permissions,
 * `Calendars.ReadWrite` on the organisers' mailboxes):
 *
 * - `POST /users/{organiser}/events` with `transactionId`, `isOnlineMeeting`
 *   and `onlineMeetingProvider: teamsForBusiness`;
 * - `PATCH /users/{organiser}/events/{id}` when a meeting moves;
 * - `POST /users/{organiser}/events/{id}/cancel` when it is cancelled;
 * - `GET /users/{organiser}/events/{id}?$select=attendees,onlineMeeting` for
 *   the answers given in Outlook.
 *
 * The client is Microsoft's Graph SDK with its own middleware chain: a token
 * from `@azure/identity` on every request (the SDK's own authentication
 * handler gives tokens only to https Graph hosts, and the tests' emulator is
 * local http), then the SDK's HTTP handler. The SDK's retry handler is left
 * out on purpose: throttling, 5xx and timeouts go back to the durable
 * scheduler (src/features/meetings/calendar-jobs.ts), which retries with
 * backoff and honours Retry-After, so no turn or tick waits on Graph.
 */

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** The longest one Graph request may take before it counts as a timeout. */
export const GRAPH_TIMEOUT_MS = 15_000;

/** Gives every request a bearer token for Graph from the credential. */
class TokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly credential: TokenCredential) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const token = await this.credential.getToken(GRAPH_SCOPE);
    if (!token) throw new CalendarError('unauthorized');
    const options = (context.options ??= {});
    const headers: Record<string, string> = {};
    new Headers(options.headers as HeadersInit | undefined).forEach((value, key) => {
      headers[key] = value;
    });
    headers.authorization = `Bearer ${token.token}`;
    options.headers = headers;
    await this.next!.execute(context);
  }
}

/** The credential GRAPH_* names: a client secret, a certificate (PEM with its key), or a managed identity. */
export function credentialFrom(
  config: Pick<
    Config,
    'GRAPH_TENANT_ID' | 'GRAPH_CLIENT_ID' | 'GRAPH_CLIENT_SECRET' | 'GRAPH_CERTIFICATE_PATH' | 'GRAPH_MANAGED_IDENTITY_CLIENT_ID'
  >,
): TokenCredential {
  const tenant = config.GRAPH_TENANT_ID!;
  const client = config.GRAPH_CLIENT_ID!;
  if (config.GRAPH_CLIENT_SECRET) return new ClientSecretCredential(tenant, client, config.GRAPH_CLIENT_SECRET);
  if (config.GRAPH_CERTIFICATE_PATH)
    return new ClientCertificateCredential(tenant, client, { certificate: readFileSync(config.GRAPH_CERTIFICATE_PATH, 'utf8') });
  return new ManagedIdentityCredential({ clientId: config.GRAPH_MANAGED_IDENTITY_CLIENT_ID! });
}

/** `https://graph.microsoft.com/v1.0` → the SDK's base URL and version. */
export function splitBaseUrl(baseUrl: string): { baseUrl: string; version: string } {
  const u = new URL(baseUrl);
  const parts = u.pathname.split('/').filter(Boolean);
  const version = parts.pop() ?? 'v1.0';
  return { baseUrl: `${u.origin}/${parts.join('/')}`.replace(/\/+$/, ''), version };
}

/** The UTC instant as Graph's dateTimeTimeZone. */
function utc(iso: string): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' };
}

type GraphEvent = {
  id?: string;
  onlineMeeting?: { joinUrl?: string } | null;
  attendees?: Array<{ type?: string; status?: { response?: string } }>;
};

/** A Graph failure as the scheduler reads it; never the response's text. */
export function calendarErrorOf(err: unknown, now: Date = new Date()): CalendarError {
  if (err instanceof CalendarError) return err;
  const name = (err as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new CalendarError('timeout');
  if (err instanceof GraphError) {
    const status = err.statusCode;
    // No HTTP answer: the SDK names the fetch error's kind in `code` (TimeoutError when our signal ended it).
    const inner = [
      err.code,
      (err.body as { name?: string } | undefined)?.name,
      typeof err.body === 'string' ? err.body.split(':')[0] : undefined,
    ];
    if (status <= 0) return new CalendarError(inner.some((n) => n === 'TimeoutError' || n === 'AbortError') ? 'timeout' : 'unavailable');
    if (status === 429) return new CalendarError('throttled', 429, retryAfterMs(err.headers?.get('retry-after'), now));
    if (status === 503 || status === 504)
      return new CalendarError('unavailable', status, retryAfterMs(err.headers?.get('retry-after'), now));
    if (status >= 500) return new CalendarError('unavailable', status);
    if (status === 401 || status === 403) return new CalendarError('unauthorized', status);
    if (status === 404) return new CalendarError('notFound', status);
    return new CalendarError('rejected', status);
  }
  return new CalendarError('unavailable');
}

export class GraphCalendarEvents implements CalendarEvents {
  private readonly client: Client;

  constructor(
    options: { credential: TokenCredential; baseUrl: string; timeoutMs?: number },
    private readonly timeoutMs = options.timeoutMs ?? GRAPH_TIMEOUT_MS,
  ) {
    const auth = new TokenMiddleware(options.credential);
    auth.setNext(new HTTPMessageHandler());
    const { baseUrl, version } = splitBaseUrl(options.baseUrl);
    this.client = Client.initWithMiddleware({ middleware: auth, baseUrl, defaultVersion: version });
  }

  /** One request in a `graph.request` span, bounded in time; failures become CalendarErrors and are counted by status. */
  private async call<T>(method: string, operation: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return inSpan('graph.request', { 'http.method': method, 'connector.operation': operation }, async (span) => {
      try {
        const result = await run(AbortSignal.timeout(this.timeoutMs));
        span.set({ 'http.status': 200 });
        return result;
      } catch (err) {
        const e = calendarErrorOf(err);
        telemetry.graphError(e.status ?? (e.failure === 'timeout' ? 'timeout' : 'network'));
        span.set({ 'http.status': e.status, 'outcome.kind': e.code });
        throw e;
      }
    });
  }

  private events(organiser: string): string {
    return `/users/${encodeURIComponent(organiser)}/events`;
  }

  async create(event: CalendarEventInput): Promise<CalendarEventRef> {
    const body = {
      subject: event.subject,
      start: utc(event.start),
      end: utc(event.end),
      ...(event.location ? { location: { displayName: event.location } } : {}),
      attendees: event.attendees.map((address) => ({ emailAddress: { address }, type: 'required' })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      responseRequested: true,
      allowNewTimeProposals: false,
      transactionId: event.transactionId,
    };
    const created = await this.call<GraphEvent>('POST', 'POST users/{id}/events', (signal) =>
      this.client.api(this.events(event.organiser)).option('signal', signal).post(body),
    );
    if (!created?.id) throw new CalendarError('rejected');
    return { eventId: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? undefined };
  }

  async update(organiser: string, eventId: string, change: CalendarEventChange): Promise<void> {
    const body = {
      start: utc(change.start),
      end: utc(change.end),
      ...(change.location !== undefined ? { location: { displayName: change.location } } : {}),
    };
    await this.call('PATCH', 'PATCH users/{id}/events/{id}', (signal) =>
      this.client
        .api(`${this.events(organiser)}/${encodeURIComponent(eventId)}`)
        .option('signal', signal)
        .patch(body),
    );
  }

  async cancel(organiser: string, eventId: string): Promise<void> {
    try {
      await this.call('POST', 'POST users/{id}/events/{id}/cancel', (signal) =>
        this.client
          .api(`${this.events(organiser)}/${encodeURIComponent(eventId)}/cancel`)
          .option('signal', signal)
          .post({}),
      );
    } catch (err) {
      // Deleted in Outlook already: nothing is left to cancel.
      if (err instanceof CalendarError && err.failure === 'notFound') return;
      throw err;
    }
  }

  async answers(organiser: string, eventId: string): Promise<CalendarAnswers & { joinUrl?: string }> {
    const event = await this.call<GraphEvent>('GET', 'GET users/{id}/events/{id}', (signal) =>
      this.client
        .api(`${this.events(organiser)}/${encodeURIComponent(eventId)}`)
        .select(['attendees', 'onlineMeeting'])
        .option('signal', signal)
        .get(),
    );
    return { ...countAnswers(event.attendees ?? []), joinUrl: event.onlineMeeting?.joinUrl ?? undefined };
  }
}

/** Graph's responseType per attendee → counts (the organiser is not an attendee; resources are not people). */
export function countAnswers(attendees: NonNullable<GraphEvent['attendees']>): CalendarAnswers {
  const out: CalendarAnswers = { accepted: 0, tentative: 0, declined: 0, none: 0 };
  for (const a of attendees) {
    if (a.type === 'resource') continue;
    const r = a.status?.response;
    if (r === 'accepted') out.accepted++;
    else if (r === 'tentativelyAccepted') out.tentative++;
    else if (r === 'declined') out.declined++;
    else if (r !== 'organizer') out.none++;
  }
  return out;
}

/** The Graph calendar when GRAPH_* configure it, else undefined (calendars off). `credential` replaces the configured one (tests). */
export function graphCalendarFrom(config: Config, credential?: TokenCredential): CalendarEvents | undefined {
  if (!graphConfigured(config)) return undefined;
  return new GraphCalendarEvents({ credential: credential ?? credentialFrom(config), baseUrl: config.GRAPH_BASE_URL });
}
