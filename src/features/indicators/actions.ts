import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { recordIndicator } from './indicators';

/**
 * `indicator.record` (`indicatorId`, `period`, `value`). From the card the
 * inputs carry the indicator's id (`period_<id>`, `value_<id>`), because
 * input ids are unique per card; the plain names are read first.
 */
export const indicatorRecord = defineAction({
  verb: 'indicator.record',
  schema: z
    .object({
      indicatorId: z.string().trim().min(1).max(64),
      period: z.string().max(40).optional(),
      value: z.string().max(40).optional(),
    })
    .catchall(z.string().max(200)),
  async handle({ services, turn, data }) {
    const id = data.indicatorId;
    return recordIndicator(services, turn, {
      indicatorId: id,
      period: String(data.period ?? data[`period_${id}`] ?? ''),
      value: String(data.value ?? data[`value_${id}`] ?? ''),
    });
  },
});
