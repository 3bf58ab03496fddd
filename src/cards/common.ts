import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './render';
import { userParams, userText } from './user-text';

/** The bot's own faults and storage's: the only errors titled "Något gick fel" / "Something went wrong". */
const FAULTS = new Set(['error.storage', 'error.storagePartial', 'error.generic']);

/** The title an error card gets: a fault says something went wrong; a user's mistake says how to write it, or that it can't be done. */
export function errorTitleKey(messageKey: string): string {
  if (FAULTS.has(messageKey)) return 'error.title';
  if (messageKey === 'error.usage') return 'error.usageTitle';
  if (messageKey === 'error.badData') return 'error.badDataTitle';
  return 'error.mistakeTitle';
}

export function errorCard(locale: Locale, messageKey: string, params: Record<string, string | number> = {}): AdaptiveCardJson {
  return renderCard('error', { title: t(locale, errorTitleKey(messageKey)), message: t(locale, messageKey, userParams(params)) });
}

/** A command written wrong: "Så skriver du det", with its usage. */
export function usageCard(locale: Locale, usage: string): AdaptiveCardJson {
  return errorCard(locale, 'error.usage', { usage });
}

export function notAllowedCard(locale: Locale, reasonKey: string, whoMay: string[] = []): AdaptiveCardJson {
  return renderCard('not-allowed', {
    title: t(locale, 'notAllowed.title'),
    reason: t(locale, `notAllowed.reasons.${reasonKey}`),
    whoMay: whoMay.length ? t(locale, 'notAllowed.whoMay', { whoMay: whoMay.map((n) => userText(n)).join(', ') }) : '',
  });
}
