import { notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, personOf } from '../../domain/access';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { DigestFacts, type DigestFactsDeps } from './facts';

/** `sammanfattning` / `digest`: the digest now, for the manager asking; with `from`, a page of all their groups. */
export async function digestView(deps: DigestFactsDeps & Pick<BotServices, 'now'>, turn: Turn, from?: number): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const decision = authorize(org, turn.actor, 'digest.view', {});
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const person = personOf(org, turn.actor);
  const manager = org.managers.find((m) => m.personId === person?.id)!;
  return new DigestFacts(deps, deps.now()).forManager(turn.info.tenantId, manager, turn.locale, from);
}
