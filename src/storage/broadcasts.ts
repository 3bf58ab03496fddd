import type { TableClient } from '@azure/data-tables';
import type { Broadcast } from '../domain/broadcast/broadcast';
import { fromStore } from '../domain/consent/checked-text';
import { decodeKey, encodeKey, tenantKey } from './keys';
import { getIfExists, isConflict, odata } from './tables';

/**
 * Broadcasts to staff (`broadcast.send`) and who read them (`broadcast.read`),
 * in the tenant's partition: the broadcast at row key `b|<id>` (title and
 * text as the gate checked them; its groups, member groups and people as
 * comma-separated ids), each reader at `r|<id>|<personId>` (an
 * organisation person id, written once: a second press counts nothing).
 */

type Row = Record<string, unknown> & { rowKey?: string };
const s = (e: Row, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');

const broadcastKey = (id: string) => `b|${encodeKey(id)}`;
const readPrefix = (id: string) => `r|${encodeKey(id)}|`;

function toBroadcast(e: Row): Broadcast {
  return {
    id: s(e, 'id'),
    title: fromStore(e.title),
    text: fromStore(e.text),
    url: s(e, 'url'),
    groupIds: s(e, 'groupIds').split(',').filter(Boolean),
    ...(s(e, 'memberGroupIds') ? { memberGroupIds: s(e, 'memberGroupIds').split(',').filter(Boolean) } : {}),
    ...(s(e, 'personIds') ? { personIds: s(e, 'personIds').split(',').filter(Boolean) } : {}),
    sentAt: s(e, 'sentAt'),
    sentBy: s(e, 'sentBy'),
  };
}

/** A broadcast with the organisation person ids of those who read it. */
export interface BroadcastWithReaders {
  broadcast: Broadcast;
  readers: string[];
}

export class BroadcastStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, id: string): Promise<Broadcast | undefined> {
    const e = await getIfExists<Row>(this.table, tenantKey(tenantId), broadcastKey(id));
    return e ? toBroadcast(e) : undefined;
  }

  /** Writes a broadcast (a second put of the same id replaces it). */
  async put(tenantId: string, b: Broadcast): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: tenantKey(tenantId),
        rowKey: broadcastKey(b.id),
        ...b,
        groupIds: b.groupIds.join(','),
        memberGroupIds: (b.memberGroupIds ?? []).join(','),
        personIds: (b.personIds ?? []).join(','),
      },
      'Replace',
    );
  }

  /** Records that a person read a broadcast; false when they had already. */
  async markRead(tenantId: string, id: string, personId: string, at: string): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: tenantKey(tenantId), rowKey: `${readPrefix(id)}${encodeKey(personId)}`, at });
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** The person ids who read a broadcast. */
  async readers(tenantId: string, id: string): Promise<string[]> {
    const prefix = readPrefix(id);
    const end = `${prefix.slice(0, -1)}}`;
    const out: string[] = [];
    const filter = odata`PartitionKey eq ${tenantKey(tenantId)} and RowKey ge ${prefix} and RowKey lt ${end}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter, select: ['RowKey'] } }))
      out.push(decodeReader(String(e.rowKey ?? ''), prefix));
    return out.sort();
  }

  /** Every broadcast of the tenant without its readers: one range of the partition (the `b|` rows), for the digest. */
  async list(tenantId: string): Promise<Broadcast[]> {
    const out: Broadcast[] = [];
    const filter = odata`PartitionKey eq ${tenantKey(tenantId)} and RowKey ge ${'b|'} and RowKey lt ${'b}'}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) out.push(toBroadcast(e));
    return out.sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  }

  /** Every broadcast of the tenant with its readers, oldest first (one partition read). */
  async all(tenantId: string): Promise<BroadcastWithReaders[]> {
    const byId = new Map<string, BroadcastWithReaders>();
    const reads: Array<[string, string]> = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)}` } })) {
      const key = String(e.rowKey ?? '');
      if (key.startsWith('b|')) {
        const b = toBroadcast(e);
        byId.set(b.id, { broadcast: b, readers: [] });
      } else if (key.startsWith('r|')) {
        const [, id = '', person = ''] = key.split('|');
        reads.push([id, person]);
      }
    }
    const byKey = new Map([...byId.values()].map((x) => [encodeKey(x.broadcast.id), x]));
    for (const [id, person] of reads) byKey.get(id)?.readers.push(decodeKey(person));
    for (const x of byKey.values()) x.readers.sort();
    return [...byId.values()].sort(
      (a, b) => a.broadcast.sentAt.localeCompare(b.broadcast.sentAt) || a.broadcast.id.localeCompare(b.broadcast.id),
    );
  }
}

function decodeReader(rowKey: string, prefix: string): string {
  return decodeKey(rowKey.slice(prefix.length));
}
