import { notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, personOf } from '../../domain/access';
import { findContacts } from '../../domain/contacts/contacts';
import { withinOfficeHours } from '../../domain/reporting/office-hours';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { contactsCard } from './card';

export type ContactsDeps = Pick<BotServices, 'organisation' | 'now'>;

/**
 * `kontakt [vad]` / `contacts [what]`: the organisation's people for anyone
 * in its tenant, searched by role, agency, group or name, the social
 * on-call first when it is out of office hours. The query has passed the
 * consent gate (as every command's text does) and is neither stored nor
 * logged.
 */
export function contactsView(deps: ContactsDeps, turn: Turn, query: string | undefined, offset = 0): AdaptiveCardJson {
  const org = deps.organisation;
  const decision = authorize(org, turn.actor, 'group.view');
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const asker = personOf(org, turn.actor);
  const contacts = findContacts(org, query, asker?.id);
  return contactsCard(turn.locale, {
    contacts,
    ...(query ? { query } : {}),
    offset,
    reporting: org.reporting,
    inOffice: withinOfficeHours(deps.now(), org.reporting?.officeHours, org.timeZone),
  });
}
