import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { notAllowedCard } from '../../cards/common';
import { consentFormCard, consentRecordedCard, type FormProblem } from './cards';
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
import { audit, groupNamer, identifierKey, permittedGroups, refusalFor, today } from './consent';
import { reasonKey } from './command';
import { defineAction } from '../shared/feature';

/**
 * `consent.record`: validate (zod) → authorise per group → hash the subject →
 * store under a new case reference → answer with the case reference. Problems
 * are shown on the form, which keeps what was typed except the subject.
 */
export const consentRecord = defineAction({
  verb: 'consent.record',
  // The shape and the meaning are checked together below, so that every
  // problem, a too-long field included, is explained on the form.
  schema: z.record(z.string(), z.unknown()),
  // The subject is what the form is for: checked, hashed and never echoed by the rules below.
  identifying: ['subjectPersonnummer', 'subjectName'],
  async handle({ services, info, data }) {
    const permitted = permittedGroups(services, info, 'consent.record');
    if (permitted.length === 0) {
      const why = refusalFor(services, info, 'consent.record');
      return notAllowedCard(info.locale, reasonKey(why.reason), why.whoMay);
    }
    const values: Partial<ConsentRecordData> = Object.fromEntries(
      Object.entries(data)
        .filter(([, v]) => typeof v === 'string')
        .map(([k, v]) => [k, (v as string).slice(0, 1000)]),
    );
    const form = (problems: Partial<Record<keyof ConsentRecordData, FormProblem[]>>) =>
      consentFormCard(info.locale, { groups: permitted, today: today(services), values, problems });

    const day = today(services);
    const groups = new Map(services.consentAccess.groups(info.tenantId).map((g) => [g.id, g.level]));
    const parsed = consentRecordRules({
      today: day,
      now: services.now(),
      groups,
      detectOptions: services.consentAccess.detectOptions(),
    }).safeParse(data);
    if (!parsed.success) {
      // Shown back on the form only: a field without a problem that identifies no one. A free-text field
      // stopped for what it identifies (the subject or anyone else) must not return to Teams, nor may
      // junk in a date, group or party field, nor a field left unchecked when another was too long.
      const problems = problemsByField(parsed.error);
      const detect = { ...services.consentAccess.detectOptions(), now: services.now() };
      for (const [field, value] of Object.entries(values) as Array<[keyof ConsentRecordData, string]>) {
        if (field === 'subjectPersonnummer' || field === 'subjectName') continue; // never shown; their presence asks to re-enter them
        if (problems[field] || screen(value, detect).findings.length > 0) delete values[field];
      }
      return form(problems);
    }
    const draft = parsed.data;
    const allowedIds = new Set(permitted.map((g) => g.id));
    if (draft.groupIds.some((g) => !allowedIds.has(g))) return form({ groupIds: ['groupNotAllowed'] });

    const key = identifierKey(services);
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
      scope: { groupIds: draft.groupIds, agencies: [], informationCategories: draft.informationCategories, exclusions: draft.exclusions },
      purpose: draft.purpose,
      validFrom: draft.validFrom,
      validUntil: draft.validUntil,
      recordedBy: info.aadObjectId ?? info.userId,
      recordedAt: services.now().toISOString(),
    };
    // The first reference derives from the Teams activity (keyed, so it says
    // nothing and cannot be guessed): an activity Teams resends finds the
    // consent it recorded the first time and records nothing twice. A fresh
    // random reference on a real (astronomically rare) collision.
    const activityId = info.activityId;
    const derived = activityId
      ? generateCaseRef((n) =>
          createHmac('sha256', identifierKey(services)).update(`consent-activity:${activityId}`).digest().subarray(0, n),
        )
      : undefined;
    for (let attempt = 0; ; attempt++) {
      const consent: Consent = { ...base, caseRef: attempt === 0 && derived ? derived : generateCaseRef() };
      try {
        await services.consents.record(consent);
      } catch (err) {
        if (isConflict(err) && attempt === 0 && derived) {
          const existing = await services.consents.get(info.tenantId, derived);
          if (
            existing &&
            existing.recordedBy === base.recordedBy &&
            existing.subject.personnummer === base.subject.personnummer &&
            existing.subject.name === base.subject.name
          ) {
            // The first attempt may have stopped before its audit row; keyed by the activity, it is written once.
            await audit(services, info, 'consentRecorded', existing.scope.groupIds, { caseRef: existing.caseRef });
            return consentRecordedCard(info.locale, existing, groupNamer(services, info.tenantId));
          }
        }
        if (isConflict(err) && attempt < 3) continue;
        throw err;
      }
      await audit(services, info, 'consentRecorded', consent.scope.groupIds, { caseRef: consent.caseRef });
      return consentRecordedCard(info.locale, consent, groupNamer(services, info.tenantId));
    }
  },
});
