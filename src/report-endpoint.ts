import type { Request, Response, Server } from 'restify';
import { loadReport } from './features/report/report';
import { reportHtml } from './features/report/page';
import type { BotServices } from './features/shared/services';
import { notFound, unavailable } from './token-responses';

/**
 * `GET /report/<token>.html[?lang=en]`: the report to the boards as a
 * printable page with its charts inline (SVG), computed from storage when it
 * is opened. Same rules as the printable minutes: the token is the only key
 * (256 bits, given to the strategic conveners and managers on the `report`
 * card, stored as a hash, never logged); a wrong token gets 404; the page
 * is private, never cached or indexed, and loads nothing (CSP).
 */
export function registerReportEndpoint(server: Server, services: BotServices): void {
  server.get('/report/:file', async (req: Request, res: Response) => {
    const m = /^([A-Za-z0-9_-]{32,64})\.html$/.exec(String(req.params?.file ?? ''));
    if (!m) return notFound(res);
    try {
      const key = await services.reports.resolveToken(m[1]!);
      const tenant = services.organisation.tenantId;
      if (!key || (tenant && key.tenantId !== tenant)) return notFound(res);
      const locale = /(?:^|&)lang=en(?:&|$)/.test(String(req.getQuery?.() ?? '')) ? 'en' : 'sv';
      const report = await loadReport(services, key);
      const html = await reportHtml(report, locale, services.now());
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
        'x-robots-tag': 'noindex',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'referrer-policy': 'no-referrer',
      });
      res.end(html);
    } catch (err) {
      unavailable(res, services.logger, err, 'report page failed');
    }
  });
}
