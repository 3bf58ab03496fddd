/**
 * `npm run bench -- consents` (or `npx tsx bench/consent-register.bench.ts`):
 * the consent register (`samtycke lista` and its next page, issue 17) at
 * 20,000 consents over the operative groups of a 100-group organisation, on
 * the real ConsentStore over memory tables (Azurite seeds 20,000 consents
 * too slowly for a short run; see scale.bench.ts), and with
 * REGISTER_AZURITE=1 also 2,000 consents on Azurite. Measures, for the
 * person who convenes every group and for the convener of one group: the
 * first page and the eleventh (reached by following the card's own
 * next-page data), p50 and p99, the storage requests and the rows the
 * queries answered.
 */
import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { AdaptiveCardJson } from '../src/cards/render';
import { consentListFor, consentListPage } from '../src/features/consent/register';
import type { BotServices } from '../src/features/shared/services';
import { createLogger } from '../src/logger';
import { AuditLog } from '../src/storage/audit';
import { startAzurite } from '../src/storage/azurite';
import { ChannelLinkStore } from '../src/storage/channel-links';
import { ConsentStore } from '../src/storage/consents';
import { TABLES, TableStore } from '../src/storage/tables';
import { MemoryTables } from '../test/support/memory';
import { BUSY, personAad, SCALE_TENANT, scaledOrganisation, seedConsents } from '../test/support/scale';
import { fakeTurn, turnInfo } from '../test/support/turn';
import { summarise } from './stats';

const NOW = new Date('2026-11-20T09:00:00Z');
const RUNS = Number(process.env.REGISTER_RUNS ?? 15);
const GROUPS = 100;

/** Requests and the rows queries answered, over every TableClient. */
class Counter {
  requests = 0;
  rows = 0;
  /** Rows the consent tables answered (Consents, ConsentIndex): the register's own cost, apart from the audit counts. */
  consentRows = 0;
  wrap(client: TableClient, name = ''): TableClient {
    const consentTable = name === TABLES.consents || name === TABLES.consentIndex;
    return new Proxy(client, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || !/Entit|Transaction/.test(prop)) return value;
        return (...args: unknown[]) => {
          this.requests += 1;
          const out = value.apply(target, args);
          if (prop !== 'listEntities') return out;
          const iterable = out as AsyncIterable<unknown> & { byPage(s?: unknown): AsyncIterableIterator<unknown[]> };
          const counter = this;
          return {
            async *[Symbol.asyncIterator]() {
              for await (const e of iterable) {
                counter.rows += 1;
                if (consentTable) counter.consentRows += 1;
                yield e;
              }
            },
            async *byPage(settings?: unknown) {
              for await (const page of iterable.byPage(settings)) {
                counter.rows += page.length;
                if (consentTable) counter.consentRows += page.length;
                yield page;
              }
            },
          };
        };
      },
    });
  }
}

/** The data of the card's `consent.listPage` button, if it has one. */
function nextPageData(card: AdaptiveCardJson): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.verb === 'consent.listPage' && o.data && typeof o.data === 'object') found = o.data as Record<string, unknown>;
    else for (const x of Array.isArray(v) ? v : Object.values(o)) walk(x);
  };
  walk(card);
  return found;
}

