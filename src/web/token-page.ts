import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { notFound, unavailable } from '../token-responses';

/**
 * A printable page opened by a token in its address (`/<path>/<token>.html`:
 * the minutes, a SIP's plan, the report to the boards), by one set of rules:
 * the token (32–64 URL-safe characters) is the only key and is never logged;
 * a malformed, wrong or rotated token gets the same 404; storage failing gets
 * a 503; the page is private, never cached or indexed, sends no referrer and
 * loads nothing (CSP: inline styles only).
 */

/** The headers of every token page. */
export const TOKEN_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'referrer-policy': 'no-referrer',
} as const;

const TOKEN_FILE = /^([A-Za-z0-9_-]{32,64})\.html$/;

/**
 * Serves `GET <prefix>/:file`: `render` gets the token and the request and
 * answers the page's HTML, or undefined for a token that opens nothing (404).
 */
export function registerTokenPage(
  server: Server,
  prefix: string,
  deps: { logger: Logger },
  failure: string,
  render: (token: string, req: Request) => Promise<string | undefined>,
): void {
  server.get(`${prefix}/:file`, async (req: Request, res: Response) => {
    const m = TOKEN_FILE.exec(String(req.params?.file ?? ''));
    if (!m) return notFound(res);
    try {
      const html = await render(m[1]!, req);
      if (html === undefined) return notFound(res);
      res.writeHead(200, TOKEN_PAGE_HEADERS);
      res.end(html);
    } catch (err) {
      unavailable(res, deps.logger, err, failure);
    }
  });
}
