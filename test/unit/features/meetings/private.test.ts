import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import { REMINDER_KINDS } from '../../../../src/domain/meetings/reminders';
import type { Minutes } from '../../../../src/domain/minutes/minutes';
import { postSummary } from '../../../../src/features/agenda/finalize';
import { proposalMeeting, upcomingMeeting } from '../../../../src/features/agenda/group-meeting';
import { cancelMeeting, moveMeeting, rsvp } from '../../../../src/features/meetings/changes';
import { INVITED, refreshChannelCard } from '../../../../src/features/meetings/channel-card';
import { cardJob, channelReminder, type ReminderPayload } from '../../../../src/features/meetings/jobs';
import { meetingsView } from '../../../../src/features/meetings/views';
import type { JobContext } from '../../../../src/scheduler';
import { OPERATIVE } from '../../../support/world';
import { ALEX, MEGAN, personal, says, TENANT, text, turnIn, world, type World } from './setup';

/**
 * A private meeting (a SIP booked for its invited members only): Teams lets
 * a bot start one-to-one chats but not group chats, so its card, its changes
 * and its day-before reminder go to each invitee's personal chat with the
 * bot, and nothing to the group's channel.
 */

const INVITEES = ['alex.wilber', 'megan.bowen'];

async function privateMeeting(w: World): Promise<Meeting> {
  const now = w.clock.now.toISOString();
  const m: Meeting = {
    id: `${OPERATIVE}.privatemeet1`,
    tenantId: TENANT,
    groupId: OPERATIVE,
    start: '2026-12-10T12:00:00.000Z',
    end: '2026-12-10T13:30:00.000Z',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 90,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: MEGAN,
    createdAt: now,
    updatedAt: now,
    reminded: {},
    invitees: INVITEES,
  };
  await w.stores.meetings.create(m);
  return (await w.stores.meetings.get(TENANT, OPERATIVE, m.id))!;
}

function job(m: Meeting, kind: string, now: Date): JobContext<ReminderPayload> {
  return {
    id: `${kind}:${m.id}:${m.sequence}`,
    kind,
    payload: { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id, sequence: m.sequence },
    dueAt: now,
    idempotencyKey: `job-${kind}-${m.id}-${m.sequence}`,
    attempt: 1,
    now,
    signal: new AbortController().signal,
  };
}

const toChannel = (w: World) => w.channel.sent.filter((s) => s.kind !== 'tell');
const told = (w: World, person: string) => w.channel.sent.filter((s) => s.kind === 'tell' && s.personId === person);

