/**
 * Each feature keeps its user-facing strings in its own pair of files,
 * `<feature>.sv.json` and `<feature>.en.json`, with distinct top-level keys.
 * Add a feature by importing its pair here.
 */
import consentEn from './consent.en.json';
import consentSv from './consent.sv.json';
import groupEn from './group.en.json';
import groupSv from './group.sv.json';

export const FEATURE_STRINGS: Array<{ sv: Record<string, unknown>; en: Record<string, unknown> }> = [
  { sv: consentSv, en: consentEn },
  { sv: groupSv, en: groupEn },
];
