import { describe, expect, it } from 'vitest';
import { CodeUnits } from '../../src/domain/text/utf16';

// By index, not by code point: a character outside the BMP is two units.
const unitsOf = (text: string) => Array.from({ length: text.length }, (_u, k) => text.charCodeAt(k));

describe('a text’s code units, copied for scanning', () => {
  it('holds every code unit, lone surrogates included, then the zeros asked for', () => {
    const copy = new CodeUnits();
    const text = 'Ärende\u200b 7B \ud800 \u{1f600}\udc00';
    const units = copy.of(text, 3);
    expect(Array.from(units.subarray(0, text.length))).toEqual(unitsOf(text));
    expect(Array.from(units.subarray(text.length, text.length + 3))).toEqual([0, 0, 0]);
  });

  it('grows for a long text and, reused for a shorter one, zeroes the padding the longer one had filled', () => {
    const copy = new CodeUnits();
    const long = 'å'.repeat(5000);
    expect(Array.from(copy.of(long, 1).subarray(0, 5001))).toEqual([...unitsOf(long), 0]);
    const short = 'ab';
    const units = copy.of(short, 3);
    expect(units.length).toBeGreaterThanOrEqual(5001);
    expect(Array.from(units.subarray(0, 5))).toEqual([97, 98, 0, 0, 0]);
  });
});
