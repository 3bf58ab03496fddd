import type { AdaptiveCardJson } from '../../../../src/cards/render';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import type { Organisation } from '../../../../src/domain/organisation';
import { loadOrganisation } from '../../../../src/domain/organisation/load';
import type { BookingDeps } from '../../../../src/features/meetings/booking';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import { t } from '../../../../src/i18n';
import { createLogger } from '../../../../src/logger';
import type { ChannelLinkStore } from '../../../../src/storage/channel-links';
import { Scheduler } from '../../../../src/scheduler';
import { asJobStore, asReal, memoryStores, type MemoryStores } from '../../../support/memory';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn, turnInfo } from '../../../support/turn';

export const TENANT = 'tenant-a';
/** Convener of every demo group. */
export const ALEX = '00000000-0000-0000-0000-0000000000020';
/** Member of the operative group. */
export const MEGAN = '00000000-0000-0000-0000-0000000000021';
/** Member of the tactical group (samverkansgrupp) only. */
export const ADELE = '00000000-0000-0000-0000-0000000000022';
/** In no group. */
export const ISAIAH = '00000000-0000-0000-0000-0000000000023';
export const TACTICAL = 'samverkansgrupp';
export const TACTICAL_CHANNEL = '19:samverkan@thread.tacv2';

let demoOrganisation: Organisation | undefined;

/** The demo organisation in TENANT, read once per file: the use cases never change it. */
function demo(): Organisation {
  if (demoOrganisation) return demoOrganisation;
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  demoOrganisation = { ...r.organisation, tenantId: TENANT };
  return demoOrganisation;
}

export interface World {
  deps: BookingDeps;
  /** Where the turns look up the group here. */
  channelLinks: Pick<ChannelLinkStore, 'get'>;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  clock: { now: Date };
}

/**
 * The demo organisation in one tenant on 20 November 2026, empty memory
 * stores, a real scheduler on a memory job store, and a recording channel in
 * which every group has `channel:<groupId>` (the tactical group's is also
 * linked as TACTICAL_CHANNEL, so a turn there has that group here).
 */
export async function world(): Promise<World> {
  const organisation = demo();
  const clock = { now: new Date('2026-11-20T09:00:00Z') };
  const now = () => clock.now;
  const stores = memoryStores();
  const real = asReal(stores);
  const logger = createLogger({ level: 'silent' });
  const channel = new RecordingGroupChannel({ organisation });
  const deps: BookingDeps = {
    organisation,
    meetings: real.meetings,
    calendarFeeds: real.calendarFeeds,
    consents: real.consents,
    audit: real.audit,
    channel,
    scheduler: new Scheduler({ jobs: asJobStore(stores.jobs), clock: now, logger }),
    now,
    logger,
    config: {
      PUBLIC_URL: 'https://samverkan.example.se/',
      HOST: '127.0.0.1',
      PORT: 3978,
      IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef',
    },
  };
  await stores.channelLinks.link({
    tenantId: TENANT,
    conversationId: TACTICAL_CHANNEL,
    groupId: TACTICAL,
    linkedBy: ALEX,
    linkedAt: clock.now.toISOString(),
  });
  return { deps, channelLinks: real.channelLinks, stores, channel, clock };
}

/** A user's personal chat with the bot; `activityId` makes the booking's ids. */
export function personal(aadObjectId: string, over: Partial<TurnInfo> = {}): TurnInfo {
  return turnInfo({ tenantId: TENANT, aadObjectId, userId: `29:${aadObjectId.slice(-2)}`, conversationId: `a:${aadObjectId}`, ...over });
}

/** A message in a channel (the tactical group's unless told). */
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

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, { organisation: w.deps.organisation, channelLinks: w.channelLinks as ChannelLinkStore });
}

/** Every meeting of a group, by start. */
export async function meetingsOf(w: World, groupId = TACTICAL): Promise<Meeting[]> {
  return w.stores.meetings.listGroup(TENANT, groupId, {});
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

/** Books one meeting in the tactical group from Alex's personal chat (its card posted in the group's channel); answers it as stored. */
export async function booked(w: World, o: { date?: string; time?: string; activityId?: string } = {}): Promise<Meeting> {
  const { book } = await import('../../../../src/features/meetings/booking');
  const activityId = o.activityId ?? `book-${o.date ?? '2026-12-10'}-${o.time ?? '13:00'}`;
  const turn = turnIn(w, personal(ALEX, { activityId }));
  await book(w.deps, turn, { groupId: TACTICAL, date: o.date ?? '2026-12-10', time: o.time ?? '13:00', durationMinutes: 90 });
  const found = (await meetingsOf(w)).find((m) => m.start.startsWith(o.date ?? '2026-12-10'));
  if (!found) throw new Error('not booked');
  return found;
}
