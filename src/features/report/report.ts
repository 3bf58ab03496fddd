import { DateTime } from 'luxon';
import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { buildReport, monthsOf, type Report, reportPeriod } from '../../domain/report/report';
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
  const [reviews, audit, consentExpiries] = await Promise.all([
    deps.reviews.all(key.tenantId),
    deps.reports.auditCounts(key.tenantId, months, tz),
    deps.reports.consentExpiries(key.tenantId, months),
  ]);
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
