import type { CommandContext } from '../shared/feature';
import { consentFormCard, consentNotAllowedCard } from './cards';
import { today } from './consent';
import { formExtras, permittedGroups, refusalFor } from './organisation';
import { consentListFor, withdrawConsent } from './register';

/**
 * `samtycke` / `consent`: the form; `samtycke lista`: the register;
 * `samtycke återkalla <ref>`: withdraw. Only operative-group members with
 * the right to record consent.
 */
export async function consent({ services, turn, command }: CommandContext): Promise<void> {
  if (command.name !== 'consent') return;
  const capability = command.action === 'form' ? 'consent.record' : command.action === 'list' ? 'consent.list' : 'consent.withdraw';
  const groups = permittedGroups(services.organisation, turn.actor, capability);
  if (groups.length === 0) {
    await turn.send(consentNotAllowedCard(turn.locale, refusalFor(services.organisation, turn.actor, capability)));
    return;
  }
  switch (command.action) {
    case 'form':
      await turn.send(
        consentFormCard(turn.locale, {
          groups: groups.map((g) => ({ id: g.id, name: g.name })),
          today: today(services),
          ...formExtras(services.organisation),
        }),
      );
      return;
    case 'list':
      await turn.send(await consentListFor(services, turn));
      return;
    case 'withdraw': {
      const result = await withdrawConsent(services, turn, command.caseRef);
      await turn.send('notAllowed' in result ? consentNotAllowedCard(turn.locale, result.notAllowed) : result.card);
      return;
    }
  }
}
