import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './render';
import { userParams, userText } from './user-text';

export function errorCard(locale: Locale, messageKey: string, params: Record<string, string | number> = {}): AdaptiveCardJson {
  return renderCard('error', { title: t(locale, 'error.title'), message: t(locale, messageKey, userParams(params)) });
}

export function notAllowedCard(locale: Locale, reasonKey: string, whoMay: string[] = []): AdaptiveCardJson {
  return renderCard('not-allowed', {
    title: t(locale, 'notAllowed.title'),
    reason: t(locale, `notAllowed.reasons.${reasonKey}`),
    whoMay: whoMay.length ? t(locale, 'notAllowed.whoMay', { whoMay: whoMay.map((n) => userText(n)).join(', ') }) : '',
  });
}
