import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { LOCALES, t, type Locale } from '../../i18n';

/** Where the language a user gets comes from: their own choice, the organisation's default, or their Teams client. */
export type LanguageSource = 'user' | 'organisation' | 'teams';

/**
 * The language card: which language the bot speaks with this user and why,
 * and a button per language (a card verb: the Agents Playground ignores
 * buttons that post text). After a change, `changed` says so.
 */
export function languageCard(locale: Locale, source: LanguageSource, changed = false): AdaptiveCardJson {
  const language = t(locale, `language.names.${locale}`);
  return renderCard('language', {
    title: t(locale, 'language.title'),
    current: t(locale, changed ? 'language.changed' : 'language.current', { language }),
    source: changed ? '' : t(locale, `language.source.${source}`),
    howTo: t(locale, 'language.howTo'),
    choices: LOCALES.filter((l) => l !== locale).map((l) => ({ title: t(l, `language.buttons.${l}`), language: l })),
  });
}
