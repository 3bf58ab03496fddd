import type { AdaptiveCardJson } from '../../../../src/cards/render';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import type { Organisation } from '../../../../src/domain/organisation';
import { loadOrganisation } from '../../../../src/domain/organisation/load';
import type { AgendaDeps } from '../../../../src/features/agenda/group-meeting';
import { book, type BookingDeps } from '../../../../src/features/meetings/booking';
import type { BotServices } from '../../../../src/features/shared/services';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import { t } from '../../../../src/i18n';
import { createLogger } from '../../../../src/logger';
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
export const OPERATIVE = 'operativ';
export const OPERATIVE_CHANNEL = '19:operativ@thread.tacv2';

let demoOrganisation: Organisation | undefined;

function demo(): Organisation {
  if (demoOrganisation) return demoOrganisation;
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  demoOrganisation = { ...r.organisation, tenantId: TENANT };
  return demoOrganisation;
}

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
  const organisation = demo();
  const clock = { now: new Date('2026-11-20T09:00:00Z') };
  const now = () => clock.now;
  const stores = memoryStores();
  const real = asReal(stores);
  const logger = createLogger({ level: 'silent' });
  const channel = new RecordingGroupChannel({ organisation });
  const deps: World['deps'] = {
    organisation,
    meetings: real.meetings,
    calendarFeeds: real.calendarFeeds,
    agendas: real.agendas,
    minutes: real.minutes,
    consents: real.consents,
    audit: real.audit,
    channelLinks: real.channelLinks,
    channel,
    scheduler: new Scheduler({ jobs: asJobStore(stores.jobs), clock: now, logger }),
    now,
    logger,
    config: {
      PUBLIC_URL: 'https://samverkan.example.se/',
      HOST: '127.0.0.1',
      PORT: 3978,
      IDENTIFIER_KEY: 'test-identifier-key-0123456789abcdef',
    } as AgendaDeps['config'],
  };
  for (const [conversationId, groupId] of [
    [TACTICAL_CHANNEL, TACTICAL],
    [OPERATIVE_CHANNEL, OPERATIVE],
  ] as const) {
    await stores.channelLinks.link({ tenantId: TENANT, conversationId, groupId, linkedBy: ALEX, linkedAt: clock.now.toISOString() });
  }
  return { deps, stores, channel, clock };
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

export function turnIn(w: World, info: TurnInfo) {
  return fakeTurn(info, w.deps);
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
