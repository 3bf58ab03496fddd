import type { Feature } from '../shared/feature';
import { indicatorRecord } from './actions';
import { indicator } from './command';

/** Indicators (§11): `indikator` shows the trends against target; `indicator.record` records a period's value. */
export const indicatorsFeature: Feature = {
  name: 'indicators',
  register(routes) {
    routes.command('indicator', indicator);
    routes.action(indicatorRecord);
  },
};
