import type { TableClient } from '@azure/data-tables';
import { trendsOf, type IndicatorValue, type Trend } from '../domain/indicators/indicators';
import type { Organisation } from '../domain/organisation/model';
import { decodeKey, encodeKey, tenantKey } from './keys';
import { odata } from './tables';

/**
 * Indicator values recorded in Teams (`indicator.record`), one row per
 * (tenant, indicator, period): partition the tenant, row key
 * `<indicatorId>|<period>`. Recording a period again replaces its value, so
 * a resent action leaves one row. Numbers only; no user text.
 */

type Row = Record<string, unknown> & { rowKey?: string };

function toValue(e: Row): IndicatorValue {
  const [id = '', period = ''] = String(e.rowKey ?? '').split('|');
  return {
    indicatorId: decodeKey(id),
    period: decodeKey(period),
    value: Number(e.value),
    recordedAt: String(e.recordedAt ?? ''),
    recordedBy: String(e.recordedBy ?? ''),
  };
}

export class IndicatorStore {
  constructor(private readonly table: TableClient) {}

  /** Every value of the tenant (one partition). */
  async all(tenantId: string): Promise<IndicatorValue[]> {
    const out: IndicatorValue[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)}` } }))
      out.push(toValue(e));
    return out.filter((v) => Number.isFinite(v.value));
  }

  /** Records the value of one period (replacing what was recorded for it). */
  async record(tenantId: string, v: IndicatorValue): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: tenantKey(tenantId),
        rowKey: `${encodeKey(v.indicatorId)}|${encodeKey(v.period)}`,
        value: v.value,
        recordedAt: v.recordedAt,
        recordedBy: v.recordedBy,
      },
      'Replace',
    );
  }
}

/** What the report and the digest read: every indicator of the organisation with its values and trend (last `last` periods). */
export async function readIndicators(
  deps: { indicators: Pick<IndicatorStore, 'all'>; organisation: Organisation },
  last = 4,
): Promise<Trend[]> {
  const defined = deps.organisation.indicators ?? [];
  if (defined.length === 0) return [];
  return trendsOf(defined, await deps.indicators.all(deps.organisation.tenantId ?? ''), last);
}
