/**
 * `npm run figures:backfill`: fills the digest's figures from the rows
 * stored before they were kept, once, against the configured storage
 * (ENV_NAME, ORG_CONFIG, STORAGE_CONNECTION_STRING, TABLE_PREFIX as for the
 * bot). Safe to run twice, and while the bot runs: it sets facts by id.
 */
import { loadConfigOrExit } from '../src/config';
import { loadOrganisationOrThrow } from '../src/features/shared/organisation';
import { MinutesStore } from '../src/storage/agendas';
import { ConsentStore } from '../src/storage/consents';
import { FiguresStore } from '../src/storage/figures';
import { MeetingStore } from '../src/storage/meetings';
import { TABLES, TableStore } from '../src/storage/tables';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.STORAGE_CONNECTION_STRING) throw new Error('STORAGE_CONNECTION_STRING: required to backfill the figures');
  const org = loadOrganisationOrThrow(config.ORG_CONFIG);
  const store = new TableStore(config.STORAGE_CONNECTION_STRING, config.TABLE_PREFIX);
  await store.ensureTables([TABLES.figures]);
  const figures = new FiguresStore(store.client(TABLES.figures), org.timeZone, {
    meetings: new MeetingStore(store.client(TABLES.meetings)),
    minutes: new MinutesStore(store.client(TABLES.minutes), store.client(TABLES.actions), store.client(TABLES.minutesPrint)),
    consents: new ConsentStore(store.client(TABLES.consents), store.client(TABLES.consentIndex)),
    auditTable: store.client(TABLES.audit),
  });
  const summary = await figures.backfill(
    org.tenantId ?? '',
    org.groups.map((g) => g.id),
    new Date(),
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((err) => {
  process.stderr.write(`figures backfill failed: ${(err as Error).message}\n`);
  process.exit(1);
});
