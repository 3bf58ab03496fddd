import { describe, expect, it } from 'vitest';
import { loadOrganisation, type Organisation } from '../../../../src/domain/organisation';
import { groupNeedsAttention } from '../../../../src/features/digest/card';
import { DigestFacts } from '../../../../src/features/digest/facts';
import { memoryStores } from '../../../support/memory';

/** The digest's line for overdue plan activities (SPEC §11: "overdue ones feed the digest"), per the manager's groups. */

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const linesOf = (card: unknown) => JSON.stringify(card);

describe('digest: overdue plan activities', () => {
  const org = demo();
  const manager = org.managers.find((m) => m.personId === 'alex.wilber')!;

  it("counts the open activities past their due date in the plans of the manager's groups, in both languages", async () => {
    const stores = memoryStores();
    // The demo's handlingsplan has one activity due 2026-11-30, still ongoing.
    const after = new DigestFacts({ organisation: org, figures: stores.figures, plans: stores.plans }, new Date('2026-12-02T10:00:00Z'));
    expect(linesOf(await after.forManager('t', manager, 'sv'))).toContain('Försenade aktiviteter i handlingsplaner: 1');
    expect(linesOf(await after.forManager('t', manager, 'en'))).toContain('Overdue action plan activities: 1');
    const before = new DigestFacts({ organisation: org, figures: stores.figures, plans: stores.plans }, new Date('2026-11-20T10:00:00Z'));
    expect(linesOf(await before.forManager('t', manager, 'sv'))).not.toContain('Försenade aktiviteter i handlingsplaner');
  });

  it('says nothing of plans without the plan store, and nothing for a manager of groups that own no overdue plan', async () => {
    const stores = memoryStores();
    const now = new Date('2026-12-02T10:00:00Z');
    expect(
      linesOf(await new DigestFacts({ organisation: org, figures: stores.figures }, now).forManager('t', manager, 'sv')),
    ).not.toContain('handlingsplaner');
    const owner = org.documents.find((d) => d.id === 'handlingsplan')!.ownerGroup;
    const other = org.groups.find((g) => g.id !== owner)!;
    const facts = new DigestFacts({ organisation: org, figures: stores.figures, plans: stores.plans }, now);
    expect(linesOf(await facts.forManager('t', { personId: 'x', oversees: [other.id] }, 'sv'))).not.toContain('handlingsplaner');
  });

  it('marks the group that owns the plan as needing attention, on its own line', async () => {
    const stores = memoryStores();
    const owner = org.groups.find((g) => g.id === org.documents.find((d) => d.id === 'handlingsplan')!.ownerGroup)!;
    const card = await new DigestFacts(
      { organisation: org, figures: stores.figures, plans: stores.plans },
      new Date('2026-12-02T10:00:00Z'),
    ).forManager('t', manager, 'sv');
    const text = linesOf(card);
    expect(text).toContain('1 försenad planaktivitet · ');
    // The owner's row carries the attention mark and the line; no other group's row does.
    type Row = { columns: Array<{ items: Array<{ text: string; color?: string }> }> };
    const rows = (JSON.parse(text) as { body: Array<{ items?: Array<Row & { type: string }> }> }).body
      .flatMap((b) => b.items ?? [])
      .filter((i) => i.type === 'ColumnSet' && i.columns?.length === 2)
      .map((r) => ({ mark: r.columns[0]!.items[0]!, name: r.columns[1]!.items[0]!.text, line: r.columns[1]!.items[1]!.text }));
    const ownRow = rows.find((r) => r.name === owner.name)!;
    expect(ownRow.mark).toEqual(expect.objectContaining({ text: '▲', color: 'Attention' }));
    expect(ownRow.line).toMatch(/^1 försenad planaktivitet · /);
    expect(rows.filter((r) => r.line.includes('planaktivitet'))).toHaveLength(1);
    const en = linesOf(
      await new DigestFacts(
        { organisation: org, figures: stores.figures, plans: stores.plans },
        new Date('2026-12-02T10:00:00Z'),
      ).forManager('t', manager, 'en'),
    );
    expect(en).toContain('1 overdue plan activity · ');
  });

  it('a group with nothing else wrong needs attention when a plan it owns has overdue activities', () => {
    const fine = {
      groupId: 'g',
      name: 'G',
      level: 'strategic' as const,
      cadence: { onTrack: true, held: 1, expectedSoFar: 1, expectedYear: 1 } as never,
      coming: [],
      minutesMissing: 0,
      overdueActions: 0,
      consentsExpiring: 0,
      refusalsLastWeek: 0,
    };
    expect(groupNeedsAttention(fine)).toBe(false);
    expect(groupNeedsAttention({ ...fine, overduePlanActivities: 0 })).toBe(false);
    expect(groupNeedsAttention({ ...fine, overduePlanActivities: 2 })).toBe(true);
  });
});
