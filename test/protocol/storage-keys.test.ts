import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeKey, encodeKey } from '../../src/storage/keys';
import { ConversationReferenceStore } from '../../src/storage/conversation-references';

/** Encoded keys survive Azurite's point operations and queries, as they must on the real service. */
let table: TableClient;
beforeAll(async () => {
  table = TableClient.fromConnectionString(inject('azuriteConnectionString'), `k${randomBytes(5).toString('hex')}Keys`, {
    allowInsecureConnection: true,
  });
  await table.createTable();
});
afterAll(async () => table?.deleteTable());

const IDS = [
  '19:abc@thread.tacv2;messageid=1712345',
  'a:1xyzQWERTYuiop-ASDFghjkl_zxcvbnm',
  '29:1abc',
  'Åsa/Öberg\\#?%~',
  '😀\u0000\u001F\u007F',
  "O'Brien & co",
  ' spaces ',
];

describe('keys in Azurite', () => {
  it.each(IDS)('%j: create, get, list and delete by its encoded key', async (id) => {
    const pk = encodeKey(`tenant/${id}`);
    const rk = encodeKey(id);
    await table.createEntity({ partitionKey: pk, rowKey: rk, original: id });
    const got = await table.getEntity<{ original: string }>(pk, rk);
    expect(got.original).toBe(id);
    expect(decodeKey(got.rowKey!)).toBe(id);
    const listed = [];
    for await (const e of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${pk.replace(/'/g, "''")}'` } })) listed.push(e);
    expect(listed.map((e) => e.rowKey)).toEqual([rk]);
    await table.deleteEntity(pk, rk);
    await expect(table.getEntity(pk, rk)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('property: random ids round-trip through Azurite', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), async (id) => {
        const rk = encodeKey(id);
        await table.upsertEntity({ partitionKey: 'prop', rowKey: rk, original: id }, 'Replace');
        const got = await table.getEntity<{ original: string }>('prop', rk);
        expect(decodeKey(got.rowKey!)).toBe(id);
      }),
      { numRuns: 25 },
    );
  });

  it('the conversation reference store saves, finds and removes a threaded channel id', async () => {
    const store = new ConversationReferenceStore(table);
    const conversationId = '19:abc@thread.tacv2;messageid=1712345';
    await store.save({
      tenantId: 'tenant/1',
      conversationId,
      conversationType: 'channel',
      reference: { conversation: { id: conversationId } },
      updatedAt: '2026-03-10T09:00:00Z',
    });
    const got = await store.get('tenant/1', conversationId);
    expect(got?.conversationId).toBe(conversationId);
    expect(got?.tenantId).toBe('tenant/1');
    expect((await store.listByTenant('tenant/1')).map((r) => r.conversationId)).toEqual([conversationId]);
    await store.remove('tenant/1', conversationId);
    expect(await store.get('tenant/1', conversationId)).toBeUndefined();
  });
});
