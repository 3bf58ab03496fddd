import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the Bot Connector. */
export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  replyToId?: string;
  activityId?: string;
  body: Record<string, any>;
  at: number;
}

/** A card the validator hook refused. */
export interface CardFailure {
  where: string;
  kind?: string;
  message: string;
}

type Waiter = { predicate: (a: SentActivity) => boolean; resolve: (a: SentActivity) => void; timer: NodeJS.Timeout };

/**
 * Teams' limits and faults, for the fan-out tests: at most `perApp` sends a
 * second for the app and `perConversation` per conversation (more get 429
 * with Retry-After), 429s and 5xx injected at chosen rates, 403 for blocked
 * conversations, and creating a conversation allowed only for users who
 * installed the app.
 */
export interface TeamsLimits {
  /** Sustained sends a second for the app: a token bucket refilled at this rate… */
  perApp?: number;
  /** …holding at most this many tokens (a short burst; default 5). */
  perAppBurst?: number;
  /**
   * How `perApp` is counted: 'bucket' (the default: a token bucket with a
   * short burst), 'sliding' (at most `perApp` accepted sends in any strict
   * one-second window: the stricter model) or 'sliding-every-request' (the
   * same window, but every request counts in it, refused ones included: a
   * limit that charges for 429s and 5xx as well).
   */
  appModel?: 'bucket' | 'sliding' | 'sliding-every-request';
  perConversation?: number;
  rate429?: number;
  rate5xx?: number;
  retryAfterSeconds?: number;
  /** Retry-After of the injected (random) 429s; defaults to retryAfterSeconds. */
  faultRetryAfterSeconds?: number;
  /** Conversations whose user blocked or uninstalled the bot: every send gets 403. */
  blocked?: Set<string>;
  /** Entra object ids of users with the app installed (createConversation succeeds); others get 403. */
  installed?: Set<string>;
  /** Deterministic fault injection. */
  random?: () => number;
  /**
   * Honour the idempotency key (channelData.samverkan.idempotencyKey): a send
   * whose key was delivered before is answered with the first delivery's id
   * and not delivered again. Counted in `absorbed`.
   */
  dedupe?: boolean;
}

/**
 * A connector that does not answer: requests are held instead of answered,
 * deterministically (by count and position, never by chance).
 */
export interface HangOptions {
  /** How long a held request waits; Infinity: never answered (the connection stays open until the bot gives up or the emulator stops). */
  ms: number;
  /** Hold only this many requests, then answer as usual again; default every matching request while set. */
  count?: number;
  /** Hold only every n-th matching request (3: the 3rd, 6th, …); default 1, each. */
  every?: number;
  /**
   * Handle the request at once (record it, deliver it, count its idempotency
   * key) and hold only the answer: the message arrived, but the bot never
   * hears so. Default false: nothing happens until `ms` has passed, then the
   * request is handled as usual, even when the bot has given up on it by then
   * (a late delivery).
   */
  deliverFirst?: boolean;
  /** Which requests; default every request. */
  match?: (req: { method: string; path: string }) => boolean;
}

