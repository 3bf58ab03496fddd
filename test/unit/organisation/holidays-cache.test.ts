import { describe, expect, it } from 'vitest';
import { isSwedishPublicHoliday, swedishPublicHolidays } from '../../../src/domain/organisation/school-calendar';

describe('Swedish public holidays, computed once a year', () => {
  it('a date is a holiday exactly when the year’s list has it, for every day of 2025-2028', () => {
    for (let year = 2025; year <= 2028; year++) {
      const list = swedishPublicHolidays(year);
      expect(list).toContain(`${year}-12-25`);
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        expect(isSwedishPublicHoliday(iso), iso).toBe(list.includes(iso));
      }
    }
    expect(isSwedishPublicHoliday('2026-06-19')).toBe(true); // midsommarafton
    expect(isSwedishPublicHoliday('2026-06-18')).toBe(false);
  });

  it('the list a caller gets is its own copy: changing it changes no later answer', () => {
    const list = swedishPublicHolidays(2027);
    list.length = 0;
    expect(swedishPublicHolidays(2027)).toContain('2027-12-25');
    expect(isSwedishPublicHoliday('2027-12-25')).toBe(true);
  });
});
