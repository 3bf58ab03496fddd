import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Broadcast } from '../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../src/domain/consent/checked-text';
import { BroadcastStore } from '../../src/storage/broadcasts';
import { TABLES, TableStore } from '../../src/storage/tables';
import { memoryStores } from '../support/memory';

/** The broadcast store's contract on Azurite and over memory tables. */

const T = '00000000-0000-0000-0000-0000000000b1';
const T2 = '00000000-0000-0000-0000-0000000000b2';
const ct = (s: string) => s as CheckedText;

async function azurite(): Promise<BroadcastStore> {
  const store = new TableStore(inject('azuriteConnectionString'), `bc${randomBytes(5).toString('hex')}`);
  await store.ensureTables([TABLES.broadcasts]);
  return new BroadcastStore(store.client(TABLES.broadcasts));
}

const broadcast = (over: Partial<Broadcast>): Broadcast => ({
  id: 'b-1',
  title: ct('Rutin för frånvaro'),
  text: ct('Antagen i november.'),
  url: 'https://example.se/rutin.pdf',
  groupIds: ['operativ', 'samverkansgrupp'],
  sentAt: '2026-12-01T08:00:00.000Z',
  sentBy: 'u1',
  ...over,
});

describe.each([
  ['azurite', azurite],
  ['memory', async () => memoryStores().broadcasts],
] as const)('BroadcastStore on %s', (_name, make) => {
  it('puts and reads back one broadcast and the tenant, oldest first; a second put replaces', async () => {
    const s = await make();
    await s.put(T, broadcast({ id: 'b-2', sentAt: '2026-12-02T08:00:00.000Z' }));
    await s.put(T, broadcast({}));
    await s.put(T, broadcast({}));
    await s.put(T2, broadcast({ id: 'b-other' }));
    expect(await s.get(T, 'b-1')).toEqual(broadcast({}));
    expect(await s.get(T, 'b-none')).toBeUndefined();
    expect((await s.all(T)).map((x) => x.broadcast.id)).toEqual(['b-1', 'b-2']);
    await s.put(T, broadcast({ groupIds: ['operativ'] }));
    expect((await s.get(T, 'b-1'))!.groupIds).toEqual(['operativ']);
  });

  it('counts a reader once, per broadcast and tenant, with ids that need escaping', async () => {
    const s = await make();
    await s.put(T, broadcast({}));
    await s.put(T, broadcast({ id: 'b-10' }));
    expect(await s.markRead(T, 'b-1', 'megan.bowen', '2026-12-02T09:00:00.000Z')).toBe(true);
    expect(await s.markRead(T, 'b-1', 'megan.bowen', '2026-12-02T09:01:00.000Z')).toBe(false);
    expect(await s.markRead(T, 'b-1', 'åsa/ö#1', '2026-12-02T09:02:00.000Z')).toBe(true);
    expect(await s.markRead(T, 'b-10', 'nils.bjork', '2026-12-02T09:03:00.000Z')).toBe(true);
    expect(await s.markRead(T2, 'b-1', 'megan.bowen', '2026-12-02T09:04:00.000Z')).toBe(true);
    expect(await s.readers(T, 'b-1')).toEqual(['megan.bowen', 'åsa/ö#1']);
    expect(await s.readers(T, 'b-10')).toEqual(['nils.bjork']);
    expect(await s.readers(T, 'b-none')).toEqual([]);
    const all = await s.all(T);
    expect(all.map((x) => [x.broadcast.id, x.readers])).toEqual([
      ['b-1', ['megan.bowen', 'åsa/ö#1']],
      ['b-10', ['nils.bjork']],
    ]);
  });

  it('keeps the member groups and people a broadcast went to, and lists the broadcasts without their readers, oldest first', async () => {
    const s = await make();
    const personal = broadcast({ id: 'b-p', memberGroupIds: ['styrgrupp'], personIds: ['isaiah.langer', 'megan.bowen'] });
    await s.put(T, personal);
    await s.put(T, broadcast({ id: 'b-0', sentAt: '2026-11-01T08:00:00.000Z' }));
    await s.markRead(T, 'b-p', 'isaiah.langer', '2026-12-02T09:00:00.000Z');
    expect(await s.get(T, 'b-p')).toEqual(personal);
    expect(await s.get(T, 'b-0')).toEqual(broadcast({ id: 'b-0', sentAt: '2026-11-01T08:00:00.000Z' }));
    expect(await s.list(T)).toEqual([broadcast({ id: 'b-0', sentAt: '2026-11-01T08:00:00.000Z' }), personal]);
    expect(await s.list(T2)).toEqual([]);
  });
});
