import type { IsoDate } from '../organisation/dates';
import type { Indicator } from '../organisation/model';

/**
 * Indicators (§11): the organisation file names them (target, which way is
 * better, how often a value is recorded, which group reports it); the
 * reporting group's conveners record one value per period; the trend is the
 * last periods' values against the target. Plain data and rules.
 *
 * Periods are written `2026` (year), `2026-VT` / `2026-HT` (term: spring,
 * January–June, and autumn, July–December) and `2026-11` (month).
 */

export type { Indicator };

export interface IndicatorValue {
  indicatorId: string;
  period: string;
  value: number;
  recordedAt: string;
  /** Entra object id (or Teams id) of who recorded it. */
  recordedBy: string;
}

/** A period as a person writes it, in the indicator's kind, in its canonical form; undefined when it is not one. */
export function parsePeriod(kind: Indicator['period'], raw: string): string | undefined {
  const v = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (kind === 'year') return /^(19|20)\d\d$/.test(v) ? v : undefined;
  if (kind === 'month') {
    const m = /^((?:19|20)\d\d)-(0[1-9]|1[0-2])$/.exec(v);
    return m ? `${m[1]}-${m[2]}` : undefined;
  }
  const a = /^((?:19|20)\d\d)[- ]?(VT|HT)$/.exec(v) ?? /^(VT|HT)[- ]?((?:19|20)\d\d)$/.exec(v);
  if (!a) return undefined;
  const [year, term] = /^\d/.test(a[1]!) ? [a[1]!, a[2]!] : [a[2]!, a[1]!];
  return `${year}-${term}`;
}

/** The period `today` falls in. */
export function currentPeriod(kind: Indicator['period'], today: IsoDate): string {
  const year = today.slice(0, 4);
  if (kind === 'year') return year;
  if (kind === 'month') return today.slice(0, 7);
  return `${year}-${Number(today.slice(5, 7)) <= 6 ? 'VT' : 'HT'}`;
}

/** Whether a period has begun by `today` (a value for a period to come is refused). */
export function periodStarted(kind: Indicator['period'], period: string, today: IsoDate): boolean {
  return comparePeriods(period, currentPeriod(kind, today)) <= 0;
}

/** Periods of one kind in time order (`VT` before `HT` of a year). */
export function comparePeriods(a: string, b: string): number {
  const key = (p: string) => p.replace('-VT', '-1').replace('-HT', '-2');
  return key(a).localeCompare(key(b));
}

/** A value as a person writes it: `72`, `72,5`, `72.5`, `−3`, `1 200`. */
export function parseValue(raw: string): number | undefined {
  const v = raw.trim().replace(/\s/g, '').replace(',', '.').replace('\u2212', '-').replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) < 1e12 ? n : undefined;
}

export function meetsTarget(indicator: Pick<Indicator, 'target' | 'better'>, value: number): boolean {
  return indicator.better === 'higher' ? value >= indicator.target : value <= indicator.target;
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

export interface Trend {
  indicator: Indicator;
  /** The last periods' values, oldest first (at most `last`). */
  points: Array<{ period: string; value: number; met: boolean }>;
  latest?: { period: string; value: number; met: boolean };
  /** The latest value against the one before it. */
  direction: Direction;
  /** Whether that move is the good way (`better`); undefined when there is no move. */
  improving?: boolean;
}

/** The indicator's trend over its last `last` recorded periods. */
export function trendOf(indicator: Indicator, values: readonly IndicatorValue[], last = 4): Trend {
  const mine = values.filter((v) => v.indicatorId === indicator.id).sort((a, b) => comparePeriods(a.period, b.period));
  const points = mine.slice(-last).map((v) => ({ period: v.period, value: v.value, met: meetsTarget(indicator, v.value) }));
  const latest = points.at(-1);
  const before = points.at(-2);
  if (!latest || !before) return { indicator, points, latest, direction: 'none' };
  const direction: Direction = latest.value > before.value ? 'up' : latest.value < before.value ? 'down' : 'flat';
  const improving = direction === 'flat' ? undefined : (direction === 'up') === (indicator.better === 'higher');
  return { indicator, points, latest, direction, improving };
}

/** The trends of all indicators, in the organisation file's order. */
export function trendsOf(indicators: readonly Indicator[], values: readonly IndicatorValue[], last = 4): Trend[] {
  return indicators.map((i) => trendOf(i, values, last));
}
