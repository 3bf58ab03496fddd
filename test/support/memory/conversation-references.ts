import type { ConversationReferenceStore, StoredConversationReference } from '../../../src/storage/conversation-references';
import { decodeKey, encodeKey } from '../../../src/storage/keys';
import { isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Props, type Public } from './table';

/**
 * ConversationReferenceStore (src/storage/conversation-references.ts):
 * partition per tenant, one row per conversation; `save` skips the write
 * (and answers false) when this instance wrote the same reference within
 * six hours — measured on `now` instead of the real store's `Date.now()`.
 * The personal-chat searches answer the first row in PartitionKey, RowKey order.
 */

const NO_TENANT = '~none';
const REFRESH_MS = 6 * 60 * 60 * 1000;

export class MemoryConversationReferenceStore implements Public<ConversationReferenceStore> {
  readonly table = new MemoryTable();
  private readonly recent = new Map<string, { json: string; at: number }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async save(ref: StoredConversationReference): Promise<boolean> {
    const pk = encodeKey(ref.tenantId || NO_TENANT);
    const rk = encodeKey(ref.conversationId);
    const json = JSON.stringify([ref.reference, ref.conversationType, ref.userAadObjectId, ref.teamId]);
    const cacheKey = `${pk}|${rk}`;
    const seen = this.recent.get(cacheKey);
    if (seen && seen.json === json && this.now().getTime() - seen.at < REFRESH_MS) return false;
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
    this.recent.set(cacheKey, { json, at: this.now().getTime() });
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
      return fromEntity(await this.table.getEntity(encodeKey(tenantId || NO_TENANT), encodeKey(conversationId)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async findPersonal(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const p = encodeKey(tenantId || NO_TENANT);
    const e = this.table.listEntities(
      (e) => e.partitionKey === p && e.conversationType === 'personal' && e.userAadObjectId === userAadObjectId,
    )[0];
    return e ? fromEntity(e) : undefined;
  }

  async findPersonalAnywhere(userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const e = this.table.listEntities((e) => e.conversationType === 'personal' && e.userAadObjectId === userAadObjectId)[0];
    return e ? fromEntity(e) : undefined;
  }

  async listPersonalEverywhere(): Promise<StoredConversationReference[]> {
    return this.table.listEntities((e) => e.conversationType === 'personal').map(fromEntity);
  }

  async listByTenant(tenantId: string): Promise<StoredConversationReference[]> {
    const p = encodeKey(tenantId || NO_TENANT);
    return this.table.listEntities((e) => e.partitionKey === p).map(fromEntity);
  }
}

function fromEntity(row: Props & { partitionKey: string; rowKey: string }): StoredConversationReference {
  const e = row as Record<string, string> & { partitionKey: string; rowKey: string };
  const tenant = decodeKey(e.partitionKey);
  return {
    tenantId: tenant === NO_TENANT ? '' : tenant,
    conversationId: decodeKey(e.rowKey),
    conversationType: (e.conversationType as StoredConversationReference['conversationType']) ?? 'unknown',
    userAadObjectId: e.userAadObjectId || undefined,
    teamId: e.teamId || undefined,
    reference: JSON.parse(e.reference ?? '{}') as Record<string, unknown>,
    updatedAt: e.updatedAt ?? '',
  };
}
