import { encodeKey, tenantKey } from '../../../src/storage/keys';
import type { PreferenceStore, UserPreferences } from '../../../src/storage/preferences';
import { isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Public } from './table';

/** PreferenceStore (src/storage/preferences.ts): a row per tenant and user; setting merges into it. */
export class MemoryPreferenceStore implements Public<PreferenceStore> {
  readonly table = new MemoryTable();
  /** How many point reads were made: a turn may cost at most one. */
  reads = 0;

  async get(tenantId: string, userKey: string): Promise<UserPreferences | undefined> {
    if (!userKey) return undefined;
    this.reads += 1;
    try {
      const e = await this.table.getEntity(tenantKey(tenantId), encodeKey(userKey));
      const language = e.language === 'sv' || e.language === 'en' ? e.language : undefined;
      return { language, updatedAt: (e.updatedAt as string) || undefined };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async setLanguage(tenantId: string, userKey: string, language: 'sv' | 'en', updatedAt: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: tenantKey(tenantId), rowKey: encodeKey(userKey), language, updatedAt }, 'Merge');
  }
}
