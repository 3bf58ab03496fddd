import { describe, expect, it } from 'vitest';
import type { TableClient } from '@azure/data-tables';
import type { Figures } from '../../../../src/domain/digest/figures';
import { DigestFacts } from '../../../../src/features/digest/facts';
import { FiguresStore } from '../../../../src/storage/figures';
import { TABLES } from '../../../../src/storage/tables';
import { MemoryTables } from '../../../support/memory';
import { DIGEST_TENANT, digestOrganisation } from '../../../support/digest-seed';

/**
 * The digest's lines cache: the on-demand digest reads every group's line
 * as last computed and recomputes only the groups an event changed (their
 * change marks) or whose line time has moved past; the card is the same as
 * one computed from a full read of the figures, at every step.
 */

const NOW = new Date('2026-11-23T10:00:00.000Z');
const HOUR = 3_600_000;

function setup(groups: number) {
  const tables = new MemoryTables();
  let calls: string[] = [];
  const client = (name: string) =>
    new Proxy(tables.client(name) as unknown as TableClient, {
      get: (target, prop, receiver) => {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function' || typeof prop !== 'string') return v;
        return (...args: unknown[]) => {
          const first = args[0] as { queryOptions?: { filter?: string } } | string | undefined;
          calls.push(`${prop} ${typeof first === 'string' ? args.join(' ') : (first?.queryOptions?.filter ?? '')}`);
          return v.apply(target, args);
        };
      },
    });
  const org = digestOrganisation(groups);
  const figures = new FiguresStore(client(TABLES.figures), org.timeZone);
  // Another process's store over the same table.
  const other = new FiguresStore(tables.client(TABLES.figures) as unknown as TableClient, org.timeZone);
  // The same figures read in full every time (the digest without the cache).
  const plain: Figures = { snapshot: (t, n) => figures.snapshot(t, n) } as Figures;
  const card = async (f: Figures, now: Date) =>
    JSON.stringify(await new DigestFacts({ organisation: org, figures: f }, now).forManager(DIGEST_TENANT, org.managers[0]!, 'en'));
  const meeting = (g: number, id: string, start: string, minutes = 60) => ({
    tenantId: DIGEST_TENANT,
    groupId: org.groups[g]!.id,
    id,
    start,
    end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
    durationMinutes: minutes,
    status: 'scheduled' as const,
  });
  return {
    org,
    figures,
    other,
    plain,
    card,
    meeting,
    calls: () => calls,
    reset: () => {
      calls = [];
    },
  };
}

