import type { Report } from '../../domain/report/report';
import { t, type Locale } from '../../i18n';

/**
 * The report's charts as inline SVG, rendered on the server by Vega-Lite and
 * Vega's headless SVG renderer (no browser, no canvas). Each SVG gets a
 * `<title>` and a `<desc>` (what it shows, and its numbers in words), so a
 * screen reader and a printed page both say what the chart says.
 *
 * vega 6 and vega-lite 6 are ES modules with top-level await: `require`
 * cannot load them from this CommonJS build (ERR_REQUIRE_ASYNC_MODULE on
 * Node 20 and 22), and TypeScript would compile `import()` into `require`.
 * So they are loaded once with a native dynamic import.
 */

type Vega = typeof import('vega');
/** The part of vega-lite used here (its own types need moduleResolution node16). */
interface VegaLite {
  compile(spec: Record<string, unknown>): { spec: unknown };
}

const nativeImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

/**
 * Node's own `import()`; where a host runs this module without an import
 * callback of its own (vitest's module runner), the host's `import()`.
 */
async function importModule<T>(specifier: string): Promise<T> {
  try {
    return await nativeImport<T>(specifier);
  } catch (err) {
    if (!/dynamic import callback/i.test(String((err as Error)?.message))) throw err;
    return (await import(specifier)) as T;
  }
}

let libraries: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  libraries ??= Promise.all([importModule<Vega>('vega'), importModule<VegaLite>('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  libraries.catch(() => {
    libraries = undefined;
  });
  return libraries;
}

export interface Chart {
  id: string;
  title: string;
  /** The numbers in words, for the `<desc>` and for readers of the page without the picture. */
  description: string;
  svg: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const FONT = 'Segoe UI, system-ui, sans-serif';
const CONFIG = {
  font: FONT,
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
  view: { stroke: null },
};

async function render(id: string, title: string, description: string, spec: Record<string, unknown>): Promise<Chart> {
  const { vega, vl } = await load();
  const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...spec }).spec;
  const view = new vega.View(vega.parse(compiled as Parameters<Vega['parse']>[0]), { renderer: 'none' });
  const raw = await view.toSVG();
  view.finalize();
  // The title and description first inside the root element; the root labelled by them.
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const svg = raw.replace(
    /^<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs.replace(/\s(role|aria-label|aria-labelledby|aria-describedby)="[^"]*"/g, '')} role="img" aria-labelledby="${titleId}" aria-describedby="${descId}"><title id="${titleId}">${esc(title)}</title><desc id="${descId}">${esc(description)}</desc>`,
  );
  return { id, title, description, svg };
}

/** Meetings held against the cadence, per group. */
export function cadenceChart(report: Report, locale: Locale): Promise<Chart> {
  const held = t(locale, 'report.chart.held');
  const expected = t(locale, 'report.chart.expected');
  const values = report.groups.flatMap((g) => [
    { group: g.name, kind: held, n: g.held },
    ...(g.expected === null ? [] : [{ group: g.name, kind: expected, n: g.expected }]),
  ]);
  const description = report.groups
    .map((g) =>
      g.expected === null
        ? t(locale, 'report.chart.cadenceLineAsNeeded', { group: g.name, held: g.held })
        : t(locale, 'report.chart.cadenceLine', { group: g.name, held: g.held, expected: g.expected }),
    )
    .join('; ');
  return render('chart-cadence', t(locale, 'report.chart.cadenceTitle'), description, {
    width: 460,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'group', type: 'nominal', title: null, sort: null },
      yOffset: { field: 'kind', sort: [held, expected] },
      x: { field: 'n', type: 'quantitative', title: t(locale, 'report.chart.meetings'), axis: { tickMinStep: 1 } },
      color: { field: 'kind', type: 'nominal', title: null, sort: [held, expected], scale: { range: ['#2b6cb0', '#b8c7d9'] } },
    },
  });
}

/** The consent gate's refusals per month. */
export function refusalsChart(report: Report, locale: Locale): Promise<Chart> {
  const values = report.months.map((m) => ({ month: monthLabel(m.month, locale), n: m.refusals }));
  const description = report.months.map((m) => `${monthLabel(m.month, locale)}: ${m.refusals}`).join(', ');
  return render('chart-refusals', t(locale, 'report.chart.refusalsTitle'), description, {
    width: 460,
    height: 180,
    data: { values },
    mark: { type: 'bar', color: '#9b2c2c' },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0 } },
      y: { field: 'n', type: 'quantitative', title: t(locale, 'report.chart.refusals'), axis: { tickMinStep: 1 } },
    },
  });
}

/** Each indicator's values over its periods, with its target as a rule; none when there are no values. */
export async function indicatorCharts(report: Report, locale: Locale): Promise<Chart[]> {
  const out: Chart[] = [];
  for (const [i, ind] of report.indicators.entries()) {
    if (ind.values.length === 0) continue;
    const unit = ind.unit ? ` (${ind.unit})` : '';
    const description = [
      ind.values.map((v) => `${v.period}: ${v.value}${ind.unit ? ` ${ind.unit}` : ''}`).join(', '),
      ind.target === undefined ? '' : t(locale, 'report.chart.target', { target: ind.target }),
    ]
      .filter(Boolean)
      .join('; ');
    const layers: Array<Record<string, unknown>> = [
      {
        data: { values: ind.values },
        mark: { type: 'line', point: true, color: '#2b6cb0' },
        encoding: {
          x: { field: 'period', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0 } },
          y: { field: 'value', type: 'quantitative', title: `${ind.name}${unit}` },
        },
      },
    ];
    if (ind.target !== undefined)
      layers.push({
        data: { values: [{ target: ind.target }] },
        mark: { type: 'rule', color: '#c05621', strokeDash: [4, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      });
    out.push(
      await render(`chart-indicator-${i}`, t(locale, 'report.chart.indicatorTitle', { name: ind.name }), description, {
        width: 460,
        height: 160,
        layer: layers,
      }),
    );
  }
  return out;
}

const MONTHS = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function monthLabel(month: string, locale: Locale): string {
  return MONTHS[locale][Number(month.slice(5, 7)) - 1] ?? month;
}
