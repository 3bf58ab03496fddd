import type { Feature } from '../shared/feature';
import { report } from './command';

/** The report to the boards (`rapport` / `report`) and its printable page (src/report-endpoint.ts). */
export const reportFeature: Feature = {
  name: 'report',
  register(routes) {
    routes.command('report', report, { usageKey: 'report.usage' });
  },
};
