import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type UserTokenClient,
} from 'botframework-connector';

/**
 * A bound on every request the bot makes to the Bot Connector: a turn's
 * replies, proactive sends and updates, conversations it creates.
 *
 * botframework-connector's ConnectorClient (on @azure/core-client and
 * @azure/core-rest-pipeline) has no timeout: a request's `timeout` defaults
 * to 0, "none". A connector that takes the connection and never answers held
 * a user's turn, and with it the HTTP request Teams waits on, a fan-out
 * sender and a scheduled job forever (test/protocol/connector-faults.test.ts).
 * ConnectorClientOptions cannot carry a fix: the adapter's ConnectorFactory
 * overwrites `requestPolicyFactories` with its own for every client it makes.
 *
 * So the adapter's BotFrameworkAuthentication is wrapped: every connector
 * client its factories make gets a pipeline policy that aborts the request
 * (closing the socket) when it has not finished within the bound, and throws
 * a ConnectorTimeoutError. The policy sits outside the client's retry
 * policy: the bound is for one operation with all of botbuilder's own
 * retries, not for each attempt. It also marks every failure that came
 * through it, so the turn's error handler can tell a failing connector from
 * failing storage.
 */

export class ConnectorTimeoutError extends Error {
  override readonly name = 'ConnectorTimeoutError';
  /** Short and free of personal data: what the scheduler and the outbox record as lastError. */
  readonly code = 'ConnectorTimeout';
  constructor(readonly timeoutMs: number) {
    super(`the Bot Connector did not answer within ${timeoutMs} ms`);
  }
}

import { CONNECTOR_FAILURE, statusOf as connectorStatus } from '../errors';
import { connectorOperation, inSpan, telemetry } from '../telemetry';

export const CONNECTOR_TIMEOUT_POLICY = 'samverkanConnectorTimeout';

function mark(err: unknown): void {
  if (!err || typeof err !== 'object' || Object.isFrozen(err)) return;
  try {
    Object.defineProperty(err, CONNECTOR_FAILURE, { value: true, enumerable: false, configurable: true });
  } catch {
    /* not extensible: left unmarked */
  }
}

export { isConnectorDown, isConnectorFailure, statusOf as connectorStatus } from '../errors';

// The few shapes of @azure/core-rest-pipeline used here (a dependency of botframework-connector, not of this project).
interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface PipelineRequestLike {
  abortSignal?: AbortSignalLike;
  url?: string;
  method?: string;
}
interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequestLike, next: (request: PipelineRequestLike) => Promise<unknown>): Promise<unknown>;
}
interface PipelineLike {
  addPolicy(policy: PipelinePolicy): void;
  getOrderedPolicies(): Array<{ name: string }>;
}

/** The policy: aborts a connector request (with botbuilder's retries) that has not finished within `timeoutMs`. */
export function connectorTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: CONNECTOR_TIMEOUT_POLICY,
    async sendRequest(request, next) {
      const controller = new AbortController();
      const outer = request.abortSignal;
      const onOuterAbort = () => controller.abort();
      if (outer?.aborted) controller.abort();
      else outer?.addEventListener('abort', onOuterAbort);
      let timer: NodeJS.Timeout | undefined;
      // The race also ends a request whose headers came but whose body never
      // does; the abort stops the retry policy and closes the socket.
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new ConnectorTimeoutError(timeoutMs));
          controller.abort();
        }, timeoutMs);
      });
      request.abortSignal = controller.signal;
      const operation = connectorOperation(request.method, request.url);
      try {
        return await inSpan('connector.request', { 'connector.operation': operation, 'http.method': request.method }, async (span) => {
          try {
            const response = await Promise.race([next(request), timedOut]);
            const status = (response as { status?: unknown })?.status;
            if (typeof status === 'number') {
              span.set({ 'http.status': status });
              telemetry.connectorRequest(operation, status);
            }
            return response;
          } catch (err) {
            const status = connectorStatus(err);
            span.set({ 'http.status': status });
            telemetry.connectorRequest(operation, status ?? (err instanceof ConnectorTimeoutError ? 'timeout' : 'network'));
            throw err;
          }
        });
      } catch (err) {
        mark(err);
        throw err;
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
        request.abortSignal = outer;
      }
    },
  };
}

/** The HTTP pipeline of a connector client (private in botbuilder-stdlib's typings; the fan-out's sends reach it too). */
export function pipelineOf(client: ConnectorClient): PipelineLike | undefined {
  const pipeline = (client as unknown as { client?: { pipeline?: Partial<PipelineLike> } }).client?.pipeline;
  return typeof pipeline?.addPolicy === 'function' && typeof pipeline.getOrderedPolicies === 'function'
    ? (pipeline as PipelineLike)
    : undefined;
}

/** Adds the bound to a connector client (once). */
export function boundConnectorClient(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (!pipeline)
    throw new Error('connector client without an HTTP pipeline: botframework-connector changed, CONNECTOR_TIMEOUT_MS cannot be applied');
  if (!pipeline.getOrderedPolicies().some((p) => p.name === CONNECTOR_TIMEOUT_POLICY))
    pipeline.addPolicy(connectorTimeoutPolicy(timeoutMs));
  return client;
}

/** Throws at start-up, not at the first turn, when this botframework-connector's clients cannot take the bound. */
export function assertConnectorClientsBoundable(): void {
  boundConnectorClient(new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: 'http://127.0.0.1' }), 1000);
}

class BoundedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return boundConnectorClient(await this.inner.create(serviceUrl, audience), this.timeoutMs);
  }
}

/** The adapter's BotFrameworkAuthentication, whose connector factories make bounded clients; everything else is the inner one's. */
export class BoundedBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  private bounded(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? { ...result, connectorFactory: new BoundedConnectorFactory(result.connectorFactory, this.timeoutMs) }
      : result;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.bounded(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.bounded(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new BoundedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.timeoutMs);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
