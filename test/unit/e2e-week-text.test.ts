import { describe, expect, it } from 'vitest';
import { errorCard, notAllowedCard, usageCard } from '../../src/cards/common';
import type { AdaptiveCardJson } from '../../src/cards/render';
import { t } from '../../src/i18n';
import { isErrorCardText, stockholmSlot } from '../e2e/week-text';

/** A card's text blocks one per line, as the Playground lays them out (innerText). */
function linesOf(card: AdaptiveCardJson): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(card.body);
  return out.join('\n');
}

describe('the e2e week’s error-card check', () => {
  it('knows every error card the bot renders, in Swedish and English', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const key of ['error.generic', 'error.storage', 'agenda.notices.noMeeting', 'minutes.notices.noMeeting'])
        expect(isErrorCardText(linesOf(errorCard(locale, key))), `${locale} ${key}`).toBe(true);
      expect(isErrorCardText(linesOf(usageCard(locale, 'boka 2026-12-10 13:00 90'))), `${locale} usage`).toBe(true);
      expect(isErrorCardText(linesOf(notAllowedCard(locale, 'notConvener'))), `${locale} not allowed`).toBe(true);
    }
  });

  it('does not take an ordinary card for one, even one that says "Det gick inte" inside a sentence', () => {
    expect(isErrorCardText(`${t('sv', 'help.title')}\n${t('sv', 'help.intro')}`)).toBe(false);
    expect(isErrorCardText(`${t('sv', 'minutes.notices.saved')}\nDet gick inte att hinna med alla punkter.`)).toBe(false);
  });
});

describe('stockholmSlot', () => {
  it('gives the local date and time `boka` takes, across daylight-saving time', () => {
    expect(stockholmSlot(new Date('2026-12-02T06:48:00Z'))).toEqual({ date: '2026-12-02', time: '07:48' });
    expect(stockholmSlot(new Date('2026-07-01T22:30:00Z'))).toEqual({ date: '2026-07-02', time: '00:30' });
  });
});
