import { createHmac } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/render';
import {
  consentRecordRules,
  generateCaseRef,
  problemsByField,
  screen,
  subjectHash,
  type Consent,
  type ConsentRecordData,
} from '../../domain/consent';
import { isConflict } from '../../storage/tables';
import type { Turn } from '../shared/turn';
import { consentFormCard, consentNotAllowedCard, consentRecordedCard, type FormProblem } from './cards';
import { audit, identifierKey, today, type ConsentDeps } from './consent';
import { scheduleConsentExpiry } from './expiry';
import { agencyNamer, detectOptionsOf, formExtras, groupNamer, permittedGroups, refusalFor } from './organisation';

/**
 * Records a consent from the form's values: validate → authorise per group →
 * hash the subject → store under a new case reference → answer with the case
 * reference. Problems are shown on the form, which keeps what was typed
 * except the subject.
 */
export async function recordConsent(deps: ConsentDeps, turn: Turn, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const { info } = turn;
  const org = deps.organisation;
  const permitted = permittedGroups(org, turn.actor, 'consent.record');
  if (permitted.length === 0) return consentNotAllowedCard(turn.locale, refusalFor(org, turn.actor, 'consent.record'));
  const values: Partial<ConsentRecordData> = Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => [k, (v as string).slice(0, 1000)]),
  );
  const day = today(deps);
  const form = (problems: Partial<Record<keyof ConsentRecordData, FormProblem[]>>) =>
    consentFormCard(turn.locale, { groups: permitted, today: day, values, problems, ...formExtras(org) });

  const levels = new Map(org.groups.map((g) => [g.id, g.level]));
  const parsed = consentRecordRules({
    today: day,
    now: deps.now(),
    groups: levels,
    detectOptions: detectOptionsOf(org),
    agencies: new Set(org.agencies.map((a) => a.id)),
  }).safeParse(data);
  if (!parsed.success) {
    // Shown back on the form only: a field without a problem that identifies no one. A free-text field
    // stopped for what it identifies (the subject or anyone else) must not return to Teams, nor may
    // junk in a date, group or party field, nor a field left unchecked when another was too long.
    const problems = problemsByField(parsed.error);
    const detect = { ...detectOptionsOf(org), now: deps.now() };
    for (const [field, value] of Object.entries(values) as Array<[keyof ConsentRecordData, string]>) {
      if (field === 'subjectPersonnummer' || field === 'subjectName') continue; // never shown; their presence asks to re-enter them
      if (problems[field] || screen(value, detect).findings.length > 0) delete values[field];
    }
    return form(problems);
  }
  const draft = parsed.data;
  const allowedIds = new Set(permitted.map((g) => g.id));
  if (draft.groupIds.some((g) => !allowedIds.has(g))) return form({ groupIds: ['groupNotAllowed'] });

  const key = identifierKey(deps);
  const base: Omit<Consent, 'caseRef'> = {
    tenantId: info.tenantId,
    subject: {
      personnummer: draft.personnummer ? subjectHash(key, 'personnummer', draft.personnummer) : undefined,
      name: draft.name ? subjectHash(key, 'name', draft.name) : undefined,
      givenName: draft.name?.includes(' ') ? subjectHash(key, 'name', draft.name.split(' ')[0]!) : undefined,
    },
    parties: draft.parties,
    form: draft.form,
    documentRef: draft.documentRef,
    scope: {
      groupIds: draft.groupIds,
      agencies: draft.agencies,
      informationCategories: draft.informationCategories,
      exclusions: draft.exclusions,
    },
    ...(draft.singleGuardianReason ? { singleGuardianReason: draft.singleGuardianReason } : {}),
    ...(draft.childAge !== undefined ? { childAge: draft.childAge } : {}),
    ...(draft.childView ? { childView: draft.childView } : {}),
    ...(draft.childViewNote ? { childViewNote: draft.childViewNote } : {}),
    purpose: draft.purpose,
    validFrom: draft.validFrom,
    validUntil: draft.validUntil,
    recordedBy: info.aadObjectId ?? info.userId,
    recordedAt: deps.now().toISOString(),
  };
  const recorded = async (consent: Consent) => {
    // Keyed by the activity, the audit row is written once, also when a resent activity finds its consent.
    await audit(deps, info, 'consentRecorded', consent.scope.groupIds, { caseRef: consent.caseRef });
    await deps.figures?.record({ kind: 'consent', consent });
    // Its expiry reminders, 30 and 7 days before it ends (expiry.ts); ids name the case, so a resend plans them once.
    if (deps.scheduler) await scheduleConsentExpiry({ ...deps, scheduler: deps.scheduler }, consent);
    return consentRecordedCard(turn.locale, consent, groupNamer(org, info.tenantId), agencyNamer(org));
  };
  // The first reference derives from the Teams activity (keyed, so it says
  // nothing and cannot be guessed): an activity Teams resends finds the
  // consent it recorded the first time and records nothing twice. A fresh
  // random reference on a real (astronomically rare) collision.
  const activityId = info.activityId;
  const derived = activityId
    ? generateCaseRef((n) => createHmac('sha256', key).update(`consent-activity:${activityId}`).digest().subarray(0, n))
    : undefined;
  for (let attempt = 0; ; attempt++) {
    const consent: Consent = { ...base, caseRef: attempt === 0 && derived ? derived : generateCaseRef() };
    try {
      await deps.consents.record(consent);
    } catch (err) {
      if (isConflict(err) && attempt === 0 && derived) {
        const existing = await deps.consents.get(info.tenantId, derived);
        if (
          existing &&
          existing.recordedBy === base.recordedBy &&
          existing.subject.personnummer === base.subject.personnummer &&
          existing.subject.name === base.subject.name
        ) {
          // Its register rows too, should the first recording have stopped between the consent and them.
          await deps.consents.relist(existing);
          return recorded(existing);
        }
      }
      if (isConflict(err) && attempt < 3) continue;
      throw err;
    }
    return recorded(consent);
  }
}
