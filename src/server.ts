import restify, { type Request, type Response } from 'restify';
import { inSpan } from './telemetry';
import { z } from 'zod';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Config } from './config';
import type { Logger } from './logger';
import type { TableStore } from './storage/tables';
import { turnWrites } from './storage/turn-writes';

/** The least an activity must carry before botbuilder sees it. */
const obj = z.object({}).passthrough();
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z
      .object({
        id: z.string().min(1).max(1024),
        conversationType: z.string().max(64).optional(),
        tenantId: z.string().max(256).optional(),
      })
      .passthrough(),
    from: z
      .object({ id: z.string().min(1).max(1024), name: z.string().max(1024).nullish(), aadObjectId: z.string().max(256).nullish() })
      .passthrough(),
    recipient: z.object({ id: z.string().max(1024) }).passthrough(),
    // botbuilder and teams-ai read these without checking their types (found by the property tests).
    id: z.string().max(1024).optional(),
    replyToId: z.string().max(1024).optional(),
    text: z.string().max(100_000).optional(),
    textFormat: z.string().max(64).optional(),
    locale: z.string().max(64).optional(),
    timestamp: z.string().max(64).optional(),
    name: z.string().max(256).optional(),
    action: z.string().max(64).optional(),
    entities: z.array(obj).max(100).optional(),
    attachments: z.array(obj).max(50).optional(),
    channelData: obj.optional(),
    membersAdded: z.array(obj).max(1000).optional(),
    membersRemoved: z.array(obj).max(1000).optional(),
  })
  .passthrough()
  // An Adaptive Card action carries the action it is.
  .refine(
    (a) => {
      if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return true;
      const action = ((a as Record<string, unknown>).value as { action?: unknown } | undefined)?.action;
      return typeof action === 'object' && action !== null;
    },
    { path: ['value', 'action'], message: 'required' },
  );

export interface ServerDeps {
  config: Config;
  logger: Logger;
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  store: TableStore;
  /** Extra routes added by later features (calendar, jobs). */
  extend?: (server: restify.Server) => void;
}

export interface RunningServer {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

function problem(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

export function createServer(deps: ServerDeps): restify.Server {
  const { config, logger, adapter, app, store } = deps;
  const server = restify.createServer({ name: 'samverkan', handleUncaughtExceptions: false });

  // Compressed bodies are refused: restify counts the limit on the compressed
  // bytes, so a small gzip bomb would inflate past it. Bot Framework never
  // compresses activities.
  server.use((req: Request, res: Response, next: (e?: unknown) => void) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      problem(res, 415, 'UnsupportedMediaType', 'compressed bodies are not accepted');
      return next(false);
    }
    next();
  });
  // JSON only: the general bodyParser would also parse multipart uploads to
  // temporary files and turn a non-JSON body into a 400 before the 415 check.
  // (maxBodySize reaches the body reader jsonBodyParser chains; the typings omit it.)
  const jsonOptions = { maxBodySize: config.MAX_BODY_BYTES, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const contentType = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(contentType)) return problem(res, 415, 'UnsupportedMediaType', 'activities must be application/json');
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return problem(res, 400, 'BadRequest', 'the body must be a JSON object');
    const parsed = activityShape.safeParse(body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 5);
      return problem(res, 400, 'BadRequest', `not a valid activity: ${fields.join(', ')}`);
    }
    // A message without text (attachments only) but with a mention makes
    // teams-ai's mention removal throw; the text is then empty, not missing.
    if (parsed.data.type === 'message' && parsed.data.text === undefined) (body as { text?: string }).text = '';
    // Without a token there is nothing to validate: answer 401 here rather
    // than let botbuilder print a stack trace for every such request.
    if (!config.anonymous && !/^Bearer\s+\S+/i.test(String(req.headers.authorization ?? ''))) {
      return problem(res, 401, 'Unauthorized', 'a Bot Framework token is required');
    }
    // botbuilder answers 401 for its AuthenticationError but 500 for other
    // failures of token checking (a key id the key server does not publish
    // throws a plain Error). Anything that fails before the turn starts is a
    // refused credential: 401.
    let turnStarted = false;
    const answer = new Proxy(res, {
      get(target, prop, receiver) {
        if (prop === 'status') return (code: number) => target.status(code >= 500 && !turnStarted ? 401 : code);
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    try {
      // Counts what the turn writes (the error handler runs in here too), so a storage failure part-way can be told truthfully.
      await turnWrites.run({ writes: 0 }, () =>
        adapter.process(req, answer, async (context) => {
          turnStarted = true;
          const activity = context.activity;
          await inSpan(
            'turn',
            {
              'activity.type': activity?.type,
              'activity.name': activity?.name,
              'conversation.type': activity?.conversation?.conversationType,
            },
            async () => {
              await app.run(context);
            },
          );
        }),
      );
    } catch (err) {
      logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'activity processing failed');
      if (!res.headersSent) problem(res, 500, 'InternalError', 'the activity could not be processed');
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await store.ping();
      res.json({ status: 'ok' });
    } catch (err) {
      res.status(503);
      res.json({ status: 'unavailable', reason: 'storage unreachable' });
      logger.warn({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, 'health check: storage unreachable');
    }
  });

  deps.extend?.(server);

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, next: (e?: unknown) => void) => {
    if ((err.statusCode ?? 500) >= 500) logger.error({ err: { name: err.name, message: err.message }, url: req.url }, 'request failed');
    next();
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold the close open.
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
