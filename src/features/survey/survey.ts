import { DateTime } from 'luxon';
import { errorCard } from '../../cards/common';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { personOf } from '../../domain/access';
import { localDate, membersOf, type Organisation, type Survey } from '../../domain/organisation';
import {
  ALL,
  groupShown,
  latestSurveyYear,
  parseAnswer,
  SCALE,
  surveyDay,
  surveyIdFor,
  type SurveyResults,
  surveyToken,
  tallyResults,
} from '../../domain/survey/survey';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import type { SurveyStore } from '../../storage/surveys';
import { identifierKey } from '../consent/consent';
import { inTenantOf } from '../shared/organisation';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';

/**
 * The yearly survey on the collaboration (§11): on the 1st of the
 * organisation file's `survey.month` at 09:00, every group member gets the
 * `survey` card in their personal chat with a token of their own;
 * `survey.answer` stores the answers without who gave them, once per token.
 * The survey's rows are kept under the organisation file's tenant.
 */

export type SurveyDeps = Pick<BotServices, 'organisation' | 'config' | 'now' | 'logger' | 'scheduler' | 'channel'> & {
  surveys: SurveyStore;
};

export const SURVEY_KIND = 'reminders.survey';
export interface SurveyPayload {
  year: number;
}

const tenantOf = (org: Organisation) => org.tenantId ?? '';

/** The groups a person is a member of (convener or member): the tallies their answer adds to. */
export function groupsOfPerson(org: Organisation, personId: string): string[] {
  return org.groups.filter((g) => membersOf(g).includes(personId)).map((g) => g.id);
}

/** Everyone in any group, once each: who gets the survey. */
export function respondentsOf(org: Organisation): string[] {
  return [...new Set(org.groups.flatMap((g) => membersOf(g)))];
}

/** The `survey` card: the form (with a token), or a notice alone once answered. */
export function surveyCard(
  locale: Locale,
  survey: Pick<Survey, 'statements'>,
  o: { surveyId: string; token: string; form: boolean; notice?: { text: string; ok: boolean } },
): AdaptiveCardJson {
  return renderCard('survey', {
    title: t(locale, 'surveys.title', { year: o.surveyId }),
    intro: t(locale, 'surveys.intro'),
    notice: userText(o.notice?.text),
    noticeColor: o.notice?.ok === false ? 'Attention' : 'Good',
    form: o.form,
    statements: survey.statements.map((text, i) => ({ id: `s${i + 1}`, text: userText(text) })),
    choices: SCALE.map((v) => ({ title: t(locale, `surveys.choice.${v}`), value: String(v) })),
    surveyId: o.surveyId,
    token: o.token,
    labels: { send: t(locale, 'surveys.labels.send') },
  });
}

/** When the survey of `year` goes out: the 1st of its month, 09:00 local. */
function dueOf(org: Organisation, survey: Survey, year: number): Date {
  return DateTime.fromISO(`${surveyDay(year, survey.month)}T09:00`, { zone: org.timeZone }).toJSDate();
}

/** Plans the next survey (this year's when its day is still to come, else next year's); idempotent. */
export async function scheduleSurvey(deps: Pick<SurveyDeps, 'organisation' | 'scheduler' | 'now'>, fromYear?: number): Promise<void> {
  const org = deps.organisation;
  if (!org.survey) return;
  const now = deps.now();
  let year = fromYear ?? DateTime.fromJSDate(now, { zone: org.timeZone }).year;
  if (dueOf(org, org.survey, year) < now && fromYear === undefined) year += 1;
  await deps.scheduler.schedule({
    id: `${SURVEY_KIND}:${tenantOf(org) || 'org'}:${year}`,
    kind: SURVEY_KIND,
    dueAt: dueOf(org, org.survey, year),
    payload: { year } satisfies SurveyPayload,
  });
}

