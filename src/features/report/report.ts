import { DateTime } from 'luxon';
import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { buildReport, monthsOf, type Report, reportPeriod } from '../../domain/report/report';
import { plansOf } from '../../domain/plans/plans';
import type { BroadcastStore } from '../../storage/broadcasts';
import type { SurveyStore } from '../../storage/surveys';
import { ALL, emptyTally, groupShown, surveyIdFor, tallyResults } from '../../domain/survey/survey';
import { readRates } from '../../domain/broadcast/broadcast';
import type { IndicatorStore } from '../../storage/indicators';
import type { PlanStore } from '../../storage/plans';
import type { ReportKey, ReportStore } from '../../storage/reports';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { publicUrl } from '../shared/urls';
import { reportCard } from './card';

/**
 * `rapport <år> [delår]` / `report <year> [interim]`: the report to the
 * boards for the strategic groups' conveners and the managers, as a card
 * with the link to its printable page (src/report-endpoint.ts).
 */

export type ReportDeps = Pick<BotServices, 'organisation' | 'meetings' | 'minutes' | 'reviews' | 'now' | 'config'> & {
  reports: ReportStore;
  /** The plans' activities and the indicators' values as recorded in Teams (the file's alone without them). */
  plans?: Pick<PlanStore, 'all'>;
  indicators?: Pick<IndicatorStore, 'all'>;
  /** Broadcasts to staff and their readers (the report's read rates). */
  broadcasts?: Pick<BroadcastStore, 'all'>;
  /** The yearly survey's answers (the report's survey section: figures only where at least 5 answered). */
  surveys?: Pick<SurveyStore, 'tallies'>;
};

/** The first year a report can be asked for. */
export const FIRST_YEAR = 2000;

export function reportUrl(deps: Pick<ReportDeps, 'config'>, token: string, locale: 'sv' | 'en'): string {
  return publicUrl(deps.config, `/report/${token}.html${locale === 'en' ? '?lang=en' : ''}`);
}

/** Reads what the period needs (per group three partition reads, and the tenant's reviews, audit months and expiring consents) and computes the report. */
export async function loadReport(deps: Omit<ReportDeps, 'config'>, key: ReportKey): Promise<Report> {
  const org = deps.organisation;
  const tz = org.timeZone;
  const period = reportPeriod(key.year, key.interim);
  const from = DateTime.fromISO(period.from, { zone: tz }).startOf('day').toJSDate();
  const to = DateTime.fromISO(period.to, { zone: tz }).plus({ days: 1 }).startOf('day').toJSDate();
  const months = monthsOf(period);
  const perGroup = await Promise.all(
    org.groups.map(async (g) => {
      const [meetings, minutes, tasks] = await Promise.all([
        deps.meetings.listGroup(key.tenantId, g.id, { from, to }),
        deps.minutes.listGroup(key.tenantId, g.id),
        deps.minutes.actionsOf(key.tenantId, g.id),
      ]);
      return { id: g.id, meetings, minutes, tasks };
    }),
  );
  const [reviews, audit, consentExpiries, stored, values, sent, tallies] = await Promise.all([
    deps.reviews.all(key.tenantId),
    deps.reports.auditCounts(key.tenantId, months, tz),
    deps.reports.consentExpiries(key.tenantId, months),
    // Plans and indicators are kept under the organisation file's tenant (src/storage/plans.ts, indicators.ts).
    deps.plans ? deps.plans.all(org.tenantId ?? '') : Promise.resolve([]),
    deps.indicators ? deps.indicators.all(org.tenantId ?? '') : Promise.resolve([]),
    // Broadcasts are kept under the same tenant as the report's key (src/features/broadcast).
    deps.broadcasts ? deps.broadcasts.all(key.tenantId) : Promise.resolve([]),
    // The survey too (src/features/survey): the year's, everyone's tally and each group's.
    deps.surveys && org.survey ? deps.surveys.tallies(org.tenantId ?? '', surveyIdFor(key.year)) : Promise.resolve(undefined),
  ]);
  const survey = org.survey
    ? {
        ...tallyResults(org.survey.statements, tallies?.get(ALL) ?? emptyTally(org.survey.statements.length)),
        // A group's results only where at least 5 of its members answered, and none or at least 5 outside it.
        groups: org.groups.flatMap((g) => {
          const own = tallies?.get(g.id);
          const all = tallies?.get(ALL);
          const r = own && all && groupShown(own, all) ? tallyResults(org.survey!.statements, own) : undefined;
          return r?.shown ? [{ groupId: g.id, name: g.name, respondents: r.respondents, means: r.statements.map((s) => s.mean) }] : [];
        }),
      }
    : undefined;
  const activities = plansOf(org, stored).flatMap((plan) =>
    plan.activities.map((a) => ({
      documentId: a.documentId,
      status: a.status,
      ...(a.due ? { due: a.due } : {}),
      ...(org.groups.some((g) => g.id === a.owner) ? { ownerGroupId: a.owner } : {}),
    })),
  );
  // Each indicator's values up to the report's year: the trend the boards follow.
  const indicators = (org.indicators ?? []).map((i) => ({
    id: i.id,
    name: i.name,
    ...(i.unit ? { unit: i.unit } : {}),
    target: i.target,
    better: i.better,
    groupId: i.reportingGroup,
    values: values
      .filter((v) => v.indicatorId === i.id && Number(v.period.slice(0, 4)) <= key.year)
      .map((v) => ({ period: v.period, value: v.value })),
  }));
  return buildReport({
    organisation: org,
    period,
    now: deps.now(),
    meetings: new Map(perGroup.map((g) => [g.id, g.meetings])),
    minutes: new Map(perGroup.map((g) => [g.id, g.minutes])),
    tasks: new Map(perGroup.map((g) => [g.id, g.tasks])),
    reviews,
    audit,
    consentExpiries,
    activities,
    indicators,
    ...(survey ? { survey: { respondents: survey.respondents, statements: survey.statements, groups: survey.groups } } : {}),
    broadcasts: sent.map(({ broadcast: b, readers }) => ({
      title: b.title,
      sentAt: b.sentAt,
      groups: readRates(org, b, new Set(readers)),
    })),
  });
}

/** The `report` card for this user, or why not. */
export async function reportView(deps: ReportDeps, turn: Turn, year: number, interim: boolean): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const decision = authorize(org, turn.actor, 'report.view');
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const thisYear = DateTime.fromJSDate(deps.now(), { zone: org.timeZone }).year;
  if (year < FIRST_YEAR || year > thisYear) return errorCard(turn.locale, 'error.usage', { usage: turn.t('report.usage') });
  // The tenant the rows are stored under: the organisation file's, else the turn's (an organisation that names none).
  const key: ReportKey = { tenantId: org.tenantId ?? turn.info.tenantId ?? '', year, interim };
  const [report, token] = await Promise.all([loadReport(deps, key), deps.reports.ensureToken(key)]);
  return reportCard(turn.locale, report, reportUrl(deps, token, turn.locale));
}
