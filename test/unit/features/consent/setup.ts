import type { AdaptiveCardJson } from '../../../../src/cards/render';
import type { GateDeps } from '../../../../src/features/consent/gate';
import type { BotServices } from '../../../../src/features/shared/services';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import type { MemoryStores } from '../../../support/memory';
import type { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn, turnInfo } from '../../../support/turn';
import { baseWorld, OPERATIVE, OPERATIVE_CHANNEL, TACTICAL, TACTICAL_CHANNEL, TENANT, TEST_CONFIG } from '../../../support/world';

export { ADELE, ALEX, MEGAN, OPERATIVE_CHANNEL, TACTICAL_CHANNEL, TENANT } from '../../../support/world';

export interface World {
  /** The consent feature's deps, and the channel links the Turn reads its group from. */
  deps: GateDeps & Pick<BotServices, 'channelLinks'>;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  clock: { now: Date };
}

/** The demo organisation in one tenant, empty memory stores, a recording channel, a settable clock (10 March 2026). */
export async function world(): Promise<World> {
  const b = await baseWorld('2026-03-10T09:00:00Z', [
    [OPERATIVE_CHANNEL, OPERATIVE],
    [TACTICAL_CHANNEL, TACTICAL],
  ]);
  const deps: World['deps'] = {
    organisation: b.organisation,
    consents: b.stores.consents,
    audit: b.stores.audit,
    channelLinks: b.stores.channelLinks,
    channel: b.channel,
    now: b.now,
    logger: b.logger,
    config: { IDENTIFIER_KEY: TEST_CONFIG.IDENTIFIER_KEY },
  };
  return { deps, stores: b.stores, channel: b.channel, clock: b.clock };
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
