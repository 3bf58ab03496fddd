import type { Feature } from '../shared/feature';
import { itemRaise } from './actions';

/** Questions and decisions raised between levels (§11): the `item.raise` verb. */
export const raiseFeature: Feature = {
  name: 'raise',
  register(routes) {
    routes.action(itemRaise);
  },
};
