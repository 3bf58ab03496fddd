/**
 * Each feature keeps its user-facing strings in its own pair of files,
 * `<feature>.sv.json` and `<feature>.en.json`, with distinct top-level keys.
 * Add a feature by importing its pair here.
 */
import agendaEn from './agenda.en.json';
import agendaSv from './agenda.sv.json';
import consentEn from './consent.en.json';
import consentSv from './consent.sv.json';
import groupEn from './group.en.json';
import groupSv from './group.sv.json';
import meetingsEn from './meetings.en.json';
import meetingsSv from './meetings.sv.json';
import reviewsEn from './reviews.en.json';
import reviewsSv from './reviews.sv.json';

export const FEATURE_STRINGS: Array<{ sv: Record<string, unknown>; en: Record<string, unknown> }> = [
  { sv: agendaSv, en: agendaEn },
  { sv: consentSv, en: consentEn },
  { sv: groupSv, en: groupEn },
  { sv: meetingsSv, en: meetingsEn },
  { sv: reviewsSv, en: reviewsEn },
];
