/**
 * What the consent rules need from the detector, in one place. PROVISIONAL
 * until src/domain/identifiers lands; then this file only re-exports.
 */
export type IdentifierCategory =
  | 'personnummer' | 'samordningsnummer' | 'name' | 'name-with-class' | 'name-with-age' | 'address' | 'phone' | 'email';

export interface Finding {
  category: IdentifierCategory;
  confidence: number;
  start: number;
  end: number;
  normalised?: string;
}

export interface DetectOptions {
  officialNames?: string[];
  switchboardNumbers?: string[];
  organisationDomains?: string[];
  now?: Date;
}

function luhn(digits10: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits10[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The 12-digit form of a personnummer or samordningsnummer, or undefined if it is not a valid one. */
export function normalisePersonnummer(input: string, now: Date = new Date()): string | undefined {
  const m = /^\s*(\d{2})?(\d{2})(\d{2})(\d{2})\s*([-+ ]?)\s*(\d{4})\s*$/.exec(input);
  if (!m) return undefined;
  const [, century, yy, mm, dd, sep, last] = m as unknown as [string, string | undefined, string, string, string, string, string];
  let year: number;
  if (century) year = Number(century + yy);
  else {
    const thisYear = now.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  let day = Number(dd);
  if (day > 60) day -= 60;
  const month = Number(mm);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (!luhn(yy + mm + dd + last)) return undefined;
  return `${year}${mm}${dd}${last}`;
}

export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

const PNR = /(?<![\d])(?:\d{2})?\d{6}[-+ ]?\d{4}(?![\d])/g;

export function detectIdentifiers(text: string, options: DetectOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PNR)) {
    const n = normalisePersonnummer(m[0], options.now);
    if (!n) continue;
    out.push({ category: Number(n.slice(6, 8)) > 60 ? 'samordningsnummer' : 'personnummer', confidence: 1, start: m.index!, end: m.index! + m[0].length, normalised: n });
  }
  return out;
}
