import type { Report } from '../../domain/report/report';
import { t, type Locale } from '../../i18n';
import { cadenceChart, type Chart, indicatorCharts, monthLabel, refusalsChart } from './charts';
import { PERSONAL_ROW } from '../../domain/broadcast/broadcast';

/**
 * The report to the boards as one printable HTML page: a print stylesheet
 * (A4, page breaks kept out of tables and charts), tables for every section
 * and the charts inline as SVG. Every text is escaped; every user text in it
 * passed the consent gate before it was stored.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

/** A mean with one decimal, in the locale's way: 3,4 in Swedish, 3.4 in English. */
function oneDecimal(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function periodLabel(locale: Locale, year: number, interim: boolean): string {
  return t(locale, interim ? 'report.period.interim' : 'report.period.year', { year });
}

export async function reportCharts(report: Report, locale: Locale): Promise<Chart[]> {
  const [cadence, refusals, indicators] = await Promise.all([
    cadenceChart(report, locale),
    refusalsChart(report, locale),
    indicatorCharts(report, locale),
  ]);
  return [cadence, refusals, ...indicators];
}

export async function reportHtml(report: Report, locale: Locale, generatedAt: Date): Promise<string> {
  const p = (k: string, params: Record<string, string | number> = {}) => e(t(locale, `report.page.${k}`, params));
  const period = periodLabel(locale, report.period.year, report.period.interim);
  const charts = await reportCharts(report, locale);
  const chart = (id: string) => charts.find((c) => c.id === id);
  const figure = (c: Chart | undefined) =>
    c ? `<figure class="chart" id="${e(c.id)}">${c.svg}<figcaption>${e(c.title)}</figcaption></figure>` : '';
  const table = (head: string[], rows: string[][], cls = '') =>
    `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const none = (k = 'none') => `<p class="none">${p(k)}</p>`;
  const pct = (n: number | null) => (n === null ? '–' : `${n} %`);

  const groupsTable = table(
    [p('group'), p('level'), p('held'), p('expected'), p('cancelled'), p('withMinutes'), p('attendance'), p('decisions'), p('actions')],
    report.groups.map((g) => [
      e(g.name),
      e(t(locale, `report.levels.${g.level}`)),
      e(g.held),
      g.expected === null ? p('asNeeded') : e(g.expected),
      e(g.cancelled),
      e(g.withMinutes),
      e(pct(g.attendancePercent)),
      e(g.decisions),
      p('actionsCell', { done: g.actions.done, recorded: g.actions.recorded, overdue: g.actions.overdue }),
    ]),
    'groups',
  );
  const decisions = report.groups
    .filter((g) => g.decisionTexts.length > 0)
    .map(
      (g) =>
        `<h3>${p('decisionsOf', { group: g.name })}</h3><ul>${g.decisionTexts.map((d) => `<li>${e(d)}</li>`).join('')}</ul>${
          g.decisions > g.decisionTexts.length
            ? `<p class="none">${p('decisionsMore', { count: g.decisions - g.decisionTexts.length })}</p>`
            : ''
        }`,
    )
    .join('');
  const operative = report.groups.some((g) => g.level === 'operative' && g.decisions > 0)
    ? `<p class="none">${p('operativeDecisions')}</p>`
    : '';

  const reviews = report.reviews.length
    ? table(
        [p('document'), p('owner'), p('date'), p('decisionRef')],
        report.reviews.map((r) => [e(r.title), e(r.ownerGroupName), e(r.date), e(r.decisionRef ?? '–')]),
      )
    : none();

  const months = table(
    [p('month'), p('refusals'), p('recorded'), p('withdrawn'), p('expired')],
    report.months.map((m) => [
      e(monthLabel(m.month, locale)),
      e(m.refusals),
      e(m.consentsRecorded),
      e(m.consentsWithdrawn),
      e(m.consentsExpired),
    ]),
  );

  const plan = report.activities.total
    ? table(
        [p('document'), p('actions')],
        report.activities.byDocument.map((d) => [e(d.title), p('activitiesCell', { done: d.done, total: d.total, overdue: d.overdue })]),
      )
    : none('noPlans');

  const statusText = { met: 'statusMet', notMet: 'statusNotMet', noTarget: 'statusNoTarget', noValue: 'statusNoValue' } as const;
  const indicators = report.indicators.length
    ? `${table(
        [p('indicator'), p('latest'), p('target'), p('status')],
        report.indicators.map((i) => {
          const last = i.values.at(-1);
          const unit = i.unit ? ` ${i.unit}` : '';
          return [
            e(i.name),
            last ? e(`${last.value}${unit} (${last.period})`) : '–',
            i.target === undefined ? '–' : e(`${i.target}${unit}`),
            p(statusText[i.status]),
          ];
        }),
      )}${charts
        .filter((c) => c.id.startsWith('chart-indicator-'))
        .map(figure)
        .join('')}`
    : none('noIndicators');

  const sv = report.survey;
  const surveyGroups = sv?.groups ?? [];
  const survey = sv?.statements.length
    ? `${sv.respondents === undefined ? '' : `<p>${p('respondents', { count: sv.respondents })}</p>`}${table(
        [p('statement'), p('answers'), p('mean')],
        // Below 5 answers no figure of the survey is shown, not even a statement's count (SPEC §11).
        sv.statements.map((s, i) => [
          `${i + 1}. ${e(s.text)}`,
          s.mean === null ? '–' : e(s.answers),
          s.mean === null ? p('tooFew') : e(oneDecimal(s.mean, locale)),
        ]),
      )}<h3>${p('surveyPerGroup')}</h3>${
        surveyGroups.length
          ? table(
              [p('group'), p('answers'), ...sv.statements.map((_, i) => p('meanOf', { n: i + 1 }))],
              surveyGroups.map((g) => [e(g.name), e(g.respondents), ...g.means.map((m) => (m === null ? '–' : e(oneDecimal(m, locale))))]),
              'survey-groups',
            )
          : ''
      }<p class="none">${p('surveyGroupsRule')}</p>`
    : none('noSurvey');

  const rate = (x: { read: number; recipients: number }) =>
    x.recipients ? `${Math.round((100 * x.read) / x.recipients)} % (${x.read}/${x.recipients})` : '–';
  const broadcasts = report.broadcasts.length
    ? table(
        [p('broadcast'), p('sent'), p('readRate'), p('readPerGroup')],
        report.broadcasts.map((b) => [
          e(b.title),
          e(b.sentAt),
          e(rate(b)),
          b.groups.map((g) => `${g.groupId === PERSONAL_ROW ? p('readByName') : e(g.name)}: ${e(rate(g))}`).join('<br>'),
        ]),
      )
    : none('noBroadcasts');

  const tt = report.totals;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p('title', { period })}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #e0e0e0;padding-bottom:.25rem}h3{font-size:1rem;margin:1rem 0 .25rem}
.meta,.none,figcaption,footer{color:#616161}.intro{max-width:48rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.3rem .45rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
td{font-variant-numeric:tabular-nums}thead th{border-bottom:2px solid #bdbdbd}tbody th{font-weight:600}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0}
.summary div{border:1px solid #e0e0e0;border-radius:4px;padding:.5rem .75rem}.summary strong{display:block;font-size:1.4rem}
figure.chart{margin:1rem 0;break-inside:avoid}figure.chart svg{max-width:100%;height:auto}figcaption{font-size:.85rem}
footer{margin-top:2rem;font-size:.9rem}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}table,tr,figure{break-inside:avoid}a{color:inherit}.summary div{border-color:#999}}
</style></head><body>
<h1>${p('title', { period })}</h1>
<p class="meta">${p('meta', { organisation: report.organisationName, from: report.period.from, to: report.period.to, asOf: report.asOf })}</p>
<p class="intro">${p('intro')}</p>
<h2>${p('summary')}</h2>
<div class="summary">
<div><strong>${e(tt.held)}</strong>${p('summaryHeld')} (${e(tt.expected)} ${p('summaryExpected')})</div>
<div><strong>${e(tt.decisions)}</strong>${p('summaryDecisions')}</div>
<div><strong>${e(tt.actionsOverdue)}</strong>${p('summaryOverdue')}</div>
<div><strong>${e(tt.refusals)}</strong>${p('summaryRefusals')}</div>
</div>
<h2>${p('groups')}</h2>
${figure(chart('chart-cadence'))}
${groupsTable}
${decisions}${operative}
<h2>${p('reviews')}</h2>
${reviews}
<h2>${p('consent')}</h2>
${figure(chart('chart-refusals'))}
${months}
<h2>${p('plan')}</h2>
${plan}
<h2>${p('indicators')}</h2>
${indicators}
<h2>${p('survey')}</h2>
${survey}
<h2>${p('broadcasts')}</h2>
${broadcasts}
<footer>${p('footer', { at: `${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` })}</footer>
</body></html>
`;
}
