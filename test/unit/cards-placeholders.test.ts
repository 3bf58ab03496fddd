import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../scripts/cards-gallery';

/**
 * Every card, as the gallery fills it with the bot's own builders, in both
 * languages: no template placeholder is left unfilled. (A `${labels.x}`
 * inside a `$data` repeat looks the name up on the item, not the root, and
 * stays as text: the review list's buttons read "${labels.record}".)
 */
describe('filled cards', () => {
  for (const s of SAMPLES) {
    for (const locale of ['sv', 'en'] as const) {
      it(`${s.name}.${locale} has no unfilled placeholder`, () => {
        expect(JSON.stringify(s.build(locale))).not.toMatch(/\$\{/);
      });
    }
  }

  it('the gallery shows every card template, in both languages', () => {
    const templates = readdirSync(path.resolve(__dirname, '../../adaptive-cards'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    const shown = new Set(
      SAMPLES.flatMap((s) => (['sv', 'en'] as const).map((l) => (s.build(l) as { body: Array<{ id?: string }> }).body[0]?.id)),
    );
    expect(templates.filter((kind) => !shown.has(kind))).toEqual([]);
  });
});
