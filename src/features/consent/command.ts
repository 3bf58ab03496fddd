import { notAllowedCard } from '../../cards/common';
import { consentFormCard } from './cards';
import { permittedGroups, refusalFor, consentListFor, today, withdrawConsent } from './consent';
import type { CommandContext } from '../shared/feature';

const KNOWN_REASONS = new Set(['notConvener', 'notMember', 'noConsentRight', 'notManager', 'otherTenant', 'noGroup', 'notOperative']);
export const reasonKey = (reason: string) => (KNOWN_REASONS.has(reason) ? reason : 'noConsentRight');

/**
 * `samtycke` / `consent`: the form; `samtycke lista`: the register;
 * `samtycke återkalla <ref>`: withdraw. Only operative-group members with
 * the right to record consent.
 */
export async function consent(ctx: CommandContext): Promise<void> {
  const { services, info, command } = ctx;
  if (command.name !== 'consent') return;
  const capability = command.action === 'form' ? 'consent.record' : command.action === 'list' ? 'consent.list' : 'consent.withdraw';
  const groups = permittedGroups(services, info, capability);
  if (groups.length === 0) {
    const why = refusalFor(services, info, capability);
    await ctx.turn.send(notAllowedCard(info.locale, reasonKey(why.reason), why.whoMay));
    return;
  }
  switch (command.action) {
    case 'form':
      await ctx.turn.send(
        consentFormCard(info.locale, { groups: groups.map((g) => ({ id: g.id, name: g.name })), today: today(services) }),
      );
      return;
    case 'list':
      await ctx.turn.send(await consentListFor(services, info));
      return;
    case 'withdraw': {
      const result = await withdrawConsent(services, info, command.caseRef);
      await ctx.turn.send(
        'notAllowed' in result ? notAllowedCard(info.locale, reasonKey(result.notAllowed.reason), result.notAllowed.whoMay) : result.card,
      );
      return;
    }
  }
}
