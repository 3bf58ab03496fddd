import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TableTurnStateStorage } from '../../src/storage/turn-state-storage';

let table: TableClient;
let storage: TableTurnStateStorage;

beforeAll(async () => {
  table = TableClient.fromConnectionString(inject('azuriteConnectionString'), `ts${randomBytes(5).toString('hex')}`, {
    allowInsecureConnection: true,
  });
  await table.createTable();
  storage = new TableTurnStateStorage(table);
});

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const KEY = `${TENANT}/msteams/28:bot/conversations/19:abc@thread.tacv2;messageid=171`;

describe('TurnState on Azure Tables (botbuilder Storage contract)', () => {
  it('reads nothing for keys never written', async () => {
    expect(await storage.read([`${TENANT}/nothing/here`])).toEqual({});
  });

  it('writes and reads back, in a partition per tenant, with an eTag', async () => {
    await storage.write({ [KEY]: { topic: 'agenda', count: 2 } });
    const items = await storage.read([KEY]);
    expect(items[KEY]).toMatchObject({ topic: 'agenda', count: 2 });
    expect(typeof items[KEY].eTag).toBe('string');
    const rows = [];
    for await (const e of table.listEntities()) rows.push(e);
    expect(rows.some((r) => r.partitionKey === TENANT)).toBe(true);
  });

  it('refuses a write whose eTag is stale (optimistic concurrency), accepts * and a fresh one', async () => {
    const first = (await storage.read([KEY]))[KEY]!;
    await storage.write({ [KEY]: { ...first, count: 3 } });
    await expect(storage.write({ [KEY]: { ...first, count: 4 } })).rejects.toMatchObject({ statusCode: 412 });
    await storage.write({ [KEY]: { count: 5, eTag: '*' } });
    const fresh = (await storage.read([KEY]))[KEY]!;
    expect(fresh.count).toBe(5);
    await storage.write({ [KEY]: { ...fresh, count: 6 } });
    expect((await storage.read([KEY]))[KEY]!.count).toBe(6);
  });

  it('keeps state larger than one Table property (split across properties)', async () => {
    const big = `${'x'.repeat(100_000)}å`;
    await storage.write({ [`${TENANT}/big`]: { big } });
    expect((await storage.read([`${TENANT}/big`]))[`${TENANT}/big`]!.big).toBe(big);
  });

  it('deletes, and deleting twice is fine', async () => {
    await storage.delete([KEY]);
    await storage.delete([KEY]);
    expect(await storage.read([KEY])).toEqual({});
  });
});
