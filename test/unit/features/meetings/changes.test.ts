import { describe, expect, it } from 'vitest';
import { reminderJobId, REMINDER_KINDS } from '../../../../src/domain/meetings/reminders';
import { meetingCancel, meetingRsvp } from '../../../../src/features/meetings/actions';
import { book } from '../../../../src/features/meetings/booking';
import { cancelMeeting, moveMeeting, rsvp } from '../../../../src/features/meetings/changes';
import type { BotServices } from '../../../../src/features/shared/services';
import { ADELE, ALEX, booked, ISAIAH, kindOf, meetingsOf, personal, says, TACTICAL, text, turnIn, world, type World } from './setup';

async function jobPlanned(w: World, id: string): Promise<boolean> {
  return (await w.stores.jobs.findById(id)) !== undefined;
}

describe('answering a meeting', () => {
  it("keeps the member's answer, updates the channel card for everyone and shows the member their answer", async () => {
    const w = await world();
    const m = await booked(w);
    const card = await rsvp(w.deps, turnIn(w, personal(ADELE)), m.id, 'yes');
    const [stored] = await meetingsOf(w);
    expect(stored!.rsvp).toEqual({ [ADELE]: 'yes' });
    expect(w.channel.updates).toHaveLength(1);
    expect(w.channel.updates[0]!.posted).toEqual(m.card);
    expect(text(w.channel.updates[0]!.message)).toContain(says('meetings.answers', { yes: 1, maybe: 0, no: 0 }));
    expect(text(card)).toContain(says('meetings.yourAnswer', { answer: says('meetings.answerWords.yes') }));
  });

  it('refuses someone outside the group before looking the meeting up, and changes nothing', async () => {
    const w = await world();
    const m = await booked(w);
    const turn = turnIn(w, personal(ISAIAH));
    const card = await meetingRsvp.handle({
      turn,
      info: turn.info,
      services: w.deps as unknown as BotServices,
      data: { meetingId: m.id, answer: 'yes' },
    });
    expect(kindOf(card)).toBe('not-allowed');
    expect((await meetingsOf(w))[0]!.rsvp).toEqual({});
    expect(w.channel.updates).toEqual([]);
  });

  it('does not take an answer for a meeting that is over', async () => {
    const w = await world();
    const m = await booked(w);
    w.clock.now = new Date('2026-12-11T09:00:00Z');
    const card = await rsvp(w.deps, turnIn(w, personal(ADELE)), m.id, 'no');
    expect(text(card)).toContain(says('meetings.notices.past'));
    expect((await meetingsOf(w))[0]!.rsvp).toEqual({});
  });
});

describe('moving a meeting', () => {
  it('moves it, plans its reminders anew, updates the card and says so in its thread once', async () => {
    const w = await world();
    const m = await booked(w);
    const posts = w.channel.sent.length;
    const card = await moveMeeting(w.deps, turnIn(w, personal(ALEX)), m, { date: '2026-12-11' });
    const [moved] = await meetingsOf(w);
    expect(moved).toMatchObject({ start: '2026-12-11T12:00:00.000Z', sequence: 1 });
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, m.id, 0))).toBe(false);
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, m.id, 1))).toBe(true);
    expect(w.channel.updates.map((u) => u.posted)).toEqual([m.card]);
    const notice = says('meetings.notices.moved', { from: '2026-12-10 13:00' });
    const replies = w.channel.sent.slice(posts);
    expect(replies).toMatchObject([{ kind: 'reply', threadOf: m.card!.activityId }]);
    expect(text(replies[0]!.message)).toContain(notice);
    expect(text(card)).toContain(notice);

    // The same move again (a resent activity, a second click): nothing changes, nobody is told twice.
    await moveMeeting(w.deps, turnIn(w, personal(ALEX)), moved!, { date: '2026-12-11' });
    expect((await meetingsOf(w))[0]!.sequence).toBe(1);
    expect(w.channel.sent.length).toBe(posts + 1);
  });

  it('only a convener may move it; a time already past is refused', async () => {
    const w = await world();
    const m = await booked(w);
    expect(text(await moveMeeting(w.deps, turnIn(w, personal(ADELE)), m, { date: '2026-12-11' }))).toContain(
      says('meetings.notices.onlyConveners'),
    );
    expect(text(await moveMeeting(w.deps, turnIn(w, personal(ALEX)), m, { date: '2026-11-19', time: '10:00' }))).toContain('2026-11-19');
    expect((await meetingsOf(w))[0]).toMatchObject({ start: m.start, sequence: 0 });
    expect(w.channel.updates).toEqual([]);
  });
});