/** One request the emulator received, answered or not. */
export interface ReceivedRequest {
  method: string;
  path: string;
  at: number;
  /** What it was answered; undefined while held (or never answered). */
  status?: number;
  /** Held by `hang`. */
  held: boolean;
  /** The kind (first body element's id) of the Adaptive Card it carried, if any. */
  cardKind?: string;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * A small Bot Connector emulator: it answers the REST calls botbuilder makes
 * to send, update and delete activities, and records what the bot sent.
 * Real HTTP, so the bot's whole outbound path is exercised.
 */
export class ConnectorEmulator {
  readonly sent: SentActivity[] = [];
  private server?: http.Server;
  private waiters: Waiter[] = [];
  private counter = 0;
  /** When set, every request is answered with this status (to simulate outages). */
  failWith?: number;
  /** Requests answered with `failWith`. */
  failures = 0;
  /**
   * When set, a post into a channel message's thread (`<conversation>;messageid=…`)
   * is answered 404 ConversationNotFound, as the Agents Playground does.
   */
  rejectThreadReplies = false;
  /**
   * When set, an update of a posted activity (PUT) is answered with this
   * status (404: the message was deleted; 403: the bot may no longer change
   * it), as a card that can no longer be updated.
   */
  refuseUpdates?: number;
  /** When set, requests hang instead of being answered (see HangOptions). */
  hang?: HangOptions;
  /** Requests held by `hang` so far. */
  hung = 0;
  /** The `hang` the counts below are of: `every` and `count` start over when it is replaced. */
  private hangFor?: HangOptions;
  private hangSeen = 0;
  private hangHeld = 0;
  private readonly holds = new Set<NodeJS.Timeout>();
  /**
   * Runs on every Adaptive Card the bot sends (throws when the card is bad);
   * failures are recorded in `cardFailures`, never thrown at the bot, so a
   * test can assert on them (the harness does at close).
   */
  cardValidator?: (card: unknown) => void;
  readonly cardFailures: CardFailure[] = [];
  /** Limits and faults; off unless set. */
  limits?: TeamsLimits;
  /** Idempotency key (channelData.samverkan.idempotencyKey) → accepted sends carrying it. */
  readonly deliveries = new Map<string, number>();
  /** What the emulator answered, by status. */
  readonly answered: Record<number, number> = {};
  /** Every request received, in order, whatever it was answered (for "was an error card even tried" checks). */
  readonly requests: ReceivedRequest[] = [];
  /** Requests per conversation, for "not retried" checks. */
  readonly requestsByConversation = new Map<string, number>();
  /** Resends of an already delivered idempotency key (with `dedupe`). */
  absorbed = 0;
  private readonly firstIds = new Map<string, string>();
  /** 429s answered because a limit was reached (not the injected ones). */
  overLimit429 = 0;
  /** Sends the limits accepted (2xx), for the achieved rate. */
  accepted = 0;
  private appTokens = Number.NaN;
  private appRefilledAt = 0;
  private readonly appWindow: number[] = [];
  private readonly convWindows = new Map<string, number[]>();

  constructor(options: { cardValidator?: (card: unknown) => void } = {}) {
    this.cardValidator = options.cardValidator;
  }

  /** Runs the validator on one card, recording a failure; also used for invoke responses. */
  checkCard(card: unknown, where: string): void {
    if (!this.cardValidator) return;
    try {
      this.cardValidator(card);
    } catch (err) {
      const kind = (card as { body?: Array<{ id?: unknown }> } | undefined)?.body?.[0]?.id;
      this.cardFailures.push({ where, kind: typeof kind === 'string' ? kind : undefined, message: (err as Error).message });
    }
  }

  /** Throws if any card the bot sent failed the validator. */
  assertCardsValid(): void {
    if (!this.cardFailures.length) return;
    throw new Error(
      `${this.cardFailures.length} invalid card(s) sent by the bot:\n` +
        this.cardFailures.map((f) => `- ${f.where}: ${f.message}`).join('\n'),
    );
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | undefined;
    if (!addr) throw new Error('emulator not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.holds) clearTimeout(timer);
    this.holds.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  clear(): void {
    this.sent.length = 0;
  }

  /** Resolves after `ms` if nothing matching was sent meanwhile; rejects with what arrived otherwise. */
  async expectNothing(predicate: (a: SentActivity) => boolean = () => true, ms = 500, after = this.sent.length): Promise<void> {
    let arrived: SentActivity | undefined;
    try {
      arrived = await this.waitFor(predicate, ms, after);
    } catch {
      return;
    }
    throw new Error(`expected nothing to be sent, but the bot sent ${arrived.method} ${arrived.path}`);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
      const hang = this.holdsRequest(method, url);
      const received: ReceivedRequest = { method, path: url, at: Date.now(), held: Boolean(hang), cardKind: cardKindOfBody(data) };
      this.requests.push(received);
      const write = (a: Answer) => {
        // The bot may have given up on a held request: its socket is gone.
        if (res.destroyed || res.writableEnded || res.socket?.destroyed) return;
        received.status = a.status;
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(JSON.stringify(a.body));
      };
      if (!hang) return write(this.answer(method, url, data));
      this.hung += 1;
      const later = (fn: () => void) => {
        if (!Number.isFinite(hang.ms)) return; // never answered
        const timer = setTimeout(
          () => {
            this.holds.delete(timer);
            fn();
          },
          Math.max(0, hang.ms),
        );
        this.holds.add(timer);
      };
      if (hang.deliverFirst) {
        const answer = this.answer(method, url, data);
        later(() => write(answer));
      } else {
        later(() => write(this.answer(method, url, data)));
      }
    });
  }

