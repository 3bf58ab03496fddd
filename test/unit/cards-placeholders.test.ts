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
});
