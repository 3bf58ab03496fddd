import type { TableClient } from '@azure/data-tables';
import type { Locale } from '../i18n';
import { encodeKey, tenantKey } from './keys';
import { getIfExists } from './tables';

/** What one user chose for themselves: for now, the bot's language. */
export interface UserPreferences {
  language?: Locale;
  updatedAt?: string;
}

const isLocale = (v: unknown): v is Locale => v === 'sv' || v === 'en';

/**
 * Each user's own choices, a row per tenant and user (the user's Entra
 * object id, or their Teams id when Teams sends none). Holds no name and
 * nothing a user wrote.
 */
export class PreferenceStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, userKey: string): Promise<UserPreferences | undefined> {
    if (!userKey) return undefined;
    const e = await getIfExists<Record<string, string>>(this.table, tenantKey(tenantId), encodeKey(userKey));
    return e && { language: isLocale(e.language) ? e.language : undefined, updatedAt: e.updatedAt || undefined };
  }

  async setLanguage(tenantId: string, userKey: string, language: Locale, updatedAt: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: tenantKey(tenantId), rowKey: encodeKey(userKey), language, updatedAt }, 'Merge');
  }
}