async function measure(consentCount: number, connectionString: string | undefined) {
  const org = scaledOrganisation(GROUPS);
  const counter = new Counter();
  const mem = new MemoryTables();
  const store = connectionString ? new TableStore(connectionString, `cr${randomBytes(4).toString('hex')}`) : undefined;
  if (store) await store.ensureTables([TABLES.consents, TABLES.consentIndex, TABLES.audit, TABLES.auditByGroup, TABLES.channelLinks]);
  const c = (name: string) => counter.wrap(store ? store.client(name) : (mem.client(name) as unknown as TableClient), name);
  const consents = new ConsentStore(c(TABLES.consents), c(TABLES.consentIndex));
  const t0 = performance.now();
  await seedConsents(consents, org, consentCount, NOW, {
    concurrency: store ? 8 : 16,
    ...(store ? { tables: { consents: c(TABLES.consents), index: c(TABLES.consentIndex) } } : {}),
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  const services = {
    organisation: org,
    consents,
    audit: new AuditLog(c(TABLES.audit), c(TABLES.auditByGroup)),
    channelLinks: new ChannelLinkStore(c(TABLES.channelLinks)),
    now: () => NOW,
    logger: createLogger({ level: 'silent' }),
    config: { IDENTIFIER_KEY: 'bench-identifier-key-0123456789abcdef' },
  } as unknown as BotServices;
  const personal = (aad: string) =>
    fakeTurn(turnInfo({ tenantId: SCALE_TENANT, aadObjectId: aad, userId: `29:${aad}`, conversationId: `a:${aad}` }), services);

  const nextPage = (aad: string, data: Record<string, unknown>) => {
    const turn = personal(aad);
    return consentListPage.handle({ services, turn, info: turn.info, data: consentListPage.schema.parse(data) });
  };
  async function timed(aad: string, page: number) {
    const times: number[] = [];
    let requests = 0;
    let rows = 0;
    let consentRows = 0;
    let shown = 0;
    for (let r = 0; r < RUNS; r++) {
      // Pages before the measured one are followed outside the timing, by the card's own next-page data.
      let data: Record<string, unknown> | undefined;
      for (let p = 0; p < page; p++) {
        const card = data ? await nextPage(aad, data) : await consentListFor(services, personal(aad));
        data = nextPageData(card);
        if (!data) throw new Error(`no page ${page + 1}`);
      }
      const before = { requests: counter.requests, rows: counter.rows, consentRows: counter.consentRows };
      const t = performance.now();
      const card = data ? await nextPage(aad, data) : await consentListFor(services, personal(aad));
      times.push(performance.now() - t);
      requests = counter.requests - before.requests;
      rows = counter.rows - before.rows;
      consentRows = counter.consentRows - before.consentRows;
      shown = (JSON.stringify(card).match(/\*\*SAM-/g) ?? []).length;
    }
    const s = summarise(times);
    return { p50: s.p50, p99: s.p99, requests, rows, consentRows, shown };
  }

  // The convener of one operative group (group 2: people p00020…): its consents only, and its last full page but one at most.
  const oneGroup = personAad(20);
  const perGroup = consentCount / org.groups.filter((g) => g.level === 'operative').length;
  const later = Math.max(1, Math.min(10, Math.floor(perGroup / 25) - 1));
  // The register's read alone, first page, without the card, the audit row and the gate's counts.
  const operative = org.groups.filter((g) => g.level === 'operative').map((g) => g.id);
  const store_ = consents as unknown as {
    listRegister?: (t: string, g: string[], a: string, n: number, o?: { wide?: boolean }) => Promise<unknown>;
    listForGroups: (t: string, g: string[]) => Promise<unknown>;
  };
  const readOnly = async (groupIds: string[]) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      if (store_.listRegister) await store_.listRegister(SCALE_TENANT, groupIds, '', 25, { wide: groupIds.length > 8 });
      else await store_.listForGroups(SCALE_TENANT, groupIds);
      times.push(performance.now() - t);
    }
    const s = summarise(times);
    return { p50: s.p50, p99: s.p99 };
  };
  return {
    storeReadEveryGroup: await readOnly(operative),
    storeReadOneGroup: await readOnly([operative[0]!]),
    size: `${consentCount} consents over ${org.groups.filter((g) => g.level === 'operative').length} operative groups, ${store ? 'Azurite' : 'memory'}`,
    seedSeconds,
    everyGroupFirst: await timed(BUSY, 0),
    everyGroupPage11: await timed(BUSY, 10),
    oneGroupFirst: await timed(oneGroup, 0),
    oneGroupLaterPage: later + 1,
    oneGroupLater: await timed(oneGroup, later),
  };
}

export async function runConsentRegisterBench(): Promise<unknown> {
  const results: unknown[] = [];
  if (process.env.REGISTER_MEMORY !== '0') results.push(await measure(Number(process.env.REGISTER_CONSENTS ?? 20_000), undefined));
  if (process.env.REGISTER_AZURITE === '1') {
    const azurite = await startAzurite();
    try {
      results.push(await measure(Number(process.env.REGISTER_AZURITE_CONSENTS ?? 2_000), azurite.connectionString));
    } finally {
      await azurite.stop();
    }
  }
  return results;
}

if (require.main === module)
  runConsentRegisterBench()
    .then((r) => console.log(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v), 2)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