describe('cancelling', () => {
  async function series(w: World) {
    const input = { groupId: TACTICAL, date: '2026-12-03', time: '13:00', durationMinutes: 60, recurrence: 'custom', rrule: 'x' };
    const dates = '2026-12-03\n2026-12-10\n2026-12-17';
    await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'series-1' })), { ...input, confirm: true, dates });
    return meetingsOf(w);
  }

  it('one meeting: marks it cancelled, drops its reminders and says so in its thread', async () => {
    const w = await world();
    const m = await booked(w);
    const card = await cancelMeeting(w.deps, turnIn(w, personal(ALEX)), m, 'one');
    expect((await meetingsOf(w))[0]!.status).toBe('cancelled');
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, m.id, 0))).toBe(false);
    expect(w.channel.sent.filter((s) => s.kind === 'reply')).toHaveLength(1);
    expect(text(card)).toContain(says('meetings.notices.cancelled'));
    expect(text(await cancelMeeting(w.deps, turnIn(w, personal(ALEX)), (await meetingsOf(w))[0]!, 'one'))).toContain(
      says('meetings.notices.alreadyCancelled'),
    );
  });

  const click = (w: World, data: { meetingId: string; scope: 'one' | 'series'; confirm?: 'yes' }) => {
    const turn = turnIn(w, personal(ALEX));
    return meetingCancel.handle({ turn, info: turn.info, services: w.deps as unknown as BotServices, data });
  };

  it("the card's button asks first (Ställ in mötet / Behåll) and cancels nothing until confirmed", async () => {
    const w = await world();
    const m = await booked(w);
    const question = await click(w, { meetingId: m.id, scope: 'one' });
    expect(kindOf(question)).toBe('meeting');
    const s = text(question);
    expect(s).toContain(says('meetings.labels.confirmQuestion'));
    expect(s).toMatch(/"verb":"meeting.cancel","title":"Ställ in mötet","style":"destructive"[^}]*"data":\{[^}]*"confirm":"yes"/);
    expect(s).toMatch(/"verb":"meeting.refresh","title":"Behåll"/);
    // A single meeting has no series to choose, and the question is not refreshed away.
    expect(s).not.toContain('"id":"scope"');
    expect(question.refresh).toMatchObject({ userIds: [] });
    expect((await meetingsOf(w))[0]!.status).toBe('scheduled');
    expect(w.channel.updates).toEqual([]);
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, m.id, 0))).toBe(true);
    const done = await click(w, { meetingId: m.id, scope: 'one', confirm: 'yes' });
    expect(text(done)).toContain(says('meetings.notices.cancelled'));
    expect((await meetingsOf(w))[0]!.status).toBe('cancelled');
  });

  it('the rest of a series from the card button: asked which meetings, later ones go, earlier ones stay', async () => {
    const w = await world();
    const [first, second, third] = await series(w);
    const question = text(await click(w, { meetingId: second!.id, scope: 'one' }));
    expect(question).toContain('"id":"scope"');
    expect(question).toContain(says('meetings.labels.scopeOne'));
    expect(question).toContain(says('meetings.labels.scopeSeries'));
    expect((await meetingsOf(w)).map((m) => m.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const card = await click(w, { meetingId: second!.id, scope: 'series', confirm: 'yes' });
    expect((await meetingsOf(w)).map((m) => m.status)).toEqual(['scheduled', 'cancelled', 'cancelled']);
    expect(text(card)).toContain(says('meetings.notices.seriesCancelled', { count: 2 }));
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, first!.id, 0))).toBe(true);
    expect(await jobPlanned(w, reminderJobId(REMINDER_KINDS.dayBefore, third!.id, 0))).toBe(false);
  });

  it('a member may not cancel', async () => {
    const w = await world();
    const m = await booked(w);
    expect(text(await cancelMeeting(w.deps, turnIn(w, personal(ADELE)), m, 'one'))).toContain(says('meetings.notices.onlyConveners'));
    expect((await meetingsOf(w))[0]!.status).toBe('scheduled');
  });
});
