import type { AdaptiveCardJson } from '../../src/cards/render';
import type { Organisation } from '../../src/domain/organisation';
import { loadOrganisation } from '../../src/domain/organisation/load';
import type { TurnInfo } from '../../src/features/shared/turn';
import { t } from '../../src/i18n';
import { createLogger, type Logger } from '../../src/logger';
import { Scheduler } from '../../src/scheduler';
import { type MemoryStores, memoryStores } from './memory';
import { RecordingGroupChannel } from './memory/channel';
import { turnInfo } from './turn';

/**
 * What the features' in-process use-case tests share: the demo organisation
 * in one tenant, its people and groups by name, empty memory stores, a real
 * scheduler on the memory job store, a recording GroupChannel, a settable
 * clock, and the turns of a personal chat and a linked channel.
 */

export const TENANT = 'tenant-a';
/** Convener of every demo group, with the right to record consent. */
export const ALEX = '00000000-0000-0000-0000-0000000000020';
/** Member of the operative group, with the right to record consent. */
export const MEGAN = '00000000-0000-0000-0000-0000000000021';
/** Member of the tactical group (samverkansgrupp) only. */
export const ADELE = '00000000-0000-0000-0000-0000000000022';
/** In no group. */
export const ISAIAH = '00000000-0000-0000-0000-0000000000023';
export const TACTICAL = 'samverkansgrupp';
export const TACTICAL_CHANNEL = '19:samverkan@thread.tacv2';
export const OPERATIVE = 'operativ';
export const OPERATIVE_CHANNEL = '19:operativ@thread.tacv2';

export const TEST_CONFIG = {
  PUBLIC_URL: 'https://samverkan.example.se/',
  HOST: '127.0.0.1',
  PORT: 3978,
  IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef',
};

let demo: Organisation | undefined;

/** The demo organisation in TENANT, read once: the use cases never change it. */
export function demoOrganisation(): Organisation {
  if (demo) return demo;
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  demo = { ...r.organisation, tenantId: TENANT };
  return demo;
}

export interface BaseWorld {
  organisation: Organisation;
  clock: { now: Date };
  now: () => Date;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  scheduler: Scheduler;
  logger: Logger;
}

/** Empty stores at `at`; `links` are the channels linked to groups (conversation id, group id), linked by Alex. */
export async function baseWorld(at: string, links: ReadonlyArray<readonly [string, string]> = []): Promise<BaseWorld> {
  const organisation = demoOrganisation();
  const clock = { now: new Date(at) };
  const now = () => clock.now;
  const stores = memoryStores();
  const logger = createLogger({ level: 'silent' });
  const channel = new RecordingGroupChannel({ organisation });
  const scheduler = new Scheduler({ jobs: stores.jobs, clock: now, logger });
  for (const [conversationId, groupId] of links) {
    await stores.channelLinks.link({ tenantId: TENANT, conversationId, groupId, linkedBy: ALEX, linkedAt: clock.now.toISOString() });
  }
  return { organisation, clock, now, stores, channel, scheduler, logger };
}

/** A user's personal chat with the bot. */
export function personal(aadObjectId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return turnInfo({ tenantId: TENANT, aadObjectId, userId: `29:${aadObjectId.slice(-2)}`, conversationId: `a:${aadObjectId}`, ...over });
}

/** A message in a linked channel (the tactical group's unless told). */
export function inChannel(aadObjectId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  const channelId = over.channelId ?? TACTICAL_CHANNEL;
  return personal(aadObjectId, {
    conversationKind: 'channel',
    conversationId: `${channelId};messageid=1`,
    channelId,
    mentioned: true,
    ...over,
  });
}

/** Which card this is (the id of its first element). */
export function kindOf(card: AdaptiveCardJson | string | undefined): string | undefined {
  return typeof card === 'object' ? (card as { body?: Array<{ id?: string }> }).body?.[0]?.id : undefined;
}

/** The card as text, to look for what it says. */
export function text(card: unknown): string {
  return JSON.stringify(card ?? {});
}

/** What a string says in Swedish, the language of the test turns and channels. */
export function says(key: string, params: Record<string, string | number> = {}): string {
  return t('sv', key, params);
}
