import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { z } from 'zod';

/**
 * A Microsoft Graph stand-in for the calendar endpoints the bot uses, over
 * real HTTP (node http), checked against Graph's documented shapes:
 *
 * - `POST /v1.0/users/{id|upn}/events`: an `event` (subject, start/end as
 *   dateTimeTimeZone, attendees with emailAddress.address and type,
 *   isOnlineMeeting, onlineMeetingProvider, transactionId). A second POST with
 *   a transactionId already used in that mailbox answers the event made the
 *   first time (Graph's deduplication of client retries), 201 either way.
 * - `PATCH /v1.0/users/{id}/events/{id}`: only writable event properties.
 * - `POST /v1.0/users/{id}/events/{id}/cancel`: `{ comment? }`, 202, the
 *   event is cancelled (isCancelled) and a GET afterwards finds it gone (404).
 * - `GET /v1.0/users/{id}/events/{id}` (`$select` honoured for attendees and
 *   onlineMeeting): attendees with `status.response`, which tests set.
 *
 * Every request needs `Authorization: Bearer <token>` with a token the test
 * issued (401 InvalidAuthenticationToken otherwise). A bad body is 400 with
 * Graph's error JSON (`{ error: { code, message, innerError } }`). Faults:
 * `throttle` answers 429 with Retry-After, `fail` answers a 5xx, `hang`
 * answers nothing, `down` refuses every request with 503, `dropAfterCommit` makes the next create
 * happen and then destroys the connection before any answer (a process that
 * dies between Graph's answer and its own record sees the same thing).
 */

const DateTimeTimeZone = z.strictObject({
  dateTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?$/),
  timeZone: z.string().min(1),
});
const EmailAddress = z.strictObject({ address: z.string().email(), name: z.string().optional() });
const Attendee = z.strictObject({ emailAddress: EmailAddress, type: z.enum(['required', 'optional', 'resource']) });
const Location = z.object({ displayName: z.string() }).passthrough();
const ItemBody = z.strictObject({ contentType: z.enum(['text', 'html']), content: z.string() });

const EventCreate = z.strictObject({
  subject: z.string().max(255),
  body: ItemBody.optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  location: Location.optional(),
  attendees: z.array(Attendee).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer']).optional(),
  responseRequested: z.boolean().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  transactionId: z.string().min(1).max(255).optional(),
});
const EventPatch = EventCreate.omit({ transactionId: true }).partial();
const CancelBody = z.strictObject({ comment: z.string().optional() });

export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface EmulatedEvent {
  id: string;
  mailbox: string;
  transactionId?: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string };
  attendees: Array<{ emailAddress: { address: string }; type: string; status: { response: AttendeeResponse; time: string } }>;
  isOnlineMeeting: boolean;
  onlineMeeting: { joinUrl: string } | null;
  isCancelled: boolean;
  /** PATCHes applied. */
  changes: number;
}

export interface GraphRequestSeen {
  method: string;
  path: string;
  status: number;
  authorized: boolean;
}

export class GraphEmulator {
  private server?: http.Server;
  /** Every event ever created, cancelled ones too. */
  readonly events: EmulatedEvent[] = [];
  readonly requests: GraphRequestSeen[] = [];
  private readonly tokens = new Set<string>();
  /** Answers every request with 503 (Graph unreachable behind its front door). */
  down = false;
  /** The next `count` requests get 429 with `Retry-After: retryAfterSeconds`. */
  throttle?: { count: number; retryAfterSeconds: number };
  /** The next `count` requests get this 5xx. */
  fail?: { count: number; status: number };
  /** The next `hang` requests get no answer at all (the client's timeout must end them). */
  hang = 0;
  /** The next create is stored, then its connection destroyed before any answer. */
  dropAfterCommit = 0;
  /** Only these mailboxes exist (an application access policy limits the app to them); others give 404 ErrorItemNotFound-like MailboxNotEnabledForRESTAPI. */
  mailboxes?: Set<string>;

  get url(): string {
    const a = this.server?.address();
    if (!a || typeof a === 'string') throw new Error('the Graph emulator is not started');
    return `http://127.0.0.1:${a.port}/v1.0`;
  }

  /** A token the emulator accepts (what Entra would issue; the test's credential hands it out). */
  issueToken(): string {
    const token = `emulated.${randomUUID()}`;
    this.tokens.add(token);
    return token;
  }

  live(): EmulatedEvent[] {
    return this.events.filter((e) => !e.isCancelled);
  }