describe('the digest lines cache', () => {
  it('reads the kept lines after the first digest, recomputes only a changed group, and says what a full read says', async () => {
    const w = setup(30);
    for (let g = 0; g < 30; g++)
      await w.figures.record({
        kind: 'meetings',
        meetings: [w.meeting(g, `m${g}a`, '2026-10-05T10:00:00.000Z'), w.meeting(g, `m${g}b`, '2026-11-25T10:00:00.000Z')],
      });
    const first = await w.card(w.figures, NOW);
    expect(first).toBe(await w.card(w.plain, NOW));
    await new Promise((r) => setTimeout(r, 20));
    w.reset();
    const again = await w.card(w.figures, NOW);
    expect(again).toBe(first);
    // No term, task or refusal partition read: the lines, the change marks and the reviews.
    expect(w.calls().some((c) => /m\|/.test(c))).toBe(false);
    expect(w.calls().length).toBeLessThanOrEqual(4);

    // Minutes made final in one group: its mark changes, and only its rows are read again.
    await w.figures.record({ kind: 'minutesFinal', meeting: w.meeting(3, 'm3a', '2026-10-05T10:00:00.000Z') });
    w.reset();
    const changed = await w.card(w.figures, NOW);
    const made = [...w.calls()];
    expect(changed).not.toBe(first);
    expect(changed).toBe(await w.card(w.plain, NOW));
    const termReads = made.filter((c) => /m\|/.test(c));
    expect(termReads.length).toBeGreaterThan(0);
    expect(termReads.every((c) => c.startsWith('getEntity') && c.includes('grupp-0003'))).toBe(true);
  });

  it('recomputes a line once time has moved past it: a meeting held, minutes falling due, the next day', async () => {
    const w = setup(4);
    await w.figures.record({ kind: 'meetings', meetings: [w.meeting(1, 'soon', new Date(NOW.getTime() + 2 * HOUR).toISOString())] });
    const before = await w.card(w.figures, NOW);
    expect(before).toBe(await w.card(w.plain, NOW));
    await new Promise((r) => setTimeout(r, 20));
    for (const later of [4 * HOUR, 30 * HOUR, 5 * 24 * HOUR]) {
      const at = new Date(NOW.getTime() + later);
      const cached = await w.card(w.figures, at);
      expect(cached, `+${later / HOUR} h`).toBe(await w.card(w.plain, at));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await w.card(w.figures, new Date(NOW.getTime() + 4 * HOUR))).not.toBe(before);
  });

  it('reads the lines it kept itself by their head row alone, and all of them again once another process has saved others', async () => {
    const w = setup(30);
    for (let g = 0; g < 30; g++)
      await w.figures.record({ kind: 'meetings', meetings: [w.meeting(g, `m${g}b`, '2026-11-25T10:00:00.000Z')] });
    const first = await w.card(w.figures, NOW);
    await new Promise((r) => setTimeout(r, 20));
    const linesRead = () => w.calls().filter((c) => c.startsWith('listEntities') && c.includes("'l|"));
    w.reset();
    expect(await w.card(w.figures, NOW)).toBe(first);
    // The head's point read, no read of the lines' rows.
    expect(w.calls().filter((c) => c.startsWith('getEntity') && / h$/.test(c))).toHaveLength(1);
    expect(linesRead()).toEqual([]);
    // Another process changes a group and saves the lines: this one reads them all again, and its card says the change.
    await w.other.record({ kind: 'meetings', meetings: [w.meeting(5, 'm5c', '2026-11-24T10:00:00.000Z')] });
    const otherCard = JSON.stringify(
      await new DigestFacts({ organisation: w.org, figures: w.other }, NOW).forManager(DIGEST_TENANT, w.org.managers[0]!, 'en'),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(otherCard).not.toBe(first);
    w.reset();
    expect(await w.card(w.figures, NOW)).toBe(otherCard);
    expect(linesRead()).toHaveLength(1);
    expect(otherCard).toBe(await w.card(w.plain, NOW));
  });

  it('hands out the same kept lines while nothing changes, and recomputes a changed group into a copy of them', async () => {
    const w = setup(30);
    for (let g = 0; g < 30; g++)
      await w.figures.record({ kind: 'meetings', meetings: [w.meeting(g, `m${g}a`, '2026-10-05T10:00:00.000Z')] });
    const first = await w.card(w.figures, NOW);
    await new Promise((r) => setTimeout(r, 20));
    const kept = (await w.figures.readLines(DIGEST_TENANT)).cache;
    expect(kept).toBeDefined();
    // The same record, not a copy per reader: a digest of a big organisation reuses what it built from it.
    expect((await w.figures.readLines(DIGEST_TENANT)).cache).toBe(kept);
    const before = JSON.stringify(kept);
    await w.figures.record({ kind: 'minutesFinal', meeting: w.meeting(3, 'm3a', '2026-10-05T10:00:00.000Z') });
    const changed = await w.card(w.figures, NOW);
    expect(changed).not.toBe(first);
    expect(changed).toBe(await w.card(w.plain, NOW));
    // The record the store handed out is as it was read; the lines saved after the change are another.
    expect(JSON.stringify(kept)).toBe(before);
    await new Promise((r) => setTimeout(r, 20));
    expect((await w.figures.readLines(DIGEST_TENANT)).cache).not.toBe(kept);
    expect(await w.card(w.figures, NOW)).toBe(changed);
  });

  it('at 1,000 groups says what a full read says, within 40 KB, from the kept lines and no read of a group row', async () => {
    const w = setup(1000);
    for (let g = 0; g < 1000; g++)
      await w.figures.record({
        kind: 'meetings',
        meetings: [
          w.meeting(g, `m${g}a`, g % 3 === 0 ? '2026-10-05T10:00:00.000Z' : '2026-11-20T10:00:00.000Z'),
          w.meeting(g, `m${g}b`, '2026-11-25T10:00:00.000Z'),
        ],
      });
    const full = await w.card(w.plain, NOW);
    expect(await w.card(w.figures, NOW)).toBe(full);
    await new Promise((r) => setTimeout(r, 50));
    w.reset();
    expect(await w.card(w.figures, NOW)).toBe(full);
    // The kept lines' head, today's change marks and the reviews: no figures read for the thousand groups.
    expect(w.calls().filter((c) => /(^getEntity |eq ')[mar]\|/.test(c))).toEqual([]);
    expect(w.calls().length).toBeLessThanOrEqual(4);
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(40_000);
  });

  it('renders a card once per scope and language for a run shared by all managers, and hands each manager a copy of their own', async () => {
    const w = setup(30);
    for (let g = 0; g < 30; g++)
      await w.figures.record({ kind: 'meetings', meetings: [w.meeting(g, `m${g}a`, '2026-10-05T10:00:00.000Z')] });
    const facts = new DigestFacts({ organisation: w.org, figures: w.figures }, NOW);
    const all = await facts.forManager(DIGEST_TENANT, { personId: 'chef', oversees: 'all' }, 'en');
    const alsoAll = await facts.forManager(DIGEST_TENANT, { personId: 'another', oversees: 'all' }, 'en');
    expect(alsoAll).toEqual(all);
    expect(alsoAll).not.toBe(all);
    // A card changed by its receiver changes no other manager's.
    all.body.push({ type: 'TextBlock', text: 'changed' });
    expect(await facts.forManager(DIGEST_TENANT, { personId: 'chef', oversees: 'all' }, 'en')).toEqual(alsoAll);
    // Another scope, another language: another card.
    const two = [w.org.groups[4]!.id, w.org.groups[2]!.id];
    const some = JSON.stringify(await facts.forManager(DIGEST_TENANT, { personId: 'rektor', oversees: two }, 'en'));
    expect([...some.matchAll(/Samverkansgrupp \d{4}/g)].map((m) => m[0])).toEqual(['Samverkansgrupp 0002', 'Samverkansgrupp 0004']);
    const sv = await facts.forManager(DIGEST_TENANT, { personId: 'another', oversees: 'all' }, 'sv');
    expect(JSON.stringify(sv)).not.toBe(JSON.stringify(alsoAll));
    expect(sv).toEqual(
      await new DigestFacts({ organisation: w.org, figures: w.plain }, NOW).forManager(DIGEST_TENANT, w.org.managers[0]!, 'sv'),
    );
  });
});
