import { t } from '../../src/i18n';

/**
 * What the week in the Playground (week.ts) reads in the page, as pure
 * functions so the unit suite can hold them to the bot's own cards.
 */

/** The titles only an error card has, in both languages: a card with one of them as a line is an error card. */
const ERROR_TITLES = (['sv', 'en'] as const).flatMap((l) =>
  ['error.title', 'error.usageTitle', 'error.mistakeTitle', 'error.badDataTitle', 'notAllowed.title'].map((k) => t(l, k)),
);
/** The bot's fault messages, in both languages, wherever they appear. */
const FAULT_TEXTS = (['sv', 'en'] as const).flatMap((l) => ['error.generic', 'error.storage', 'error.storagePartial'].map((k) => t(l, k)));

/** Whether a card's text is an error card's. */
export function isErrorCardText(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.some((l) => ERROR_TITLES.includes(l)) || FAULT_TEXTS.some((f) => text.includes(f));
}

/** A date and time of day in the organisation's zone, as `boka` takes them. */
export function stockholmSlot(at: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
