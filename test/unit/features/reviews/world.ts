import type { AdaptiveCardJson } from '../../../../src/cards/render';
import { RateLimiter } from '../../../../src/delivery/rate-limiter';
import type { Organisation } from '../../../../src/domain/organisation';
import { loadOrganisation } from '../../../../src/domain/organisation/load';
import type { GateDeps } from '../../../../src/features/consent/gate';
import type { DigestDeps } from '../../../../src/features/digest/weekly';
import type { GroupsDeps } from '../../../../src/features/groups/view';
import type { BotServices } from '../../../../src/features/shared/services';
import type { ReviewsDeps } from '../../../../src/features/reviews/rows';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import { createLogger } from '../../../../src/logger';
import { Scheduler } from '../../../../src/scheduler';
import { asJobStore, asReal, memoryStores, type MemoryStores } from '../../../support/memory';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn, turnInfo } from '../../../support/turn';
import { TENANT, TEST_CONFIG } from '../../../support/world';

/**
 * The world the reviews, digest and groups tests run in: the demo
 * organisation in one tenant, memory stores, a real scheduler on the memory
 * job store, a recording channel, and a Bot Connector that keeps the
 * digest's cards.
 */

export { ADELE, ALEX, ISAIAH, MEGAN, OPERATIVE_CHANNEL, TENANT } from '../../../support/world';

export type Deps = ReviewsDeps & GateDeps & GroupsDeps & DigestDeps;

/** A card the digest fan-out delivered, with the key it was sent under. */
export interface Delivered {
  conversationId: string;
  card: AdaptiveCardJson;
  key: string;
}

export interface World {
  deps: Deps;
  organisation: Organisation;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  clock: { now: Date };
  /** Cards the fan-out delivered; a key seen before is absorbed, as the connector does. */
  delivered: Delivered[];
}

export function demo(change: (org: Organisation) => Organisation = (o) => o): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return change({ ...r.organisation, tenantId: TENANT });
}

/** A world at 22 November 2026 (the demo's riktlinje is due 4 December): `options.hasChat` limits who has a chat with the bot. */
export function world(options: { organisation?: Organisation; hasChat?: (aad: string) => boolean } = {}): World {
  const organisation = options.organisation ?? demo();
  const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
  const now = () => clock.now;
  const stores = memoryStores();
  const real = asReal(stores);
  const logger = createLogger({ level: 'silent' });
  const channel = new RecordingGroupChannel({ organisation, hasChat: options.hasChat });
  const delivered: Delivered[] = [];
  const deps: Deps = {
    organisation,
    ...real,
    channel,
    now,
    logger,
    scheduler: new Scheduler({ jobs: asJobStore(stores.jobs), logger, clock: now }),
    config: {
      IDENTIFIER_KEY: TEST_CONFIG.IDENTIFIER_KEY,
      DIGEST_WEEKDAY: 1,
      DIGEST_TIME: '07:00',
      FANOUT_LEASE_MS: 60_000,
    },
    limiter: new RateLimiter({ appPerSecond: 1000, conversationPerSecond: 1000, sleep: async () => {} }),
    proactive: {
      async sendCardOnce(reference, card, key) {
        const conversationId = String((reference as { conversation?: { id?: string } }).conversation?.id);
        if (!delivered.some((d) => d.key === key)) delivered.push({ conversationId, card, key });
        return `activity-${delivered.length}`;
      },
      async createPersonal() {
        return undefined;
      },
    },
  };
  return { deps, organisation, stores, channel, clock, delivered };
}

/** A personal chat of `aad` with the bot, saved as the edge saves it. */
export async function chatWith(w: World, aad: string, locale = 'sv-SE'): Promise<void> {
  const conversationId = `a:${aad}`;
  await w.stores.conversationReferences.save({
    tenantId: TENANT,
    conversationId,
    conversationType: 'personal',
    userAadObjectId: aad,
    reference: { conversation: { id: conversationId }, serviceUrl: 'https://smba.example/', locale },
    updatedAt: w.clock.now.toISOString(),
  });
}

/** A user's personal chat. */
export function personal(aadObjectId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return turnInfo({ tenantId: TENANT, aadObjectId, userId: `user-${aadObjectId.slice(-2)}`, conversationId: `a:${aadObjectId}`, ...over });
}

/** A message in a channel, the bot mentioned. */
export function inChannel(aadObjectId: string, channelId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return personal(aadObjectId, {
    conversationKind: 'channel',
    conversationId: `${channelId};messageid=1`,
    channelId,
    teamId: 'team-1',
    mentioned: true,
    ...over,
  });
}

/** The deps as the handlers' context types them (the whole BotServices): the handlers read only what `Deps` holds. */
export function services(w: World): BotServices {
  return w.deps as unknown as BotServices;
}

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, w.deps);
}

/** Which card this is (the id of its first element). */
export function kindOf(card: AdaptiveCardJson | string): string | undefined {
  return typeof card === 'string' ? undefined : (card as { body?: Array<{ id?: string }> }).body?.[0]?.id;
}

export const text = (x: unknown) => JSON.stringify(x ?? {});

/** Every job the scheduler holds: its id, kind, due time and payload. */
export function scheduled(w: World): Array<{ id: string; kind: string; dueAt: string; payload: Record<string, unknown> }> {
  return Object.entries(w.stores.tables.dump())
    .filter(([name]) => /^Jobs\d{8}$/.test(name))
    .flatMap(([, rows]) =>
      rows.map((e) => ({
        id: String(e.id),
        kind: String(e.kind),
        dueAt: String(e.dueAt),
        payload: JSON.parse(String(e.payload)) as Record<string, unknown>,
      })),
    );
}
