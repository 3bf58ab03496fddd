import type { Server } from 'restify';
import { itemText } from './features/agenda/cards';
import { agendaOrTemplate } from './features/agenda/group-meeting';
import { meetingWhen } from './features/meetings/cards';
import type { BotServices } from './features/shared/services';
import type { Meeting } from './domain/meetings/meeting';
import type { Minutes } from './domain/minutes/minutes';
import { findGroup, findPerson, type Group } from './domain/organisation';
import { registerTokenPage } from './web/token-page';
import { t, type Locale } from './i18n';

/**
 * `GET /minutes/<token>.html`: finalised minutes as a clean page to print to
 * PDF for the municipality's records. The token is the only key (256 bits,
 * given to conveners on the finalised card, stored as a hash, never logged).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function minutesHtml(
  services: Pick<BotServices, 'organisation'>,
  group: Group,
  m: Meeting,
  minutes: Minutes,
  itemsText: Array<{ id: string; text: string }>,
  locale: Locale = 'sv',
): string {
  const e = escapeHtml;
  const p = (k: string, params: Record<string, string | number> = {}) => e(t(locale, `minutes.print.${k}`, params));
  const { when, timeLine } = meetingWhen(m, locale);
  const names = minutes.attendees
    .map((id) => findPerson(services.organisation, id))
    .map((x) => (x ? `${x.displayName} (${x.role})` : ''))
    .filter(Boolean);
  const list = (lines: string[]) =>
    lines.length ? `<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : `<p class="none">${p('none')}</p>`;
  const items = itemsText
    .map(
      (i) =>
        `<li><strong>${e(i.text)}</strong>${minutes.notes[i.id] ? `<p>${e(minutes.notes[i.id]!).replace(/\n/g, '<br>')}</p>` : ''}</li>`,
    )
    .join('');
  const tasks = minutes.actions.length
    ? `<table><thead><tr><th>${p('what')}</th><th>${p('who')}</th><th>${p('due')}</th></tr></thead><tbody>${minutes.actions.map((task) => `<tr><td>${e(task.what)}</td><td>${e(task.who)}</td><td>${e(task.due)}</td></tr>`).join('')}</tbody></table>`
    : `<p class="none">${p('none')}</p>`;
  const sip = minutes.sip.length
    ? `<h2>${p('sip')}</h2>${minutes.sip.map((s) => `<h3>${e(s.caseRef)}</h3><dl><dt>${e(t(locale, 'minutes.labels.goal'))}</dt><dd>${e(s.goal)}</dd><dt>${e(t(locale, 'minutes.labels.intervention'))}</dt><dd>${e(s.intervention)}</dd><dt>${e(t(locale, 'minutes.labels.responsible'))}</dt><dd>${e(s.responsible)}</dd><dt>${e(t(locale, 'minutes.labels.due'))}</dt><dd>${e(s.due)}</dd><dt>${e(t(locale, 'minutes.labels.coordinator'))}</dt><dd>${e(s.coordinator)}</dd></dl>`).join('')}`
    : '';
  const by = minutes.finalizedBy
    ? (services.organisation.people.find((x) => x.aadObjectId === minutes.finalizedBy)?.displayName ?? '—')
    : '—';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${p('title', { group: group.name })} ${e(when)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.1rem;margin-top:1.75rem;border-bottom:1px solid #e0e0e0;padding-bottom:.25rem}h3{font-size:1rem;margin-bottom:.25rem}
.meta{color:#616161}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
dl{display:grid;grid-template-columns:10rem 1fr;gap:.25rem .75rem}dt{color:#616161}dd{margin:0}.none{color:#616161}footer{margin-top:2rem;color:#616161;font-size:.9rem}
@media print{body{margin:0;max-width:none}a{color:inherit}}
</style></head><body>
<h1>${p('title', { group: group.name })}</h1>
<p class="meta">${p('meeting')}: ${e(when)}, ${e(timeLine)}${m.location ? ` · ${p('place')}: ${e(m.location)}` : ''}</p>
<h2>${p('present')}</h2>${list(names)}
${minutes.guests ? `<h2>${p('guests')}</h2><p>${e(minutes.guests)}</p>` : ''}
<h2>${p('items')}</h2><ol>${items}</ol>
<h2>${p('decisions')}</h2>${list(minutes.decisions)}
<h2>${p('actions')}</h2>${tasks}
${sip}
<footer>${p('finalized', { at: (minutes.finalizedAt ?? '').slice(0, 10), by })}</footer>
</body></html>
`;
}

export function registerMinutesEndpoint(server: Server, services: BotServices): void {
  registerTokenPage(server, '/minutes', services, 'minutes page failed', async (token) => {
    const key = await services.minutes.resolvePrintToken(token);
    const group = key ? findGroup(services.organisation, key.groupId) : undefined;
    if (!key || !group) return undefined;
    const [meeting, minutes] = await Promise.all([
      services.meetings.get(key.tenantId, key.groupId, key.meetingId),
      services.minutes.get(key.tenantId, key.groupId, key.meetingId),
    ]);
    if (!meeting || !minutes || minutes.status !== 'final' || minutes.printToken !== token) return undefined;
    const { items } = await agendaOrTemplate(services, meeting, group);
    return minutesHtml(
      services,
      group,
      meeting,
      minutes,
      items.map((i) => ({ id: i.id, text: itemText('sv', group.level, i) })),
    );
  });
}
