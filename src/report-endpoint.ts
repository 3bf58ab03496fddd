import type { Server } from 'restify';
import { loadReport } from './features/report/report';
import { reportHtml } from './features/report/page';
import type { BotServices } from './features/shared/services';
import { registerTokenPage } from './web/token-page';

/**
 * `GET /report/<token>.html[?lang=en]`: the report to the boards as a
 * printable page with its charts inline (SVG), computed from storage when it
 * is opened. Same rules as the printable minutes: the token is the only key
 * (256 bits, given to the strategic conveners and managers on the `report`
 * card, stored as a hash, never logged); a wrong token gets 404; the page
 * is private, never cached or indexed, and loads nothing (CSP).
 */
export function registerReportEndpoint(server: Server, services: BotServices): void {
  registerTokenPage(server, '/report', services, 'report page failed', async (token, req) => {
    const key = await services.reports.resolveToken(token);
    const tenant = services.organisation.tenantId;
    if (!key || (tenant && key.tenantId !== tenant)) return undefined;
    const locale = /(?:^|&)lang=en(?:&|$)/.test(String(req.getQuery?.() ?? '')) ? 'en' : 'sv';
    return reportHtml(await loadReport(services, key), locale, services.now());
  });
}
