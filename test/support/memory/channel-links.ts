import type { ChannelLink, ChannelLinkStore } from '../../../src/storage/channel-links';
import { decodeKey, encodeKey } from '../../../src/storage/keys';
import { isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Props, type Public } from './table';

/** ChannelLinkStore (src/storage/channel-links.ts): one row per channel, partition per tenant; replace on link, idempotent unlink. */

const NO_TENANT = '~none';

export class MemoryChannelLinkStore implements Public<ChannelLinkStore> {
  readonly table = new MemoryTable();

  async link(l: ChannelLink): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: encodeKey(l.tenantId || NO_TENANT),
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
    try {
      return fromEntity(await this.table.getEntity(encodeKey(tenantId || NO_TENANT), encodeKey(conversationId)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async channelsOf(tenantId: string, groupId: string): Promise<ChannelLink[]> {
    const p = encodeKey(tenantId || NO_TENANT);
    return this.table.listEntities((e) => e.partitionKey === p && e.groupId === groupId).map(fromEntity);
  }

  async unlink(tenantId: string, conversationId: string): Promise<void> {
    try {
      await this.table.deleteEntity(encodeKey(tenantId || NO_TENANT), encodeKey(conversationId));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

function fromEntity(e: Props & { partitionKey: string; rowKey: string }): ChannelLink {
  const tenant = decodeKey(e.partitionKey);
  return {
    tenantId: tenant === NO_TENANT ? '' : tenant,
    conversationId: decodeKey(e.rowKey),
    groupId: (e.groupId as string) ?? '',
    teamId: (e.teamId as string) || undefined,
    linkedBy: (e.linkedBy as string) ?? '',
    linkedAt: (e.linkedAt as string) ?? '',
    activityId: (e.activityId as string) || undefined,
  };
}
