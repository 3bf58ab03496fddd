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
 * The partition of the personal-chat index: one row per user and tenant,
 * RowKey `<user's Entra id>|<tenant key>`, holding the chat's reference. A
 * user's chat in a tenant is then a point read, in any tenant a range of
 * their rows, and every personal chat one partition. `~` never begins an
 * escaped tenant key, so it is no tenant's partition.
 */
export const PERSONAL_INDEX = '~personal';
/** The index's marker that the rows saved before it were indexed; `~` sorts after every user id, so no user's range holds it. */
const BACKFILLED = '~backfilled';
const personalRow = (aad: string, tenantId: string) => `${encodeKey(aad.toLowerCase())}|${tenantKey(tenantId)}`;

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
    const row = {
      conversationType: ref.conversationType,
      userAadObjectId: ref.userAadObjectId ?? '',
      teamId: ref.teamId ?? '',
      reference: JSON.stringify(ref.reference),
      updatedAt: ref.updatedAt,
    };
    await this.table.upsertEntity({ partitionKey: pk, rowKey: rk, ...row }, 'Replace');
    if (ref.conversationType === 'personal' && ref.userAadObjectId)
      await this.table.upsertEntity(
        { partitionKey: PERSONAL_INDEX, rowKey: personalRow(ref.userAadObjectId, ref.tenantId), conversationId: rk, ...row },
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
    const cur = await getIfExists<Record<string, string>>(this.table, pk, rk);
    if (cur?.conversationType === 'personal' && cur.userAadObjectId) {
      const indexed = await getIfExists<Record<string, string>>(this.table, PERSONAL_INDEX, personalRow(cur.userAadObjectId, tenantId));
      if (indexed?.conversationId === rk) await deleteIfExists(this.table, PERSONAL_INDEX, personalRow(cur.userAadObjectId, tenantId));
    }
    await deleteIfExists(this.table, pk, rk);
  }

  async get(tenantId: string, conversationId: string): Promise<StoredConversationReference | undefined> {
    const e = await getIfExists<Record<string, string>>(this.table, tenantKey(tenantId), encodeKey(conversationId));
    return e && fromEntity(e);
  }

  /** The personal chat of a user in a tenant, if the bot has one: a point read of the personal-chat index. */
  async findPersonal(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const e = await getIfExists<Record<string, string>>(this.table, PERSONAL_INDEX, personalRow(userAadObjectId, tenantId));
    return e && fromIndex(e);
  }

  /** A user's personal chat in any tenant (for an organisation file that names no tenant): their rows of the index, one range. */
  async findPersonalAnywhere(userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    const from = `${encodeKey(userAadObjectId.toLowerCase())}|`;
    const iter = this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${PERSONAL_INDEX} and RowKey ge ${from} and RowKey lt ${`${from}~~`}` },
    });
    for await (const e of iter) return fromIndex(e);
    return undefined;
  }

  /** Every personal chat in every tenant (the digest run reads them once): the index's one partition. */
  async listPersonalEverywhere(): Promise<StoredConversationReference[]> {
    const out: StoredConversationReference[] = [];
    for await (const e of this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${PERSONAL_INDEX} and RowKey lt ${BACKFILLED}` },
    }))
      out.push(fromIndex(e));
    return out;
  }

  /**
   * Writes the index rows of personal chats saved before there was an index
   * (one pass over the table; safe to run again, and by several processes).
   * Answers how many it wrote.
   */
  async backfillPersonalIndex(): Promise<number> {
    // Done once: a marker row says so, and later starts cost one point read.
    if (await getIfExists(this.table, PERSONAL_INDEX, BACKFILLED)) return 0;
    let written = 0;
    for await (const e of this.table.listEntities<Record<string, string>>({
      queryOptions: { filter: odata`conversationType eq 'personal'` },
    })) {
      if (e.partitionKey === PERSONAL_INDEX || !e.userAadObjectId) continue;
      const { partitionKey, rowKey, etag: _etag, timestamp: _ts, ...row } = e as Record<string, string>;
      await this.table.upsertEntity(
        {
          ...row,
          partitionKey: PERSONAL_INDEX,
          rowKey: personalRow(e.userAadObjectId, tenantOfKey(partitionKey)),
          conversationId: rowKey!,
        },
        'Replace',
      );
      written += 1;
    }
    await this.table.upsertEntity({ partitionKey: PERSONAL_INDEX, rowKey: BACKFILLED, conversationType: 'marker' }, 'Replace');
    return written;
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

/** An index row as the reference it holds: its tenant is the RowKey's second part, its conversation the row's `conversationId`. */
function fromIndex(e: Record<string, string> & { partitionKey?: string; rowKey?: string }): StoredConversationReference {
  const tenant = (e.rowKey ?? '').slice((e.rowKey ?? '').indexOf('|') + 1);
  return fromEntity({ ...e, partitionKey: tenant, rowKey: e.conversationId ?? '' });
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
