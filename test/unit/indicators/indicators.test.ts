import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  currentPeriod,
  meetsTarget,
  parsePeriod,
  parseValue,
  periodStarted,
  trendOf,
  type IndicatorValue,
} from '../../../src/domain/indicators/indicators';
import { loadOrganisation, validateOrganisation, type Indicator } from '../../../src/domain/organisation';

const trygghet: Indicator = {
  id: 'trygghet',
  name: 'Trygghet',
  unit: '%',
  target: 80,
  better: 'higher',
  period: 'year',
  reportingGroup: 'styrgrupp',
};
const franvaro: Indicator = {
  id: 'franvaro',
  name: 'Frånvaro',
  unit: '%',
  target: 5,
  better: 'lower',
  period: 'term',
  reportingGroup: 'styrgrupp',
};
const v = (indicatorId: string, period: string, value: number): IndicatorValue => ({
  indicatorId,
  period,
  value,
  recordedAt: '',
  recordedBy: '',
});

describe('periods', () => {
  it('reads years, terms and months as people write them, and refuses the wrong kind', () => {
    expect(parsePeriod('year', ' 2026 ')).toBe('2026');
    expect(parsePeriod('year', '2026-HT')).toBeUndefined();
    expect(parsePeriod('term', '2026-ht')).toBe('2026-HT');
    expect(parsePeriod('term', 'VT 2027')).toBe('2027-VT');
    expect(parsePeriod('term', '2026')).toBeUndefined();
    expect(parsePeriod('month', '2026-11')).toBe('2026-11');
    expect(parsePeriod('month', '2026-13')).toBeUndefined();
  });

  it('the current period, the order of periods, and a period to come', () => {
    expect(currentPeriod('term', '2026-06-30')).toBe('2026-VT');
    expect(currentPeriod('term', '2026-07-01')).toBe('2026-HT');
    expect(currentPeriod('month', '2026-12-02')).toBe('2026-12');
    expect(comparePeriods('2026-VT', '2026-HT')).toBeLessThan(0);
    expect(comparePeriods('2025-HT', '2026-VT')).toBeLessThan(0);
    expect(periodStarted('year', '2027', '2026-12-02')).toBe(false);
    expect(periodStarted('term', '2026-HT', '2026-12-02')).toBe(true);
  });

  it('reads values with a decimal comma, a minus sign or a per cent sign; refuses words', () => {
    expect(parseValue('72,5')).toBe(72.5);
    expect(parseValue('−3')).toBe(-3);
    expect(parseValue('1 200')).toBe(1200);
    expect(parseValue('80 %')).toBe(80);
    expect(parseValue('åttio')).toBeUndefined();
    expect(parseValue('')).toBeUndefined();
  });
});

describe('the trend against the target', () => {
  it('higher is better: met at the target, the latest against the one before, oldest first, the last four', () => {
    const values = ['2021', '2022', '2023', '2024', '2025'].map((p, i) => v('trygghet', p, 70 + i * 3));
    const tr = trendOf(trygghet, [...values, v('other', '2025', 1)]);
    expect(tr.points.map((p) => p.period)).toEqual(['2022', '2023', '2024', '2025']);
    expect(tr.latest).toEqual({ period: '2025', value: 82, met: true });
    expect(tr.direction).toBe('up');
    expect(tr.improving).toBe(true);
    expect(meetsTarget(trygghet, 80)).toBe(true);
    expect(meetsTarget(trygghet, 79.9)).toBe(false);
  });

  it('lower is better: a rise is worse; terms in order across years; no trend from one value', () => {
    const tr = trendOf(franvaro, [v('franvaro', '2026-VT', 6), v('franvaro', '2025-HT', 4)]);
    expect(tr.points.map((p) => p.period)).toEqual(['2025-HT', '2026-VT']);
    expect(tr).toMatchObject({ direction: 'up', improving: false, latest: { met: false } });
    expect(trendOf(franvaro, [v('franvaro', '2026-VT', 6)]).direction).toBe('none');
    expect(trendOf(franvaro, [v('franvaro', '2026-VT', 6), v('franvaro', '2026-HT', 6)])).toMatchObject({
      direction: 'flat',
      improving: undefined,
    });
  });
});

describe('indicators in the organisation file', () => {
  it('Oxelösund and Gnesta carry their indicators; a reporting group must exist and ids be unique', () => {
    for (const preset of ['oxelosund', 'gnesta'] as const) {
      const r = loadOrganisation(preset);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      expect(r.organisation.indicators?.length, preset).toBeGreaterThan(0);
    }
    const r = loadOrganisation('oxelosund');
    if (!r.ok) throw new Error('oxelosund');
    expect(r.organisation.indicators!.map((i) => i.id)).toContain('trygghet-barn-unga');
    const bad = { ...structuredClone(r.organisation), indicators: [{ ...trygghet, reportingGroup: 'ingen' }, trygghet, trygghet] };
    const out = validateOrganisation(bad, 'org.yaml');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.join('\n')).toContain('indicators[0].reportingGroup: unknown group "ingen"');
    expect(out.errors.join('\n')).toContain('indicators[2].id: duplicate indicator id "trygghet"');
  });
});
