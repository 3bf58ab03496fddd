import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import sv from '../../src/i18n/sv.json';
import { FEATURE_STRINGS } from '../../src/i18n/feature-strings';
import { bundle, localeFrom, t, type Locale } from '../../src/i18n';
import { COMMAND_NAMES } from '../../src/domain/commands/words';
import type { HelpEntry } from '../../src/features/help/card';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const placeholders = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const FLAT: Record<Locale, Map<string, unknown>> = { sv: flatten(bundle('sv')), en: flatten(bundle('en')) };

describe('locale files', () => {
  it('sv.json and en.json have exactly the same keys', () => {
    expect([...flatten(en).keys()].sort()).toEqual([...flatten(sv).keys()].sort());
  });

  it.each(FEATURE_STRINGS.map((f, i) => [i, f] as const))('feature file pair %i has exactly the same keys', (_i, f) => {
    expect([...flatten(f.en).keys()].sort()).toEqual([...flatten(f.sv).keys()].sort());
  });

  it('every value is a non-empty string, except the examples that may be empty', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const [key, value] of FLAT[locale]) {
        expect(typeof value, `${locale} ${key}`).toBe('string');
        if (!/\.example$/.test(key)) expect((value as string).trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('a string has the same {placeholders} in both languages', () => {
    for (const [key, value] of FLAT.sv) expect(placeholders(FLAT.en.get(key)), key).toEqual(placeholders(value));
  });

  it('English strings are not left in Swedish, for the strings that must differ', () => {
    expect(t('en', 'help.title')).not.toBe(t('sv', 'help.title'));
    expect(t('en', 'error.storage')).not.toBe(t('sv', 'error.storage'));
    expect(t('en', 'commands.help.word')).toBe('help');
    expect(t('sv', 'commands.help.word')).toBe('hjälp');
  });
});

describe('keys used in src', () => {
  const files = sourceFiles(SRC).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
  const text = files.map((f) => [path.relative(SRC, f), readFileSync(f, 'utf8')] as const);
  // Action verbs and capabilities (`consent.record`, `group.link`) share these
  // namespaces without being strings; a quoted dotted string under any other
  // top-level key of the bundle is taken for a key (e.g. USAGE_KEYS' 'usage.group').
  const VERB_NAMESPACES = new Set(['group', 'meeting', 'agenda', 'minutes', 'review', 'consent', 'digest', 'report']);
  const topLevel = new Set(Object.keys(bundle('sv')).filter((k) => !VERB_NAMESPACES.has(k)));

  /** Literal keys: the key argument of t(), errorCard(), notAllowedCard(), and quoted 'a.b.c' strings under a string namespace. */
  const literalKeys = new Map<string, string>();
  const templateKeys = new Map<string, string>();
  for (const [file, src] of text) {
    for (const m of src.matchAll(/\b(?:t|errorCard)\(\s*[\w.]+\s*,\s*'([^']+)'/g)) literalKeys.set(m[1]!, file);
    for (const m of src.matchAll(/\bnotAllowedCard\(\s*[\w.]+\s*,\s*'([^']+)'/g)) literalKeys.set(`notAllowed.reasons.${m[1]!}`, file);
    // A card verb (`verb: 'help.run'`) is no key, whatever namespace it shares.
    for (const m of src.matchAll(/(?<!verb: )'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g))
      if (topLevel.has(m[1]!.split('.')[0]!)) literalKeys.set(m[1]!, file);
    for (const m of src.matchAll(/\bt\(\s*[\w.]+\s*,\s*`([^`]+)`/g)) templateKeys.set(m[1]!, file);
  }

  it('finds the keys (the scan itself works)', () => {
    expect(literalKeys.get('help.title')).toBe(path.join('features', 'help', 'card.ts'));
    expect(literalKeys.has('error.storage')).toBe(true);
    expect(templateKeys.has('commands.${key}.word')).toBe(true);
  });

  it('every literal key exists as a string in both languages', () => {
    const missing: string[] = [];
    for (const [key, file] of literalKeys) {
      for (const locale of ['sv', 'en'] as const) if (typeof FLAT[locale].get(key) !== 'string') missing.push(`${locale} ${key} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('every templated key matches at least one string', () => {
    const unmatched: string[] = [];
    for (const [tpl, file] of templateKeys) {
      const re = new RegExp(
        `^${tpl
          .split(/\$\{[^}]+\}/)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^.]+')}$`,
      );
      if (![...FLAT.sv.keys()].some((k) => re.test(k))) unmatched.push(`${tpl} (${file})`);
    }
    expect(unmatched).toEqual([]);
  });

  it('every command and help entry has a word, description and example in both languages', () => {
    const entries: HelpEntry[] = ['help', 'group', 'groupLink', 'schedule', 'meetings', 'agenda', 'minutes', 'review', 'consent', 'digest'];
    for (const locale of ['sv', 'en'] as const) {
      for (const name of [...COMMAND_NAMES, ...entries]) {
        for (const field of ['word', 'description', 'example']) {
          expect(typeof FLAT[locale].get(`commands.${name}.${field}`), `${locale} commands.${name}.${field}`).toBe('string');
        }
      }
    }
  });
});

describe('t() and localeFrom()', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(t('sv', 'error.notYet', { command: 'boka' })).toBe('boka finns inte ännu i den här versionen.');
    expect(t('sv', 'error.notYet')).toContain('{command}');
  });

  it('throws on a missing key instead of showing it', () => {
    expect(() => t('sv', 'no.such.key')).toThrow(/missing string no.such.key/);
    expect(() => t('en', 'help')).toThrow(/missing string/);
  });

  it.each([
    ['sv-SE', 'sv'],
    ['sv', 'sv'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en', 'en'],
    ['fi-FI', 'sv'],
    ['de', 'sv'],
    ['english', 'sv'],
    ['', 'sv'],
    [undefined, 'sv'],
    [null, 'sv'],
  ])('locale %j gives %s', (input, expected) => {
    expect(localeFrom(input as string | undefined)).toBe(expected);
  });
});
