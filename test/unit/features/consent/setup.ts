import type { AdaptiveCardJson } from '../../../../src/cards/render';
import type { Organisation } from '../../../../src/domain/organisation';
import { loadOrganisation } from '../../../../src/domain/organisation/load';
import type { GateDeps } from '../../../../src/features/consent/gate';
import type { BotServices } from '../../../../src/features/shared/services';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import { createLogger } from '../../../../src/logger';
import { asReal, memoryStores, type MemoryStores } from '../../../support/memory';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn, turnInfo } from '../../../support/turn';

export const TENANT = 'tenant-a';
/** In the demo organisation: convener of every group (operativ included), with the right to record consent. */
export const ALEX = '00000000-0000-0000-0000-0000000000020';
/** Member of the operative group, with the right to record consent. */
export const MEGAN = '00000000-0000-0000-0000-0000000000021';
/** Member of the tactical group only. */
export const ADELE = '00000000-0000-0000-0000-0000000000022';
/** The operative group's channel and the tactical group's. */
export const OPERATIVE_CHANNEL = '19:operativ@thread.tacv2';
export const TACTICAL_CHANNEL = '19:samverkan@thread.tacv2';

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { ...r.organisation, tenantId: TENANT };
}

export interface World {
  /** The consent feature's deps, and the channel links the Turn reads its group from. */
  deps: GateDeps & Pick<BotServices, 'channelLinks'>;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  clock: { now: Date };
}

/** The demo organisation in one tenant, empty memory stores, a recording channel, a settable clock (10 March 2026). */
export async function world(): Promise<World> {
  const organisation = demo();
  const clock = { now: new Date('2026-03-10T09:00:00Z') };
  const now = () => clock.now;
  const stores = memoryStores();
  const channel = new RecordingGroupChannel({ organisation });
  const real = asReal(stores);
  const deps: World['deps'] = {
    organisation,
    consents: real.consents,
    audit: real.audit,
    channelLinks: real.channelLinks,
    channel,
    now,
    logger: createLogger({ level: 'silent' }),
    config: { IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef' },
  };
  for (const [conversationId, groupId] of [
    [OPERATIVE_CHANNEL, 'operativ'],
    [TACTICAL_CHANNEL, 'samverkansgrupp'],
  ] as const) {
    await stores.channelLinks.link({ tenantId: TENANT, conversationId, groupId, linkedBy: ALEX, linkedAt: clock.now.toISOString() });
  }
  return { deps, stores, channel, clock };
}

/** A user's personal chat with the bot. */
export function personal(aadObjectId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return turnInfo({ tenantId: TENANT, aadObjectId, userId: `user-${aadObjectId.slice(-2)}`, conversationId: `a:${aadObjectId}`, ...over });
}

/** A message in a channel. */
export function inChannel(aadObjectId: string, channelId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return personal(aadObjectId, {
    conversationKind: 'channel',
    conversationId: `${channelId};messageid=1`,
    channelId,
    mentioned: true,
    ...over,
  });
}

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, w.deps);
}

/** Which card this is (the id of its first element). */
export function kindOf(card: AdaptiveCardJson | string): string | undefined {
  return typeof card === 'string' ? undefined : (card as { body?: Array<{ id?: string }> }).body?.[0]?.id;
}

/** The element with this id, anywhere in the card. */
export function findById(card: unknown, id: string): Record<string, any> | undefined {
  let hit: Record<string, any> | undefined;
  JSON.stringify(card, (_k, v) => {
    if (!hit && v && typeof v === 'object' && (v as { id?: string }).id === id) hit = v;
    return v;
  });
  return hit;
}

/** What the consent form sends, for one subject; override a field per case. */
export function formValues(over: Record<string, string> = {}): Record<string, string> {
  return {
    subjectPersonnummer: '150312-1236',
    subjectName: 'Kalle Testsson',
    groupIds: 'operativ',
    validFrom: '',
    validUntil: '2026-06-30',
    parties: 'guardian1,guardian2',
    purpose: 'Samordning kring skolgång och stöd',
    informationCategories: 'Skolgång, hälsa',
    exclusions: '',
    form: 'written',
    documentRef: 'Dnr SN 2026/14',
    ...over,
  };
}
