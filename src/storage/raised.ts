import type { TableClient } from '@azure/data-tables';
import { fromStore } from '../domain/consent/checked-text';
import type { RaisedItem } from '../domain/raised/raised';
import { encodeKey, tenantKey } from './keys';
import { getIfExists, odata } from './tables';

/**
 * Items raised between groups (`item.raise`), one row per item in the
 * tenant's partition (row key the item's id), and a copy of it in the raising
 * group's and the target group's own partitions, so that a group's items are
 * one partition read on the turn that needs them (booking a meeting places the
 * items raised to its group), never a filter on other columns.
 */

type Row = Record<string, unknown>;
const s = (e: Row, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');

function toItem(e: Row): RaisedItem {
  return {
    id: s(e, 'id'),
    fromGroupId: s(e, 'fromGroupId'),
    fromMeetingId: s(e, 'fromMeetingId'),
    fromDate: s(e, 'fromDate'),
    toGroupId: s(e, 'toGroupId'),
    text: fromStore(e.text),
    toMeetingId: s(e, 'toMeetingId'),
    toDate: s(e, 'toDate'),
    raisedAt: s(e, 'raisedAt'),
    raisedBy: s(e, 'raisedBy'),
  };
}

/** The partition of the items raised from or to one group. */
const byGroup = (tenantId: string, way: 'from' | 'to', groupId: string) => `${tenantKey(tenantId)}|${way}|${encodeKey(groupId)}`;

export class RaisedItemStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, id: string): Promise<RaisedItem | undefined> {
    const e = await getIfExists<Row>(this.table, tenantKey(tenantId), encodeKey(id));
    return e ? toItem(e) : undefined;
  }

  /** Writes the item as it now stands: the group copies first, so a reader by group never misses an item that exists. */
  async put(tenantId: string, item: RaisedItem): Promise<void> {
    const rowKey = encodeKey(item.id);
    await Promise.all([
      this.table.upsertEntity({ partitionKey: byGroup(tenantId, 'from', item.fromGroupId), rowKey, ...item }, 'Replace'),
      this.table.upsertEntity({ partitionKey: byGroup(tenantId, 'to', item.toGroupId), rowKey, ...item }, 'Replace'),
    ]);
    await this.table.upsertEntity({ partitionKey: tenantKey(tenantId), rowKey, ...item }, 'Replace');
  }

  /** The items raised from a group, oldest first. */
  async fromGroup(tenantId: string, groupId: string): Promise<RaisedItem[]> {
    return this.query(odata`PartitionKey eq ${byGroup(tenantId, 'from', groupId)}`);
  }

  /** The items raised to a group, oldest first. */
  async toGroup(tenantId: string, groupId: string): Promise<RaisedItem[]> {
    return this.query(odata`PartitionKey eq ${byGroup(tenantId, 'to', groupId)}`);
  }

  /** Every raised item of the tenant (the report counts them). */
  async all(tenantId: string): Promise<RaisedItem[]> {
    return this.query(odata`PartitionKey eq ${tenantKey(tenantId)}`);
  }

  private async query(filter: string): Promise<RaisedItem[]> {
    const out: RaisedItem[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) out.push(toItem(e));
    return out.sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id));
  }
}
