import { describe, expect, it } from 'vitest';
import type { Broadcast } from '../../../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../../../src/domain/consent/checked-text';
import { loadOrganisation, type Organisation } from '../../../../src/domain/organisation';
import { cardBytes, MAX_CARD_BYTES } from '../../../../src/cards/size';
import { DIGEST_BROADCASTS_MAX } from '../../../../src/features/broadcast/digest';
import { DigestFacts } from '../../../../src/features/digest/facts';
import { memoryStores } from '../../../support/memory';

/** The digest's read rates of broadcasts (SPEC §11: "read rates per group show … in the digest"), per the manager's groups. */

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const textOf = (card: unknown) => JSON.stringify(card);
const NOW = new Date('2026-12-02T10:00:00Z');

function broadcast(id: string, title: string, sentAt: string, over: Partial<Broadcast> = {}): Broadcast {
  return { id, title: title as CheckedText, text: '' as CheckedText, url: '', groupIds: ['operativ'], sentAt, sentBy: 'u1', ...over };
}

describe('digest: broadcast read rates', () => {
  const org = demo();
  const tenant = org.tenantId ?? 't';
  const manager = org.managers.find((m) => m.personId === 'alex.wilber')!;

  it("shows each recent broadcast's readers among the manager's groups, in both languages, and leaves older ones out", async () => {
    const stores = memoryStores();
    await stores.broadcasts.put(tenant, broadcast('b-1', 'Rutin vid orosanmälan', '2026-11-25T08:00:00.000Z'));
    await stores.broadcasts.put(tenant, broadcast('b-old', 'Gammal rutin', '2026-09-01T08:00:00.000Z'));
    await stores.broadcasts.markRead(tenant, 'b-1', 'megan.bowen', NOW.toISOString());
    await stores.broadcasts.markRead(tenant, 'b-1', 'alex.wilber', NOW.toISOString());
    const facts = new DigestFacts({ organisation: org, figures: stores.figures, broadcasts: stores.broadcasts }, NOW);
    const sv = textOf(await facts.forManager('t', manager, 'sv'));
    expect(sv).toContain('Utskick: Rutin vid orosanmälan – läst av 2 av 9 (22 %)');
    expect(sv).not.toContain('Gammal rutin');
    expect(textOf(await facts.forManager('t', manager, 'en'))).toContain('Broadcast: Rutin vid orosanmälan – read by 2 of 9 (22 %)');
  });

  it("counts only the people in the manager's groups, says nothing without the store or for groups it did not reach, and caps the list", async () => {
    const stores = memoryStores();
    // To samverkansgrupp's channel and to Isaiah (in no group) by name.
    await stores.broadcasts.put(
      tenant,
      broadcast('b-2', 'Handlingsplan', '2026-11-30T08:00:00.000Z', { groupIds: ['samverkansgrupp'], personIds: ['isaiah.langer'] }),
    );
    const onlyOperativ = { personId: 'x', oversees: ['operativ'] };
    const operativ = org.groups.find((g) => g.id === 'operativ')!;
    const samverkan = org.groups.find((g) => g.id === 'samverkansgrupp')!;
    const shared = [...new Set([...operativ.conveners, ...operativ.members])].filter((m) =>
      [...samverkan.conveners, ...samverkan.members].includes(m),
    );
    const facts = new DigestFacts({ organisation: org, figures: stores.figures, broadcasts: stores.broadcasts }, NOW);
    const card = textOf(await facts.forManager('t', onlyOperativ, 'sv'));
    // Alex convenes both: the people of operativ it was for are those also in samverkansgrupp (Isaiah is in neither).
    expect(shared.length).toBeGreaterThan(0);
    expect(card).toContain(`Handlingsplan – läst av 0 av ${shared.length} (0 %)`);
    expect(textOf(await new DigestFacts({ organisation: org, figures: stores.figures }, NOW).forManager('t', manager, 'sv'))).not.toContain(
      'Utskick:',
    );

    for (let i = 0; i < DIGEST_BROADCASTS_MAX + 3; i++)
      await stores.broadcasts.put(tenant, broadcast(`b-n${i}`, `Rutin ${i}`, `2026-11-2${i % 9}T08:00:00.000Z`));
    const many = await new DigestFacts({ organisation: org, figures: stores.figures, broadcasts: stores.broadcasts }, NOW).forManager(
      't',
      manager,
      'sv',
    );
    expect(textOf(many).match(/Utskick: /g)).toHaveLength(DIGEST_BROADCASTS_MAX);
    expect(textOf(many)).toContain('och 4 utskick till de senaste 30 dagarna');
    expect(cardBytes(many)).toBeLessThan(MAX_CARD_BYTES);
  });
});
