import type { TableClient } from '@azure/data-tables';
import { decodeKey, encodeKey, tenantKey, tenantOfKey } from './keys';
import { deleteIfExists, getIfExists, odata } from './tables';

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
    const pk = tenantKey(ref.tenantId);
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
    const pk = tenantKey(tenantId);
    const rk = encodeKey(conversationId);
    this.recent.delete(`${pk}|${rk}`);
    await deleteIfExists(this.table, pk, rk);
  }

  async get(tenantId: string, conversationId: string): Promise<StoredConversationReference | undefined> {
    const e = await getIfExists<Record<string, string>>(this.table, tenantKey(tenantId), encodeKey(conversationId));
    return e && fromEntity(e);
  }

  /** The personal chat of a user in a tenant, if the bot has one. */
  async findPersonal(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${tenantKey(tenantId)} and conversationType eq 'personal' and userAadObjectId eq ${userAadObjectId}`,
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
      queryOptions: { filter: odata`PartitionKey eq ${tenantKey(tenantId)}` },
    });
    for await (const e of iter) out.push(fromEntity(e));
    return out;
  }
}

function fromEntity(e: Record<string, string> & { partitionKey?: string; rowKey?: string }): StoredConversationReference {
  return {
    tenantId: tenantOfKey(e.partitionKey),
    conversationId: decodeKey(e.rowKey ?? ''),
    conversationType: (e.conversationType as StoredConversationReference['conversationType']) ?? 'unknown',
    userAadObjectId: e.userAadObjectId || undefined,
    teamId: e.teamId || undefined,
    reference: JSON.parse(e.reference ?? '{}') as Record<string, unknown>,
    updatedAt: e.updatedAt ?? '',
  };
}
