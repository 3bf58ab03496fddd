import type { AdaptiveCardJson } from '../../cards/render';

/**
 * The card with one more button at the end, a way back to the card it was
 * opened from (the help card, the digest): an Action.Execute with its
 * Action.Submit fallback, as rendered cards carry (src/cards/render.ts).
 */
export function withBackButton(
  card: AdaptiveCardJson,
  back: { verb: string; title: string; data: Record<string, string> },
): AdaptiveCardJson {
  const button = {
    type: 'Action.Execute',
    verb: back.verb,
    title: back.title,
    data: back.data,
    fallback: { type: 'Action.Submit', title: back.title, data: { ...back.data, verb: back.verb } },
  };
  const actions = Array.isArray(card.actions) ? card.actions : [];
  return { ...card, actions: [...actions, button] };
}
