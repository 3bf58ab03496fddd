import type { Meeting } from '../../../../src/domain/meetings/meeting';
import type { BookingDeps } from '../../../../src/features/meetings/booking';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import type { ChannelLinkStore } from '../../../../src/storage/channel-links';
import type { MemoryStores } from '../../../support/memory';
import type { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn } from '../../../support/turn';
import { ALEX, baseWorld, personal, TACTICAL, TACTICAL_CHANNEL, TENANT, TEST_CONFIG } from '../../../support/world';

export {
  ADELE,
  ALEX,
  inChannel,
  ISAIAH,
  kindOf,
  MEGAN,
  personal,
  says,
  TACTICAL,
  TACTICAL_CHANNEL,
  TENANT,
  text,
} from '../../../support/world';

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
  const b = await baseWorld('2026-11-20T09:00:00Z', [[TACTICAL_CHANNEL, TACTICAL]]);
  const { stores } = b;
  const deps: BookingDeps = {
    organisation: b.organisation,
    meetings: stores.meetings,
    calendarFeeds: stores.calendarFeeds,
    consents: stores.consents,
    audit: stores.audit,
    channel: b.channel,
    scheduler: b.scheduler,
    now: b.now,
    logger: b.logger,
    config: TEST_CONFIG,
  };
  return { deps, channelLinks: stores.channelLinks, stores, channel: b.channel, clock: b.clock };
}

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, { organisation: w.deps.organisation, channelLinks: w.channelLinks as ChannelLinkStore });
}

/** Every meeting of a group, by start. */
export async function meetingsOf(w: World, groupId = TACTICAL): Promise<Meeting[]> {
  return w.stores.meetings.listGroup(TENANT, groupId, {});
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
