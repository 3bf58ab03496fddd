import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { parsePeriod, parseValue, periodStarted, trendsOf } from '../../domain/indicators/indicators';
import { localDate } from '../../domain/organisation';
import type { IndicatorStore } from '../../storage/indicators';
import { gateText, type GateDeps } from '../consent/gate';
import { inTenantOf } from '../shared/organisation';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { formatValue, indicatorsCard, unitSuffix } from './cards';

/**
 * Indicators as a convener sees them (`indikator` / `indicator`): those their
 * groups report, each with its trend against the target; and
 * `indicator.record`, which records one period's value.
 */

export type IndicatorsDeps = Pick<BotServices, 'organisation' | 'now' | 'logger'> & { indicators: IndicatorStore };

const tenantOf = (deps: Pick<IndicatorsDeps, 'organisation'>) => deps.organisation.tenantId ?? '';

/** The indicators of the groups this user convenes, as the `indicators` card; `notice` heads it. */
export async function indicatorView(deps: IndicatorsDeps, turn: Turn, notice?: string): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const mine = (org.indicators ?? []).filter((i) => authorize(org, turn.actor, 'indicator.record', { groupId: i.reportingGroup }).allowed);
  if (mine.length === 0) {
    const decision = authorize(org, turn.actor, 'indicator.record', {});
    if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  }
  const values = mine.length ? await deps.indicators.all(tenantOf(deps)) : [];
  const trends = trendsOf(mine, values).map((tr) => ({ ...tr, canRecord: true }));
  return indicatorsCard(turn.locale, org, trends, localDate(deps.now(), org.timeZone), notice);
}

export interface IndicatorRecord {
  indicatorId: string;
  period: string;
  value: string;
}

/** `indicator.record`: one period's value; a bad period or value is named on the card. */
export async function recordIndicator(deps: IndicatorsDeps & GateDeps, turn: Turn, r: IndicatorRecord): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const ind = (org.indicators ?? []).find((i) => i.id === r.indicatorId);
  if (!ind || !inTenantOf(org, turn.info.tenantId)) return errorCard(turn.locale, 'error.badData', { problems: 'indicatorId' });
  const decision = authorize(org, turn.actor, 'indicator.record', { groupId: ind.reportingGroup });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const today = localDate(deps.now(), org.timeZone);
  const period = parsePeriod(ind.period, r.period);
  if (!period)
    return gatedNotice(deps, turn, 'indicators.notices.badPeriod', r.period, { format: turn.t(`indicators.periodFormat.${ind.period}`) });
  if (!periodStarted(ind.period, period, today)) return gatedNotice(deps, turn, 'indicators.notices.futurePeriod', period);
  const value = parseValue(r.value);
  if (value === undefined) return gatedNotice(deps, turn, 'indicators.notices.badValue', r.value);
  await deps.indicators.record(tenantOf(deps), {
    indicatorId: ind.id,
    period,
    value,
    recordedAt: deps.now().toISOString(),
    recordedBy: turn.info.aadObjectId ?? turn.info.userId,
  });
  deps.logger.info({ event: 'indicatorRecorded', indicatorId: ind.id, period }, 'indicator value recorded');
  return indicatorView(
    deps,
    turn,
    turn.t('indicators.notices.recorded', { name: ind.name, value: formatValue(turn.locale, value), unit: unitSuffix(ind.unit), period }),
  );
}

/** A bad value named back on the card: it passes the gate first, as every text the bot shows does. */
async function gatedNotice(
  deps: IndicatorsDeps & GateDeps,
  turn: Turn,
  key: string,
  value: string,
  params: Record<string, string> = {},
): Promise<AdaptiveCardJson> {
  const gate = await gateText(deps, turn, value.slice(0, 20));
  if (!gate.allowed) return gate.card;
  return indicatorView(deps, turn, turn.t(key, { ...params, value: gate.text }));
}
