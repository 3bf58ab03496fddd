import type { TableClient } from '@azure/data-tables';
import { SipStore } from '../../../src/storage/sips';
import { TABLES } from '../../../src/storage/tables';
import { MemoryTables } from './table';

/** The SIP store over memory tables: the real class, only the tables underneath are in memory (test/protocol/sip-store.test.ts holds both to the same assertions). */
export function memorySipStore(tables = new MemoryTables()): SipStore {
  const c = (name: string) => tables.client(name) as unknown as TableClient;
  return new SipStore(c(TABLES.sips), c(TABLES.sipPrint));
}