describe('a private meeting: each invitee in their personal chat, nothing in the channel', () => {
  it('the booking sends the card to each invitee once; the card job of the same version sends nothing more', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    await refreshChannelCard(w.deps, m, { post: true });
    expect(toChannel(w)).toEqual([]);
    for (const p of INVITEES) expect(told(w, p)).toHaveLength(1);
    expect(text(told(w, 'megan.bowen')[0]!.message)).toContain(says('meetings.labels.yes'));
    const stored = (await w.stores.meetings.get(TENANT, OPERATIVE, m.id))!;
    expect(stored.reminded[INVITED]).toBe(0);
    expect(stored.card).toBeUndefined();

    const sent = w.channel.sent.length;
    await refreshChannelCard(w.deps, stored, { post: true });
    expect(await cardJob(w.deps, job(stored, REMINDER_KINDS.card, w.clock.now))).toBe('skipped');
    expect(w.channel.sent.length).toBe(sent);
  });

  it('the day before, each invitee is reminded in their chat, once, and the channel gets nothing', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    const ctx = job(m, REMINDER_KINDS.dayBefore, new Date('2026-12-09T08:00:00Z'));
    expect(await channelReminder(w.deps, ctx)).toBeUndefined();
    expect(toChannel(w)).toEqual([]);
    for (const p of INVITEES) {
      expect(told(w, p)).toHaveLength(1);
      expect(text(told(w, p)[0]!.message)).toContain(says('meetings.notices.dayBefore'));
    }
    expect(await channelReminder(w.deps, ctx)).toBe('skipped');
    expect(w.channel.sent.filter((s) => s.kind === 'tell')).toHaveLength(2);
  });

  it('an invitee answers from their personal chat; the answer is kept and nothing is posted in the channel', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    const card = await rsvp(w.deps, turnIn(w, personal(MEGAN)), m.id, 'yes');
    expect((await w.stores.meetings.get(TENANT, OPERATIVE, m.id))!.rsvp[MEGAN]).toBe('yes');
    expect(text(card)).toContain(says('meetings.yourAnswer', { answer: says('meetings.answerWords.yes') }));
    expect(toChannel(w)).toEqual([]);
  });

  it('moved or cancelled: the invitees are told in their chats, with the notice; the channel hears nothing', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    await refreshChannelCard(w.deps, m, { post: true });
    await moveMeeting(w.deps, turnIn(w, personal(ALEX)), (await w.stores.meetings.get(TENANT, OPERATIVE, m.id))!, { date: '2026-12-11' });
    const moved = (await w.stores.meetings.get(TENANT, OPERATIVE, m.id))!;
    expect(moved.sequence).toBe(1);
    for (const p of INVITEES) expect(told(w, p)).toHaveLength(2);
    expect(text(told(w, 'alex.wilber')[1]!.message)).toMatch(/2026-12-10/);
    // The moved card was the invitation of the new version: its card job sends nothing more.
    expect(moved.reminded[INVITED]).toBe(1);
    expect(await cardJob(w.deps, job(moved, REMINDER_KINDS.card, w.clock.now))).toBe('skipped');

    await cancelMeeting(w.deps, turnIn(w, personal(ALEX)), moved, 'one');
    for (const p of INVITEES) expect(told(w, p)).toHaveLength(3);
    expect(text(told(w, 'megan.bowen')[2]!.message)).toContain(says('meetings.notices.cancelled'));
    expect(toChannel(w)).toEqual([]);
  });

  it('its finalised minutes’ summary goes to the invitees, not to the channel; under one key each however often it is retried', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    const minutes = {
      tenantId: TENANT,
      groupId: OPERATIVE,
      meetingId: m.id,
      status: 'final',
      attendees: INVITEES,
      notes: {},
      decisions: [],
      actions: [],
      sip: [],
      closedActions: [],
      updatedAt: w.clock.now.toISOString(),
    } as unknown as Minutes;
    expect(await postSummary(w.deps, m, minutes)).toBeDefined();
    await postSummary(w.deps, m, minutes);
    expect(toChannel(w)).toEqual([]);
    for (const p of INVITEES) {
      const keys = told(w, p).map((s) => s.key);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
    }
    // The same minutes of a channel meeting go to the channel.
    const inChannel = await postSummary(w.deps, { ...m, invitees: undefined }, minutes);
    expect(inChannel?.conversationId).toBe(`channel:${OPERATIVE}`);
  });

  it('is not the group’s next meeting for its agenda, proposals or a risk period’s checklist: the next ordinary one is', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    const deps = { meetings: w.stores.meetings, minutes: w.stores.minutes, now: w.deps.now };
    expect(await proposalMeeting(deps, TENANT, OPERATIVE)).toBeUndefined();
    expect(await upcomingMeeting(deps, TENANT, OPERATIVE)).toBeUndefined();
    const ordinary = { ...m, id: `${OPERATIVE}.ordinarymeet1`, start: '2026-12-15T12:00:00.000Z', end: '2026-12-15T13:00:00.000Z' };
    delete ordinary.invitees;
    delete ordinary.etag;
    await w.stores.meetings.create(ordinary);
    expect((await proposalMeeting(deps, TENANT, OPERATIVE))?.id).toBe(ordinary.id);
    expect((await upcomingMeeting(deps, TENANT, OPERATIVE))?.id).toBe(ordinary.id);
  });
});

describe('a private meeting in `möten`', () => {
  it('is listed to its invitees in their personal chat, not to other members of the group', async () => {
    const w = await world();
    const m = await privateMeeting(w);
    await w.stores.meetings.update(TENANT, OPERATIVE, m.id, (cur) => ({ ...cur, invitees: ['megan.bowen'] }));
    const ordinary = { ...m, id: `${OPERATIVE}.ordinarymeet2`, start: '2026-12-15T12:00:00.000Z', end: '2026-12-15T13:00:00.000Z' };
    delete ordinary.invitees;
    delete ordinary.etag;
    await w.stores.meetings.create(ordinary);
    const listed = async (info: Parameters<typeof turnIn>[1]) => text(await meetingsView(w.deps, turnIn(w, info)));
    // The card names meetings by their time: the private one on Thursday 10 December, the ordinary one on the 15th.
    const megan = await listed(personal(MEGAN));
    expect(megan).toContain('tors 10 dec. 13:00');
    expect(megan).toContain('tis 15 dec. 13:00');
    // Alex convenes the group but was not invited.
    const alex = await listed(personal(ALEX));
    expect(alex).toContain('tis 15 dec. 13:00');
    expect(alex).not.toContain('tors 10 dec.');
  });
});
