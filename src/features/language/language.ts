import type { AdaptiveCardJson } from '../../cards/render';
import type { Locale } from '../../i18n';
import type { BotServices } from '../shared/services';
import type { Turn, TurnInfo } from '../shared/turn';
import { languageCard } from './card';

/** What choosing a language needs: the user's preferences and the clock. */
export type LanguageDeps = Pick<BotServices, 'preferences' | 'now'>;

/** The key a user's own choices are kept under: their Entra object id, or their Teams id when Teams sends none. */
export function userKeyOf(info: Pick<TurnInfo, 'aadObjectId' | 'userId'>): string {
  return info.aadObjectId || info.userId;
}

/** `språk` / `language` with no argument: the language this user gets, why, and how to change it. */
export function showLanguage(turn: Turn): AdaptiveCardJson {
  return languageCard(turn.locale, turn.info.localeSource ?? 'teams');
}

/** `språk english` / `language swedish`, or a button on the language card: keeps the choice for this user only, and answers in it. */
export async function chooseLanguage(deps: LanguageDeps, turn: Turn, language: Locale): Promise<AdaptiveCardJson> {
  const key = userKeyOf(turn.info);
  if (!key) return languageCard(turn.locale, turn.info.localeSource ?? 'teams');
  await deps.preferences.setLanguage(turn.info.tenantId, key, language, deps.now().toISOString());
  return languageCard(language, 'user', true);
}
