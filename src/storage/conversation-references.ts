import type { TableClient } from '@azure/data-tables';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, odata } from './tables';

/** What the bot keeps to message a conversation later (proactively). */
export interface StoredConversationReference {
  tenantId: string;
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat' | 'unknown';
  /** For personal chats: the user's Entra object id, to find a manager's chat. */
  userAadObjectId?: string;
  teamId?: string;
  /** The Bot Framework conversation reference, as plain JSON. */
  reference: Record<string, unknown>;
  updatedAt: string;
}

const NO_TENANT = '~none';
const REFRESH_MS = 6 * 60 * 60 * 1000;

/**
 * Conversation references, partitioned by tenant. Saving is skipped when the
 * same reference was written recently by this process: every incoming
 * activity saves, and a busy channel must not cost a write per message.
 */
export class ConversationReferenceStore {
  private readonly recent = new Map<string, { json: string; at: number }>();

  constructor(private readonly table: TableClient) {}

  async save(ref: StoredConversationReference): Promise<boolean> {
    const pk = encodeKey(ref.tenantId || NO_TENANT);
    const rk = encodeKey(ref.conversationId);
    const json = JSON.stringify([ref.reference, ref.conversationType, ref.userAadObjectId, ref.teamId]);
    const cacheKey = `${pk}|${rk}`;
    const seen = this.recent.get(cacheKey);
    if (seen && seen.json === json && Date.now() - seen.at < REFRESH_MS) return false;
    await this.table.upsertEntity(
      {
        partitionKey: pk,
        rowKey: rk,
        conversationType: ref.conversationType,
        userAadObjectId: ref.userAadObjectId ?? '',
        teamId: ref.teamId ?? '',
        reference: JSON.stringify(ref.reference),
        updatedAt: ref.updatedAt,
      },
      'Replace',
    );
    if (this.recent.size > 50_000) this.recent.clear();
    this.recent.set(cacheKey, { json, at: Date.now() });
    return true;
  }

  async remove(tenantId: string, conversationId: string): Promise<void> {
    const pk = encodeKey(tenantId || NO_TENANT);
    const rk = encodeKey(conversationId);
    this.recent.delete(`${pk}|${rk}`);
    try {
      await this.table.deleteEntity(pk, rk);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async get(tenantId: string, conversationId: string): Promise<StoredConversationReference | undefined> {
    try {
      const e = await this.table.getEntity<Record<string, string>>(encodeKey(tenantId || NO_TENANT), encodeKey(conversationId));
      return fromEntity(e);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** The personal chat of a user in a tenant, if the bot has one. */
  async findPersonal(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${encodeKey(tenantId || NO_TENANT)} and conversationType eq 'personal' and userAadObjectId eq ${userAadObjectId}`,
      },
    });
    for await (const e of iter) return fromEntity(e);
    return undefined;
  }

  /** A user's personal chat in any tenant (for an organisation file that names no tenant). */
  async findPersonalAnywhere(userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`conversationType eq 'personal' and userAadObjectId eq ${userAadObjectId}` },
    });
    for await (const e of iter) return fromEntity(e);
    return undefined;
  }

  /** Every personal chat in every tenant (the digest run reads them once). */
  async listPersonalEverywhere(): Promise<StoredConversationReference[]> {
    const out: StoredConversationReference[] = [];
    for await (const e of this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`conversationType eq 'personal'` },
    }))
      out.push(fromEntity(e));
    return out;
  }

  async listByTenant(tenantId: string): Promise<StoredConversationReference[]> {
    const out: StoredConversationReference[] = [];
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(tenantId || NO_TENANT)}` },
    });
    for await (const e of iter) out.push(fromEntity(e));
    return out;
  }
}

function fromEntity(e: Record<string, string> & { partitionKey?: string; rowKey?: string }): StoredConversationReference {
  const tenant = decodeKey(e.partitionKey ?? '');
  return {
    tenantId: tenant === NO_TENANT ? '' : tenant,
    conversationId: decodeKey(e.rowKey ?? ''),
    conversationType: (e.conversationType as StoredConversationReference['conversationType']) ?? 'unknown',
    userAadObjectId: e.userAadObjectId || undefined,
    teamId: e.teamId || undefined,
    reference: JSON.parse(e.reference ?? '{}') as Record<string, unknown>,
    updatedAt: e.updatedAt ?? '',
  };
}
