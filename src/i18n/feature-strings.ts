/**
 * Each feature keeps its user-facing strings in its own pair of files,
 * `<feature>.sv.json` and `<feature>.en.json`, with distinct top-level keys.
 * Add a feature by importing its pair here.
 */
import agendaEn from '../features/agenda/strings.en.json';
import agendaSv from '../features/agenda/strings.sv.json';
import concernEn from '../features/concern/strings.en.json';
import concernSv from '../features/concern/strings.sv.json';
import contactsEn from '../features/contacts/strings.en.json';
import contactsSv from '../features/contacts/strings.sv.json';
import consentExpiryEn from '../features/consent/expiry.strings.en.json';
import consentExpirySv from '../features/consent/expiry.strings.sv.json';
import riskPeriodsEn from '../features/risk-periods/strings.en.json';
import riskPeriodsSv from '../features/risk-periods/strings.sv.json';
import consentEn from '../features/consent/strings.en.json';
import consentSv from '../features/consent/strings.sv.json';
import digestEn from '../features/digest/strings.en.json';
import digestSv from '../features/digest/strings.sv.json';
import groupEn from '../features/groups/strings.en.json';
import groupSv from '../features/groups/strings.sv.json';
import languageEn from '../features/language/strings.en.json';
import languageSv from '../features/language/strings.sv.json';
import meetingsEn from '../features/meetings/strings.en.json';
import meetingsSv from '../features/meetings/strings.sv.json';
import reviewsEn from '../features/reviews/strings.en.json';
import reviewsSv from '../features/reviews/strings.sv.json';
import reportEn from '../features/report/strings.en.json';
import reportSv from '../features/report/strings.sv.json';
import sipEn from '../features/sip/strings.en.json';
import sipSv from '../features/sip/strings.sv.json';
import plansEn from '../features/plans/strings.en.json';
import plansSv from '../features/plans/strings.sv.json';
import indicatorsEn from '../features/indicators/strings.en.json';
import indicatorsSv from '../features/indicators/strings.sv.json';
import raiseEn from '../features/raise/strings.en.json';
import raiseSv from '../features/raise/strings.sv.json';
import broadcastEn from '../features/broadcast/strings.en.json';
import broadcastSv from '../features/broadcast/strings.sv.json';
import surveyEn from '../features/survey/strings.en.json';
import surveySv from '../features/survey/strings.sv.json';

export const FEATURE_STRINGS: Array<{ sv: Record<string, unknown>; en: Record<string, unknown> }> = [
  { sv: agendaSv, en: agendaEn },
  { sv: concernSv, en: concernEn },
  { sv: contactsSv, en: contactsEn },
  { sv: consentExpirySv, en: consentExpiryEn },
  { sv: riskPeriodsSv, en: riskPeriodsEn },
  { sv: consentSv, en: consentEn },
  { sv: digestSv, en: digestEn },
  { sv: groupSv, en: groupEn },
  { sv: languageSv, en: languageEn },
  { sv: meetingsSv, en: meetingsEn },
  { sv: reviewsSv, en: reviewsEn },
  { sv: reportSv, en: reportEn },
  { sv: sipSv, en: sipEn },
  { sv: plansSv, en: plansEn },
  { sv: indicatorsSv, en: indicatorsEn },
  { sv: raiseSv, en: raiseEn },
  { sv: broadcastSv, en: broadcastEn },
  { sv: surveySv, en: surveyEn },
];
