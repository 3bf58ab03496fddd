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

/** Channel links, partitioned by tenant; one row per channel. */
export class ChannelLinkStore {
  constructor(private readonly table: TableClient) {}

  async link(l: ChannelLink): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: tenantKey(l.tenantId),
        rowKey: encodeKey(l.conversationId),
        groupId: l.groupId,
        teamId: l.teamId ?? '',
        linkedBy: l.linkedBy,
        linkedAt: l.linkedAt,
        activityId: l.activityId ?? '',
      },
      'Replace',
    );
  }

  async get(tenantId: string, conversationId: string): Promise<ChannelLink | undefined> {
    const e = await getIfExists<Record<string, string>>(this.table, tenantKey(tenantId), encodeKey(conversationId));
    return e && fromEntity(e);
  }

  /** The channels linked to a group (normally one). */
  async channelsOf(tenantId: string, groupId: string): Promise<ChannelLink[]> {
    const out: ChannelLink[] = [];
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)} and groupId eq ${groupId}` },
    });
    for await (const e of iter) out.push(fromEntity(e));
    return out;
  }

  async unlink(tenantId: string, conversationId: string): Promise<void> {
    await deleteIfExists(this.table, tenantKey(tenantId), encodeKey(conversationId));
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
