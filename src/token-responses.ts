import type { Response } from 'restify';
import type { Logger } from './logger';

/**
 * The plain answers of the pages opened by a token in their address (the
 * calendar feed, the printable minutes): the same 404 for a malformed, wrong
 * or rotated token, so none can be told from another, and a 503 when storage
 * fails, logged by the error's name and code only (a message may hold
 * personal data).
 */

export function notFound(res: Response): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Not found\n');
}

/** Logs `message` with the error's name and code, and answers 503 with a minute's Retry-After. */
export function unavailable(res: Response, logger: Logger, err: unknown, message: string): void {
  logger.error({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, message);
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
  res.end('Unavailable\n');
}
