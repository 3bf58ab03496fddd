import en from './en.json';
import sv from './sv.json';
import { FEATURE_STRINGS } from './feature-strings';

export type Locale = 'sv' | 'en';
export const LOCALES: Locale[] = ['sv', 'en'];

type Bundle = Record<string, unknown>;

/** Core strings plus each feature's own file (features/<name>.<locale>.json), merged under their top-level keys. */
function merge(core: Bundle, locale: Locale): Bundle {
  const out: Bundle = { ...core };
  for (const feature of FEATURE_STRINGS) {
    for (const [key, value] of Object.entries(feature[locale])) {
      if (key in out) throw new Error(`locale ${locale}: key ${key} defined twice`);
      out[key] = value;
    }
  }
  return out;
}

const BUNDLES: Record<Locale, Bundle> = { sv: merge(sv, 'sv'), en: merge(en, 'en') };

/** Swedish by default; English when the user's Teams locale is English. */
export function localeFrom(activityLocale: string | undefined | null): Locale {
  return typeof activityLocale === 'string' && /^en\b/i.test(activityLocale) ? 'en' : 'sv';
}

function lookup(bundle: Bundle, key: string): unknown {
  let node: unknown = bundle;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A localised string; `{name}` placeholders are filled from params. With a
 * `count` of 1, the key's singular form (`<key>_one`, "1 grupp") is taken
 * where the bundle has one; every other count takes the key itself (the plural).
 */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const one = params.count === 1 || params.count === '1' ? lookup(BUNDLES[locale], `${key}_one`) : undefined;
  const value = one ?? lookup(BUNDLES[locale], key) ?? lookup(BUNDLES.sv, key);
  if (typeof value !== 'string') throw new Error(`missing string ${key}`);
  return value.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A whole subtree of strings, e.g. for filling a card template. */
export function strings(locale: Locale, key: string): Record<string, unknown> {
  const value = lookup(BUNDLES[locale], key);
  if (value === null || typeof value !== 'object') throw new Error(`missing strings ${key}`);
  return value as Record<string, unknown>;
}

export function bundle(locale: Locale): Bundle {
  return BUNDLES[locale];
}