/** The job: each group member with a personal chat gets their card (keyed per person, so a retry sends nothing twice); next year's is planned. */
export async function sendSurvey(deps: SurveyDeps, ctx: JobContext<SurveyPayload>): Promise<void | 'skipped'> {
  const org = deps.organisation;
  const survey = org.survey;
  if (!survey) return 'skipped';
  await scheduleSurvey({ ...deps, now: () => ctx.now }, ctx.payload.year + 1);
  const surveyId = surveyIdFor(ctx.payload.year);
  const key = identifierKey(deps);
  let reached = 0;
  let failure: { err: unknown } | undefined;
  for (const personId of respondentsOf(org)) {
    try {
      const token = surveyToken(key, surveyId, personId);
      // Issued before the card goes (once: a resent survey keeps a used token used).
      await deps.surveys.issue(tenantOf(org), surveyId, token);
      const sent = await deps.channel.tellPerson(
        tenantOf(org),
        { personId },
        (locale) => surveyCard(locale, survey, { surveyId, token, form: true }),
        `${ctx.idempotencyKey}:${personId}`,
      );
      if (sent) reached += 1;
    } catch (err) {
      failure ??= { err };
    }
  }
  deps.logger.info({ event: 'surveySent', year: ctx.payload.year, reached }, 'survey sent');
  if (failure) throw failure.err;
  return reached ? undefined : 'skipped';
}

/** `survey.answer`: the person's own token, answers 1–5; stored once, without who. */
export async function answerSurvey(
  deps: SurveyDeps,
  turn: Turn,
  r: { surveyId: string; token: string; answers: Record<string, unknown> },
): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const survey = org.survey;
  const person = personOf(org, turn.actor);
  const thisYear = DateTime.fromJSDate(deps.now(), { zone: org.timeZone }).year;
  if (!survey || !/^\d{4}$/.test(r.surveyId) || Number(r.surveyId) > thisYear || !inTenantOf(org, turn.info.tenantId))
    return errorCard(turn.locale, 'error.badData', { problems: 'surveyId' });
  // The token is the person's own: a forwarded card answers nothing, nor does a made-up token.
  if (!person || !respondentsOf(org).includes(person.id) || surveyToken(identifierKey(deps), r.surveyId, person.id) !== r.token)
    return errorCard(turn.locale, 'error.badData', { problems: 'token' });
  const card = (notice: { text: string; ok: boolean }, form: boolean) =>
    surveyCard(turn.locale, survey, { surveyId: r.surveyId, token: form ? r.token : '', form, notice });
  const raw = survey.statements.map((_, i) => r.answers[`s${i + 1}`]);
  const values = raw.map((v) => parseAnswer(v) ?? 0);
  if (raw.some((v, i) => v !== undefined && v !== '' && values[i] === 0))
    return card({ text: turn.t('surveys.notices.badAnswer'), ok: false }, true);
  if (values.every((v) => v === 0)) return card({ text: turn.t('surveys.notices.none'), ok: false }, true);
  const stored = await deps.surveys.answer(tenantOf(org), r.surveyId, r.token, values, groupsOfPerson(org, person.id));
  deps.logger.info({ event: 'surveyAnswered', surveyId: r.surveyId, first: stored }, 'survey answered');
  return card({ text: turn.t(stored ? 'surveys.notices.thanks' : 'surveys.notices.already'), ok: true }, false);
}

/** The latest survey's results as a group's agenda shows them: everyone's and the group's own, each only where at least 5 answered. */
export interface LatestSurvey {
  year: number;
  all: SurveyResults;
  group?: SurveyResults;
}

/** The latest survey's results for a group (one range read of its partition); none before any survey or below 5 answers. */
export async function latestSurveyResults(
  deps: Pick<BotServices, 'organisation' | 'now'> & { surveys?: Pick<SurveyStore, 'tallies'> },
  groupId: string,
): Promise<LatestSurvey | undefined> {
  const org = deps.organisation;
  if (!org.survey || !deps.surveys) return undefined;
  const year = latestSurveyYear(localDate(deps.now(), org.timeZone), org.survey.month);
  const tallies = await deps.surveys.tallies(tenantOf(org), surveyIdFor(year));
  const all = tallies.get(ALL);
  if (!all) return undefined;
  const results = tallyResults(org.survey.statements, all);
  if (!results.shown) return undefined;
  const own = tallies.get(groupId);
  // The group's own only where it cannot be told apart from everyone's to single out the few outside it.
  const group = own && groupShown(own, all) ? tallyResults(org.survey.statements, own) : undefined;
  return { year, all: results, ...(group?.shown ? { group } : {}) };
}