  /** The hang options when this request is to be held. */
  private holdsRequest(method: string, path: string): HangOptions | undefined {
    const h = this.hang;
    if (h !== this.hangFor) {
      this.hangFor = h;
      this.hangSeen = 0;
      this.hangHeld = 0;
    }
    if (!h || (h.match && !h.match({ method, path }))) return undefined;
    this.hangSeen += 1;
    if (this.hangSeen % Math.max(1, h.every ?? 1) !== 0) return undefined;
    if (h.count !== undefined && this.hangHeld >= h.count) return undefined;
    this.hangHeld += 1;
    return h;
  }

  /** Handles one request: records what was sent and answers what the connector would. */
  private answer(method: string, url: string, data: string): Answer {
    if (this.failWith) {
      this.failures += 1;
      return { status: this.failWith, body: { error: { code: 'ServiceError', message: 'emulated failure' } } };
    }
    const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(url);
    if (m && method === 'PUT' && this.refuseUpdates) {
      this.answered[this.refuseUpdates] = (this.answered[this.refuseUpdates] ?? 0) + 1;
      return { status: this.refuseUpdates, body: { error: { code: 'NotFound', message: 'Activity not found.' } } };
    }
    if (m && method === 'POST' && this.rejectThreadReplies && m[1]!.includes(';messageid=')) {
      this.answered[404] = (this.answered[404] ?? 0) + 1;
      return { status: 404, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } };
    }
    if (m && method === 'POST' && this.limits) {
      const refusal = this.limit(m[1]!);
      if (refusal) {
        this.answered[refusal.status] = (this.answered[refusal.status] ?? 0) + 1;
        return {
          status: refusal.status,
          headers: refusal.retryAfter !== undefined ? { 'retry-after': String(refusal.retryAfter) } : {},
          body: {
            error: {
              code: refusal.status === 429 ? 'Throttled' : refusal.status === 403 ? 'BotDisabledByAdmin' : 'ServiceError',
              message: 'emulated',
            },
          },
        };
      }
    }
    if (m) {
      let body: Record<string, any> = {};
      try {
        body = data ? JSON.parse(data) : {};
      } catch {
        /* recorded as empty */
      }
      const dedupeKey = body?.channelData?.samverkan?.idempotencyKey;
      if (this.limits?.dedupe && method === 'POST' && typeof dedupeKey === 'string' && this.firstIds.has(dedupeKey)) {
        this.absorbed += 1;
        return { status: 200, body: { id: this.firstIds.get(dedupeKey) } };
      }
      const id = `emu-${++this.counter}`;
      const rec: SentActivity = {
        method,
        path: url,
        conversationId: m[1]!,
        replyToId: method === 'POST' ? m[2] : undefined,
        activityId: method !== 'POST' ? m[2] : undefined,
        body,
        at: Date.now(),
      };
      this.sent.push(rec);
      this.answered[200] = (this.answered[200] ?? 0) + 1;
      const key = body?.channelData?.samverkan?.idempotencyKey;
      if (typeof key === 'string') {
        this.deliveries.set(key, (this.deliveries.get(key) ?? 0) + 1);
        if (!this.firstIds.has(key)) this.firstIds.set(key, rec.activityId ?? id);
      }
      const atts: unknown[] = Array.isArray(body.attachments) ? body.attachments : [];
      for (const att of atts) {
        const a = att as { contentType?: string; content?: unknown };
        if (a?.contentType === 'application/vnd.microsoft.card.adaptive') this.checkCard(a.content, `${rec.method} ${url}`);
      }
      this.waiters = this.waiters.filter((w) => {
        if (!w.predicate(rec)) return true;
        clearTimeout(w.timer);
        w.resolve(rec);
        return false;
      });
      return { status: 200, body: { id: rec.activityId ?? id } };
    }
    if (/^\/v3\/conversations\/?$/.test(url) && method === 'POST' && this.limits?.installed) {
      let params: { members?: Array<{ aadObjectId?: string; id?: string }> } = {};
      try {
        params = data ? JSON.parse(data) : {};
      } catch {
        /* empty */
      }
      const aad = params.members?.[0]?.aadObjectId ?? params.members?.[0]?.id?.replace(/^8:orgid:/, '');
      if (!aad || !this.limits.installed.has(aad))
        return { status: 403, body: { error: { code: 'Forbidden', message: 'app not installed for the user' } } };
      return { status: 200, body: { id: `a:created-${aad}`, activityId: `emu-${++this.counter}` } };
    }
    if (/^\/v3\/conversations\/?$/.test(url) && method === 'POST') {
      return { status: 200, body: { id: `a:emu-conversation-${++this.counter}`, activityId: `emu-${this.counter}` } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: url } } };
  }

  /** Forgets deliveries, idempotency keys and counts (between runs of one emulator). */
  resetDeliveries(): void {
    this.deliveries.clear();
    this.firstIds.clear();
    this.absorbed = 0;
    this.overLimit429 = 0;
    this.accepted = 0;
    this.requestsByConversation.clear();
  }

  /** Applies the limits to one send; the refusal to answer with, if any. */
  private limit(conversationId: string): { status: number; retryAfter?: number } | undefined {
    const l = this.limits!;
    const now = Date.now();
    this.requestsByConversation.set(conversationId, (this.requestsByConversation.get(conversationId) ?? 0) + 1);
    if (l.blocked?.has(conversationId)) return { status: 403 };
    const rnd = l.random ?? Math.random;
    const retryAfter = l.retryAfterSeconds ?? 1;
    const everyRequest = l.perApp !== undefined && l.appModel === 'sliding-every-request';
    if (everyRequest) {
      while (this.appWindow.length && this.appWindow[0]! <= now - 1000) this.appWindow.shift();
      const full = this.appWindow.length >= l.perApp!;
      this.appWindow.push(now);
      if (full) {
        this.overLimit429 += 1;
        return { status: 429, retryAfter };
      }
    }
    if (l.rate429 && rnd() < l.rate429) return { status: 429, retryAfter: l.faultRetryAfterSeconds ?? retryAfter };
    if (l.rate5xx && rnd() < l.rate5xx) return { status: 503 };
    let conv = this.convWindows.get(conversationId);
    if (!conv) this.convWindows.set(conversationId, (conv = []));
    while (conv.length && conv[0]! <= now - 1000) conv.shift();
    if (everyRequest) {
      // Counted above, before the faults.
    } else if (l.perApp !== undefined && l.appModel === 'sliding') {
      while (this.appWindow.length && this.appWindow[0]! <= now - 1000) this.appWindow.shift();
      if (this.appWindow.length >= l.perApp) {
        this.overLimit429 += 1;
        return { status: 429, retryAfter };
      }
    } else if (l.perApp !== undefined) {
      const burst = l.perAppBurst ?? 5;
      if (Number.isNaN(this.appTokens)) this.appTokens = burst;
      this.appTokens = Math.min(burst, this.appTokens + ((now - this.appRefilledAt) / 1000) * l.perApp);
      this.appRefilledAt = now;
      if (this.appTokens < 1) {
        this.overLimit429 += 1;
        return { status: 429, retryAfter };
      }
    }
    if (l.perConversation !== undefined && conv.length >= l.perConversation) {
      this.overLimit429 += 1;
      return { status: 429, retryAfter };
    }
    if (l.perApp !== undefined && l.appModel === 'sliding') this.appWindow.push(now);
    else if (l.perApp !== undefined) this.appTokens -= 1;
    conv.push(now);
    this.accepted += 1;
    return undefined;
  }

  /** Resolves with the first sent activity (already sent or arriving) that matches. */
  waitFor(predicate: (a: SentActivity) => boolean = () => true, timeoutMs = 5000, after = 0): Promise<SentActivity> {
    const existing = this.sent.slice(after).find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no matching activity within ${timeoutMs} ms; sent so far: ${this.sent.length}`));
      }, timeoutMs);
      this.waiters.push({ predicate, resolve, timer });
    });
  }
}

function cardKindOfBody(data: string): string | undefined {
  if (!data.includes('application/vnd.microsoft.card.adaptive')) return undefined;
  try {
    const body = JSON.parse(data) as { attachments?: Array<{ contentType?: string; content?: { body?: Array<{ id?: unknown }> } }> };
    const id = body.attachments?.find((a) => a?.contentType === 'application/vnd.microsoft.card.adaptive')?.content?.body?.[0]?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The Adaptive Card of a sent activity, if it carries one. */
export function cardOf(a: SentActivity): Record<string, any> | undefined {
  const att = (a.body.attachments ?? []).find((x: any) => x?.contentType === 'application/vnd.microsoft.card.adaptive');
  return att?.content;
}

/** The card's kind: the id of its first body element. */
export function cardKind(a: SentActivity): string | undefined {
  return cardOf(a)?.body?.[0]?.id;
}
