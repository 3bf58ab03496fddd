import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { currentPeriod, type Trend } from '../../domain/indicators/indicators';
import { findGroup, type Organisation } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';

/** The data of adaptive-cards/indicators.json. */
export interface IndicatorsCardData {
  title: string;
  summary: string;
  notice: string;
  empty: string;
  indicators: Array<{
    id: string;
    name: string;
    target: string;
    latest: string;
    statusText: string;
    statusColor: string;
    trendText: string;
    history: Array<{ title: string; value: string }>;
    canRecord: boolean;
    currentPeriod: string;
    periodLabel: string;
    valueLabel: string;
  }>;
  labels: Record<string, string>;
}

/** ` %`, ` ungdomar`: the unit after a number, or nothing. */
export function unitSuffix(unit: string | undefined): string {
  return unit ? ` ${userText(unit)}` : '';
}

/** A number as the locale writes it (decimal comma in Swedish). */
export function formatValue(locale: Locale, value: number): string {
  return value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
}

function trendText(locale: Locale, tr: Trend): string {
  const unit = unitSuffix(tr.indicator.unit);
  const before = tr.points.at(-2);
  if (!before || tr.direction === 'none') return t(locale, 'indicators.trend.none');
  const params = { previous: before.period, value: formatValue(locale, before.value), unit };
  if (tr.direction === 'flat') return t(locale, 'indicators.trend.flat', params);
  const arrow = tr.direction === 'up' ? '↑' : '↓';
  return t(locale, tr.improving ? 'indicators.trend.better' : 'indicators.trend.worse', { ...params, arrow });
}

export function indicatorsCard(
  locale: Locale,
  org: Organisation,
  trends: Array<Trend & { canRecord: boolean }>,
  today: string,
  notice?: string,
): AdaptiveCardJson {
  const met = trends.filter((x) => x.latest?.met === true).length;
  const missed = trends.filter((x) => x.latest?.met === false).length;
  const data: IndicatorsCardData = {
    title: t(locale, 'indicators.title'),
    summary: t(locale, 'indicators.summary', { count: trends.length, met, missed, none: trends.length - met - missed }),
    notice: userText(notice),
    empty: t(locale, 'indicators.empty'),
    indicators: trends.map((tr) => {
      const ind = tr.indicator;
      const unit = unitSuffix(ind.unit);
      const status = tr.latest ? (tr.latest.met ? 'met' : 'missed') : 'none';
      return {
        id: ind.id,
        name: userText(ind.name),
        target: t(locale, `indicators.target.${ind.better}`, {
          target: formatValue(locale, ind.target),
          unit,
          period: t(locale, `indicators.periods.${ind.period}`),
          group: userText(findGroup(org, ind.reportingGroup)?.name ?? ind.reportingGroup),
        }),
        latest: tr.latest ? `${formatValue(locale, tr.latest.value)}${unit} (${tr.latest.period})` : t(locale, 'indicators.noValue'),
        statusText: t(locale, `indicators.status.${status}`),
        statusColor: status === 'met' ? 'Good' : status === 'missed' ? 'Attention' : 'Default',
        trendText: trendText(locale, tr),
        history: [...tr.points].reverse().map((p) => ({
          title: p.period,
          value: `${formatValue(locale, p.value)}${unit} ${p.met ? '✓' : '✗'}`,
        })),
        canRecord: tr.canRecord,
        currentPeriod: currentPeriod(ind.period, today),
        periodLabel: t(locale, `indicators.periodFormat.${ind.period}`),
        valueLabel: `${t(locale, 'indicators.labels.value')}${ind.unit ? ` (${userText(ind.unit)})` : ''}`,
      };
    }),
    labels: Object.fromEntries(['record', 'periodError', 'valueError', 'save'].map((k) => [k, t(locale, `indicators.labels.${k}`)])),
  };
  return renderCard('indicators', data);
}
