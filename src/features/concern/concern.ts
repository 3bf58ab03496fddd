import type { AdaptiveCardJson } from '../../cards/render';
import { withinOfficeHours } from '../../domain/reporting/office-hours';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { concernCard } from './card';

export type ConcernDeps = Pick<BotServices, 'organisation' | 'now'>;

/**
 * The `concern` card for anyone who asks: the same for everyone, in their
 * language, the route that answers now first. Nothing about it is stored or
 * logged: not who asked, not where.
 */
export function concernView(deps: ConcernDeps, turn: Pick<Turn, 'locale'>): AdaptiveCardJson {
  const org = deps.organisation;
  const reporting = org.reporting;
  return concernCard(turn.locale, reporting, withinOfficeHours(deps.now(), reporting?.officeHours, org.timeZone));
}
