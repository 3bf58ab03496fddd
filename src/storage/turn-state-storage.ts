import type { Storage, StoreItems } from 'botbuilder';
import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys';
import { isNotFound } from './tables';

// A Table string property holds at most 64 KiB (32K UTF-16 characters);
// larger state is split across numbered properties.
const CHUNK = 30_000;
const MAX_CHUNKS = 15;

interface StateEntity {
  partitionKey: string;
  rowKey: string;
  chunks: number;
  [chunk: `d${number}`]: string;
}

/** `tenant/rest/of/key` → partition `tenant`, row `rest/of/key` (both escaped). */
function keysOf(key: string): { pk: string; rk: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { pk: encodeKey(key), rk: '' } : { pk: encodeKey(key.slice(0, slash)), rk: encodeKey(key.slice(slash + 1)) };
}

/**
 * botbuilder's `Storage` on Azure Tables, for teams-ai's TurnState, one partition per tenant. Writes
 * carrying an eTag are conditional (optimistic concurrency), as botbuilder's
 * contract asks; `*` or no eTag overwrites.
 */
export class TableTurnStateStorage implements Storage {
  constructor(private readonly table: TableClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const { pk, rk } = keysOf(key);
          const e = await this.table.getEntity<Record<string, unknown>>(pk, rk);
          const n = Number(e.chunks ?? 0);
          let json = '';
          for (let i = 0; i < n; i++) json += String(e[`d${i}`] ?? '');
          items[key] = { ...(JSON.parse(json) as object), eTag: e.etag };
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const json = JSON.stringify(value);
        const chunks = Math.max(1, Math.ceil(json.length / CHUNK));
        if (chunks > MAX_CHUNKS) throw new RangeError(`state for one key is too large (${json.length} characters)`);
        const { pk, rk } = keysOf(key);
        const entity: StateEntity = { partitionKey: pk, rowKey: rk, chunks };
        for (let i = 0; i < chunks; i++) entity[`d${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
        if (!eTag || eTag === '*') {
          await this.table.upsertEntity(entity, 'Replace');
          return;
        }
        try {
          await this.table.updateEntity(entity, 'Replace', { etag: eTag });
        } catch (err) {
          if (!isNotFound(err)) throw err;
          await this.table.createEntity(entity);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          const { pk, rk } = keysOf(key);
          await this.table.deleteEntity(pk, rk);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }),
    );
  }
}
