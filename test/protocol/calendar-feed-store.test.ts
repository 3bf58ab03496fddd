import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CalendarFeedStore } from '../../src/storage/meetings';
import { TABLES, TableStore } from '../../src/storage/tables';

/**
 * The calendar link's two rows (the group's current token, and the index a
 * feed request finds the group by) against Azurite, including the states a
 * crash between the writes leaves behind.
 */

const NOW = new Date('2026-11-22T10:00:00.000Z');
const TENANT = '00000000-0000-0000-0000-0000000000001';
let store: TableStore;
let feeds: CalendarFeedStore;

beforeEach(async () => {
  store = new TableStore(inject('azuriteConnectionString'), `cf${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  await store.ensureTables([TABLES.calendarFeeds]);
  feeds = new CalendarFeedStore(store.client(TABLES.calendarFeeds));
});

async function rows(): Promise<number> {
  let n = 0;
  for await (const _ of store.client(TABLES.calendarFeeds).listEntities()) n++;
  return n;
}

describe('calendar feed tokens', () => {
  it('ensure makes one token, findable, and gives the same one again', async () => {
    const a = await feeds.ensure(TENANT, 'operativ', NOW);
    expect(await feeds.resolve(a.token)).toEqual({ tenantId: TENANT, groupId: 'operativ' });
    expect((await feeds.ensure(TENANT, 'operativ', NOW)).token).toBe(a.token);
    expect(await rows()).toBe(2);
  });

  it('two at once (two processes, or a turn and its resend) agree on one token', async () => {
    const [a, b] = await Promise.all([feeds.ensure(TENANT, 'operativ', NOW), feeds.ensure(TENANT, 'operativ', NOW)]);
    expect(a.token).toBe(b.token);
    expect(await rows()).toBe(2);
  });

  it('a crash after the group row but before the index: the next ensure makes the token work', async () => {
    await store.client(TABLES.calendarFeeds).createEntity({
      partitionKey: `g|${TENANT}`,
      rowKey: 'operativ',
      token: CalendarFeedStore.newToken(),
      createdAt: NOW.toISOString(),
      revoking: '',
    });
    const f = await feeds.ensure(TENANT, 'operativ', NOW);
    expect(await feeds.resolve(f.token)).toEqual({ tenantId: TENANT, groupId: 'operativ' });
    expect(await rows()).toBe(2);
  });

  it('rotate: the new token works and the old one does not', async () => {
    const old = await feeds.ensure(TENANT, 'operativ', NOW);
    const fresh = await feeds.rotate(TENANT, 'operativ', NOW);
    expect(fresh.token).not.toBe(old.token);
    expect(await feeds.resolve(fresh.token)).toBeDefined();
    expect(await feeds.resolve(old.token)).toBeUndefined();
    expect(await rows()).toBe(2);
  });

  it('a rotation cut short (the group row moved on, the old index still there): the next use revokes the old token', async () => {
    const old = await feeds.ensure(TENANT, 'operativ', NOW);
    const next = CalendarFeedStore.newToken();
    // What rotate leaves when the process dies right after its first write.
    await store
      .client(TABLES.calendarFeeds)
      .upsertEntity(
        { partitionKey: `g|${TENANT}`, rowKey: 'operativ', token: next, createdAt: NOW.toISOString(), revoking: old.token },
        'Replace',
      );
    expect(await feeds.resolve(old.token)).toBeDefined();
    const f = await feeds.ensure(TENANT, 'operativ', NOW);
    expect(f.token).toBe(next);
    expect(await feeds.resolve(next)).toBeDefined();
    expect(await feeds.resolve(old.token)).toBeUndefined();
    expect(await rows()).toBe(2);
  });
});