  /** Sets one attendee's answer as if they had answered in Outlook. */
  answer(eventId: string, address: string, response: AttendeeResponse): void {
    const event = this.events.find((e) => e.id === eventId);
    const attendee = event?.attendees.find((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase());
    if (!attendee) throw new Error(`no attendee ${address} on event ${eventId}`);
    attendee.status = { response, time: new Date().toISOString() };
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status, authorized: status !== 401 });
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'request-id': randomUUID(),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private error(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    code: string,
    message: string,
    headers?: Record<string, string>,
  ) {
    this.send(
      req,
      res,
      status,
      {
        error: {
          code,
          message,
          innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
        },
      },
      headers,
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!m || !this.tokens.has(m[1]!)) return this.error(req, res, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    if (this.down) return this.error(req, res, 503, 'ServiceNotAvailable', 'The service is temporarily unavailable.');
    if (this.hang > 0) {
      this.hang--;
      this.requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status: 0, authorized: true });
      return;
    }
    if (this.throttle && this.throttle.count > 0) {
      this.throttle.count--;
      return this.error(req, res, 429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        'retry-after': String(this.throttle.retryAfterSeconds),
      });
    }
    if (this.fail && this.fail.count > 0) {
      this.fail.count--;
      return this.error(req, res, this.fail.status, 'UnknownError', 'An internal server error occurred.');
    }
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const route = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?(\/cancel)?$/.exec(url.pathname);
    if (!route) return this.error(req, res, 400, 'BadRequest', 'Resource not found for the segment.');
    const mailbox = decodeURIComponent(route[1]!).toLowerCase();
    if (this.mailboxes && !this.mailboxes.has(mailbox))
      return this.error(
        req,
        res,
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled: blocked by tenant configured AppOnly AccessPolicy settings.',
      );
    const eventId = route[2] ? decodeURIComponent(route[2]) : undefined;
    let body: unknown;
    if (req.method === 'POST' || req.method === 'PATCH') {
      if (!/application\/json/i.test(req.headers['content-type'] ?? ''))
        return this.error(req, res, 415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return this.error(req, res, 400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    const event = eventId ? this.events.find((e) => e.id === eventId && e.mailbox === mailbox) : undefined;

    if (req.method === 'POST' && !eventId) return this.create(req, res, mailbox, body);
    if (!event || (event.isCancelled && !route[3]))
      return this.error(req, res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (req.method === 'POST' && route[3]) {
      const parsed = CancelBody.safeParse(body);
      if (!parsed.success) return this.invalid(req, res, parsed.error);
      if (event.isCancelled) return this.error(req, res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      event.isCancelled = true;
      return this.send(req, res, 202);
    }
    if (req.method === 'PATCH' && !route[3]) {
      const parsed = EventPatch.safeParse(body);
      if (!parsed.success) return this.invalid(req, res, parsed.error);
      const p = parsed.data;
      if (p.start) event.start = p.start;
      if (p.end) event.end = p.end;
      if (p.location) event.location = { displayName: p.location.displayName };
      if (p.subject) event.subject = p.subject;
      event.changes++;
      return this.send(req, res, 200, this.view(event));
    }
    if (req.method === 'GET' && !route[3]) {
      const select = url.searchParams
        .get('$select')
        ?.split(',')
        .map((s) => s.trim());
      const view = this.view(event) as Record<string, unknown>;
      return this.send(
        req,
        res,
        200,
        select ? Object.fromEntries(Object.entries(view).filter(([k]) => k === 'id' || select.includes(k))) : view,
      );
    }
    return this.error(req, res, 405, 'BadRequest', 'Method not allowed.');
  }

  private invalid(req: http.IncomingMessage, res: http.ServerResponse, err: z.ZodError): void {
    const first = err.issues[0];
    this.error(req, res, 400, 'ErrorInvalidRequest', `Invalid property '${first?.path.join('.') ?? ''}': ${first?.message ?? 'bad value'}`);
  }

  private create(req: http.IncomingMessage, res: http.ServerResponse, mailbox: string, body: unknown) {
    const parsed = EventCreate.safeParse(body);
    if (!parsed.success) return this.invalid(req, res, parsed.error);
    const p = parsed.data;
    if (Date.parse(`${p.end.dateTime}Z`) <= Date.parse(`${p.start.dateTime}Z`))
      return this.error(req, res, 400, 'ErrorInvalidRequest', 'The end of the event must be after its start.');
    if (p.transactionId) {
      const existing = this.events.find((e) => e.mailbox === mailbox && e.transactionId === p.transactionId);
      if (existing) return this.send(req, res, 201, this.view(existing));
    }
    const id = `AAMk${randomUUID().replace(/-/g, '')}`;
    const online = p.isOnlineMeeting === true && p.onlineMeetingProvider === 'teamsForBusiness';
    const event: EmulatedEvent = {
      id,
      mailbox,
      transactionId: p.transactionId,
      subject: p.subject,
      start: p.start,
      end: p.end,
      location: p.location ? { displayName: p.location.displayName } : undefined,
      attendees: (p.attendees ?? []).map((a) => ({
        emailAddress: { address: a.emailAddress.address },
        type: a.type,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      })),
      isOnlineMeeting: online,
      onlineMeeting: online
        ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.slice(4, 24)}%40thread.v2/0?context=%7b%7d` }
        : null,
      isCancelled: false,
      changes: 0,
    };
    this.events.push(event);
    if (this.dropAfterCommit > 0) {
      this.dropAfterCommit--;
      this.requests.push({ method: 'POST', path: req.url ?? '', status: 0, authorized: true });
      req.socket.destroy();
      return;
    }
    this.send(req, res, 201, this.view(event));
  }

  private view(e: EmulatedEvent): Record<string, unknown> {
    return {
      '@odata.context': `${this.url}/$metadata#users('${e.mailbox}')/events/$entity`,
      id: e.id,
      subject: e.subject,
      start: e.start,
      end: e.end,
      location: e.location ?? { displayName: '' },
      attendees: e.attendees,
      isOnlineMeeting: e.isOnlineMeeting,
      onlineMeetingProvider: e.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: e.onlineMeeting,
      isCancelled: e.isCancelled,
      transactionId: e.transactionId ?? null,
    };
  }
}
