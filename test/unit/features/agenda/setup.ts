import type { Meeting } from '../../../../src/domain/meetings/meeting';
import type { AgendaDeps } from '../../../../src/features/agenda/group-meeting';
import { book, type BookingDeps } from '../../../../src/features/meetings/booking';
import type { BotServices } from '../../../../src/features/shared/services';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import type { MemoryStores } from '../../../support/memory';
import type { RecordingGroupChannel } from '../../../support/memory/channel';
import { fakeTurn } from '../../../support/turn';
import {
  ALEX,
  baseWorld,
  OPERATIVE,
  OPERATIVE_CHANNEL,
  personal,
  TACTICAL,
  TACTICAL_CHANNEL,
  TENANT,
  TEST_CONFIG,
} from '../../../support/world';

export {
  ADELE,
  ALEX,
  inChannel,
  ISAIAH,
  kindOf,
  MEGAN,
  OPERATIVE,
  OPERATIVE_CHANNEL,
  personal,
  says,
  TACTICAL,
  TACTICAL_CHANNEL,
  TENANT,
  text,
} from '../../../support/world';

export interface World {
  deps: AgendaDeps & BookingDeps & Pick<BotServices, 'channelLinks'>;
  stores: MemoryStores;
  channel: RecordingGroupChannel;
  clock: { now: Date };
}

/**
 * The demo organisation in one tenant on 20 November 2026, empty memory
 * stores, a real scheduler on a memory job store, and a recording channel in
 * which every group has `channel:<groupId>`; the tactical and operative
 * groups are linked to their Teams channels, so a turn there has the group.
 */
export async function world(): Promise<World> {
  const b = await baseWorld('2026-11-20T09:00:00Z', [
    [TACTICAL_CHANNEL, TACTICAL],
    [OPERATIVE_CHANNEL, OPERATIVE],
  ]);
  const { stores } = b;
  const deps: World['deps'] = {
    organisation: b.organisation,
    meetings: stores.meetings,
    calendarFeeds: stores.calendarFeeds,
    agendas: stores.agendas,
    minutes: stores.minutes,
    consents: stores.consents,
    audit: stores.audit,
    channelLinks: stores.channelLinks,
    channel: b.channel,
    scheduler: b.scheduler,
    now: b.now,
    logger: b.logger,
    config: TEST_CONFIG as AgendaDeps['config'],
  };
  return { deps, stores, channel: b.channel, clock: b.clock };
}

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, w.deps);
}

/** Books one meeting of a group (the tactical one unless told) on 10 December 2026, 13:00–14:30 local time; answers it as stored. */
export async function booked(w: World, groupId = TACTICAL): Promise<Meeting> {
  const turn = turnIn(w, personal(ALEX, { activityId: `book-${groupId}` }));
  await book(w.deps, turn, { groupId, date: '2026-12-10', time: '13:00', durationMinutes: 90 });
  const found = (await w.stores.meetings.listGroup(TENANT, groupId, {}))[0];
  if (!found) throw new Error('not booked');
  return found;
}

/** The meeting as stored now. */
export async function reread(w: World, m: Meeting): Promise<Meeting> {
  return (await w.stores.meetings.get(m.tenantId, m.groupId, m.id))!;
}
