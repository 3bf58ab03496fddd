import type { TableClient } from '@azure/data-tables';
import { decodeKey, encodeKey, tenantKey, tenantOfKey } from './keys';
import { deleteIfExists, getIfExists, odata } from './tables';

/** A Teams channel (or group chat) linked to a collaboration group. */
export interface ChannelLink {
  tenantId: string;
  /** The channel's conversation id, without a thread's `;messageid=`. */
  conversationId: string;
  groupId: string;
  teamId?: string;
  linkedBy: string;
  linkedAt: string;
  /** The activity that made the link: a resend of it is recognised. */
  activityId?: string;
}

/**
 * The partition of a group's links in the by-group index: `~group|<tenant key>|<group id>`
 * (`~` begins no escaped tenant key, so it is no tenant's partition).
 */
export const groupIndexPartition = (tenantId: string, groupId: string) => `~group|${tenantKey(tenantId)}|${encodeKey(groupId)}`;
const BACKFILL = { partitionKey: '~group', rowKey: '~backfilled' };

/**
 * Channel links, partitioned by tenant; one row per channel. Each link also
 * has a row in its group's partition of the by-group index, so a group's
 * channels are one partition read, not a filter over the tenant's links.
 */
export class ChannelLinkStore {
  constructor(private readonly table: TableClient) {}

  async link(l: ChannelLink): Promise<void> {
    const previous = await this.get(l.tenantId, l.conversationId);
    const row = {
      groupId: l.groupId,
      teamId: l.teamId ?? '',
      linkedBy: l.linkedBy,
      linkedAt: l.linkedAt,
      activityId: l.activityId ?? '',
    };
    await this.table.upsertEntity({ partitionKey: tenantKey(l.tenantId), rowKey: encodeKey(l.conversationId), ...row }, 'Replace');
    await this.table.upsertEntity(
      {
        partitionKey: groupIndexPartition(l.tenantId, l.groupId),
        rowKey: encodeKey(l.conversationId),
        tenant: tenantKey(l.tenantId),
        ...row,
      },
      'Replace',
    );
    // A channel linked to another group before leaves that group's index.
    if (previous && previous.groupId !== l.groupId)
      await deleteIfExists(this.table, groupIndexPartition(l.tenantId, previous.groupId), encodeKey(l.conversationId));
  }

  async get(tenantId: string, conversationId: string): Promise<ChannelLink | undefined> {
    const e = await getIfExists<Record<string, string>>(this.table, tenantKey(tenantId), encodeKey(conversationId));
    return e && fromEntity(e);
  }

  /** The channels linked to a group (normally one). */
  async channelsOf(tenantId: string, groupId: string): Promise<ChannelLink[]> {
    const out: ChannelLink[] = [];
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${groupIndexPartition(tenantId, groupId)}` },
    });
    for await (const e of iter) out.push(fromEntity({ ...e, partitionKey: e.tenant }));
    return out;
  }

  async unlink(tenantId: string, conversationId: string): Promise<void> {
    const cur = await this.get(tenantId, conversationId);
    if (cur) await deleteIfExists(this.table, groupIndexPartition(tenantId, cur.groupId), encodeKey(conversationId));
    await deleteIfExists(this.table, tenantKey(tenantId), encodeKey(conversationId));
  }

  /**
   * Writes the by-group index rows of links made before the index existed
   * (one pass over the table, once: a marker row says it is done; safe to
   * run again and by several processes). Answers how many it wrote.
   */
  async backfillGroupIndex(): Promise<number> {
    if (await getIfExists(this.table, BACKFILL.partitionKey, BACKFILL.rowKey)) return 0;
    let written = 0;
    for await (const e of this.table.listEntities<Record<string, string>>()) {
      if (!e.partitionKey || e.partitionKey.startsWith('~') || !e.groupId) continue;
      const { partitionKey, rowKey, etag: _etag, timestamp: _timestamp, ...row } = e as Record<string, string>;
      await this.table.upsertEntity(
        { ...row, partitionKey: groupIndexPartition(tenantOfKey(partitionKey), e.groupId), rowKey: rowKey!, tenant: partitionKey },
        'Replace',
      );
      written += 1;
    }
    await this.table.upsertEntity({ ...BACKFILL, done: true }, 'Replace');
    return written;
  }
}

function fromEntity(e: Record<string, string> & { partitionKey?: string; rowKey?: string }): ChannelLink {
  return {
    tenantId: tenantOfKey(e.partitionKey),
    conversationId: decodeKey(e.rowKey ?? ''),
    groupId: e.groupId ?? '',
    teamId: e.teamId || undefined,
    linkedBy: e.linkedBy ?? '',
    linkedAt: e.linkedAt ?? '',
    activityId: e.activityId || undefined,
  };
}
