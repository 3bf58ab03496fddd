import type { Server } from 'restify';
import { viewOf } from './features/sip/sip';
import type { BotServices } from './features/shared/services';
import { SIP_PLAN_TEXT_FIELDS, type Sip } from './domain/sip/sip';
import type { SipView } from './features/sip/cards';
import { escapeHtml } from './minutes-endpoint';
import { registerTokenPage } from './web/token-page';
import { t, type Locale } from './i18n';

/**
 * `GET /sip/<token>.html`: a SIP's plan as a clean page to print and hand to
 * the family, by the same rules as the minutes' page: the token is the only
 * key (256 bits, shown on the plan card to the group's members, stored as a
 * hash, never logged). The child is its case reference, the family roles.
 */

export function sipHtml(sip: Sip, view: SipView, locale: Locale = 'sv'): string {
  const e = escapeHtml;
  const l = (k: string, params: Record<string, string | number> = {}) => e(t(locale, `sip.plan.${k}`, params));
  const plan = sip.plan;
  const invited = [...view.agencyNames, ...sip.family.map((r) => t(locale, `sip.family.${r}`))];
  const rows = plan
    ? `${SIP_PLAN_TEXT_FIELDS.map(
        (k) => `<dt>${l(k)}</dt><dd>${plan[k] ? e(plan[k]).replace(/\n/g, '<br>') : '<span class="none">–</span>'}</dd>`,
      ).join('')}<dt>${l('followUpDate')}</dt><dd>${e(plan.followUpDate)}</dd>`
    : `<dt>${l('needs')}</dt><dd class="none">${l('noPlan')}</dd>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${l('title', { caseRef: sip.caseRef })}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.1rem;margin-top:1.75rem;border-bottom:1px solid #e0e0e0;padding-bottom:.25rem}
.meta{color:#616161}dl{display:grid;grid-template-columns:14rem 1fr;gap:.4rem .75rem}dt{color:#616161}dd{margin:0}.none{color:#616161}
footer{margin-top:2rem;color:#616161;font-size:.9rem}@media print{body{margin:0;max-width:none}a{color:inherit}}
</style></head><body>
<h1>${l('title', { caseRef: sip.caseRef })}</h1>
<p class="meta">${e(view.groupName)}${view.meetingWhen ? ` · ${l('facts.meeting')}: ${e(view.meetingWhen)}` : ''} · ${l('facts.status')}: ${e(t(locale, `sip.statuses.${sip.status}`))}</p>
<h2>${l('facts.participants')}</h2><p>${invited.length ? e(invited.join(', ')) : '–'}</p>
<h2>${l('printHeading')}</h2><dl>${rows}</dl>
${sip.followUps.length ? `<p>${l('followUps')}: ${e(sip.followUps.join(', '))}</p>` : ''}
${view.systemUrl ? `<p><a href="${e(view.systemUrl)}">${l('system')}</a></p>` : ''}
<footer>${plan ? e(plan.plannedAt.slice(0, 10)) : ''}</footer>
</body></html>
`;
}

export function registerSipEndpoint(server: Server, services: BotServices): void {
  registerTokenPage(server, '/sip', services, 'SIP page failed', async (token) => {
    const key = await services.sips.resolvePrintToken(token);
    const sip = key ? await services.sips.get(key.tenantId, key.groupId, key.sipId) : undefined;
    if (!sip || sip.printToken !== token || !sip.plan) return undefined;
    return sipHtml(sip, await viewOf(services, sip));
  });
}
