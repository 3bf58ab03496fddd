import { describe, expect, it } from 'vitest';
import { reminderJobId, REMINDER_KINDS } from '../../../../src/domain/meetings/reminders';
import { book, scheduleForm } from '../../../../src/features/meetings/booking';
import { schedule } from '../../../../src/features/meetings/schedule-command';
import type { BotServices } from '../../../../src/features/shared/services';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import {
  ADELE,
  ALEX,
  inChannel,
  kindOf,
  meetingsOf,
  personal,
  says,
  TACTICAL,
  TACTICAL_CHANNEL,
  text,
  turnIn,
  world,
  type World,
} from './setup';

const slot = { groupId: TACTICAL, date: '2026-12-10', time: '13:00', durationMinutes: 90 };

async function planned(w: World, id: string): Promise<string | undefined> {
  const ref = await w.stores.jobs.findById(id);
  return ref ? (await w.stores.jobs.get(ref))?.status : undefined;
}

describe('booking a meeting', () => {
  it('in the group channel: stores the local time as UTC, plans its reminders, and answers with the invitation itself', async () => {
    const w = await world();
    const outcome = await book(w.deps, turnIn(w, inChannel(ALEX, { activityId: 'act-1' })), { ...slot, location: 'Kommunhuset' });
    const [m] = await meetingsOf(w);
    expect(m).toMatchObject({ start: '2026-12-10T12:00:00.000Z', timeZone: 'Europe/Stockholm', status: 'scheduled', createdBy: ALEX });
    expect(m!.location).toBe('Kommunhuset');
    expect(outcome.channelCardOf?.id).toBe(m!.id);
    expect(kindOf(outcome.card)).toBe('meeting');
    expect(text(outcome.card)).toContain(says('meetings.notices.booked'));
    // The turn's own answer is the card: nothing goes through the channel.
    expect(w.channel.sent).toEqual([]);
    expect(await planned(w, reminderJobId(REMINDER_KINDS.dayBefore, m!.id, 0))).toBe('pending');
  });

  it('from a personal chat: posts the card in the group channel once and records where it landed', async () => {
    const w = await world();
    const turn = turnIn(w, personal(ALEX, { activityId: 'act-2' }));
    const outcome = await book(w.deps, turn, slot);
    const [m] = await meetingsOf(w);
    expect(w.channel.sent).toHaveLength(1);
    const post = w.channel.sent[0]!;
    expect(post).toMatchObject({ kind: 'post', groupId: TACTICAL, conversationId: `channel:${TACTICAL}` });
    expect(kindOf(post.message)).toBe('meeting');
    expect(m!.card).toEqual({ conversationId: post.conversationId, activityId: post.activityId });
    expect(text(outcome.card)).toContain(says('meetings.notices.bookedPosted'));
    expect(outcome.alreadyAnswered).toBeUndefined();

    // Teams resends the same activity: the same meeting, nothing posted again, answered as before.
    const again = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-2' })), slot);
    expect(again.alreadyAnswered).toBe(true);
    expect(await meetingsOf(w)).toHaveLength(1);
    expect(w.channel.sent).toHaveLength(1);
  });

  it('says so when the group has no channel to post in, and books all the same', async () => {
    const w = await world();
    const noChannel = new RecordingGroupChannel({ organisation: w.deps.organisation, channelOf: () => undefined });
    const outcome = await book({ ...w.deps, channel: noChannel }, turnIn(w, personal(ALEX, { activityId: 'act-3' })), slot);
    const [m] = await meetingsOf(w);
    expect(m!.card).toBeUndefined();
    expect(noChannel.sent).toEqual([]);
    expect(text(outcome.card)).toContain(says('meetings.notices.bookedNoChannel', { groupId: TACTICAL }));
  });

  it('refuses a member who does not convene the group, and books nothing', async () => {
    const w = await world();
    const outcome = await book(w.deps, turnIn(w, personal(ADELE, { activityId: 'act-4' })), slot);
    expect(kindOf(outcome.card)).toBe('not-allowed');
    expect(await meetingsOf(w)).toEqual([]);
  });

  it('answers a group that does not exist, a time already past and a place naming a child with no booking', async () => {
    const w = await world();
    const turn = turnIn(w, personal(ALEX));
    expect(kindOf((await book(w.deps, turn, { ...slot, groupId: 'nope' })).card)).toBe('error');
    const past = await book(w.deps, turn, { ...slot, date: '2026-11-19' });
    expect(kindOf(past.card)).toBe('schedule-form');
    expect(text(past.card)).toContain('2026-11-19');
    const refused = await book(w.deps, turn, { ...slot, location: 'Hemma hos 150312-1236' });
    expect(kindOf(refused.card)).toBe('consent-refusal');
    expect(text(refused.card)).not.toContain('150312-1236');
    expect(await meetingsOf(w)).toEqual([]);
  });

  it('proposes a series from a rule without booking, then books the dates the convener confirmed', async () => {
    const w = await world();
    const rule = { ...slot, recurrence: 'custom', rrule: 'FREQ=WEEKLY;COUNT=3' };
    const proposed = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-5' })), rule);
    expect(kindOf(proposed.card)).toBe('schedule-form');
    expect(text(proposed.card)).toContain('2026-12-24 13:00');
    expect(await meetingsOf(w)).toEqual([]);

    const dates = '2026-12-10 13:00\n2026-12-17 13:00\n2027-01-07 10:00';
    const booked = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-6' })), { ...rule, confirm: true, dates });
    const all = await meetingsOf(w);
    expect(all.map((m) => m.start)).toEqual(['2026-12-10T12:00:00.000Z', '2026-12-17T12:00:00.000Z', '2027-01-07T09:00:00.000Z']);
    expect(new Set(all.map((m) => m.seriesId)).size).toBe(1);
    expect(all[0]!.seriesId).toBeTruthy();
    expect(kindOf(booked.card)).toBe('meeting-list');
    // Only the first is shown in the channel now; the others come with their card job.
    expect(w.channel.sent.map((s) => s.kind)).toEqual(['post']);
  });

  it("offers plain repetitions, and the group's plan only as a plan: never a label made of a fallback", async () => {
    const w = await world();
    const choices = (card: unknown) =>
      [...text(card).matchAll(/"title":"([^"]*)","value":"(none|weekly|biweekly|monthly|cadence|custom)"/g)].map((m) => `${m[2]}: ${m[1]}`);
    // In a personal chat the convener of three groups has not chosen one: the plan is the chosen group's.
    const noGroup = choices(await scheduleForm(w.deps, turnIn(w, personal(ALEX))));
    expect(noGroup).toEqual([
      `none: ${says('meetings.form.recurrence.none')}`,
      `weekly: ${says('meetings.form.recurrence.weekly')}`,
      `biweekly: ${says('meetings.form.recurrence.biweekly')}`,
      `monthly: ${says('meetings.form.recurrence.monthly')}`,
      `cadence: ${says('meetings.form.recurrence.cadenceChosen')}`,
    ]);
    expect(noGroup.join()).not.toContain(`(${says('meetings.form.recurrence.none')})`);
    // In the group's channel, with a date: the plan in words, and which weekday of the month a monthly series keeps.
    const here = choices(await scheduleForm(w.deps, turnIn(w, inChannel(ALEX)), { date: '2026-12-10' }));
    expect(here).toContain('monthly: Varje månad, andra torsdagen');
    expect(here).toContain('cadence: Enligt gruppens mötesplan (6 gånger per år)');
    // A group that meets as needed has no plan to offer.
    const asNeeded = {
      ...w.deps.organisation,
      groups: w.deps.organisation.groups.map((g) => ({ ...g, cadence: { kind: 'asNeeded' as const } })),
    };
    const none = choices(await scheduleForm({ organisation: asNeeded }, turnIn(w, inChannel(ALEX))));
    expect(none.map((c) => c.split(':')[0])).toEqual(['none', 'weekly', 'biweekly', 'monthly']);
  });

  it('proposes every other week and monthly on the same weekday from the plain choices, booking nothing yet', async () => {
    const w = await world();
    const dates = (card: unknown) => /"id":"dates"[^}]*?"value":"([^"]*)"/.exec(text(card))?.[1]?.split('\\n') ?? [];
    const biweekly = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-b' })), { ...slot, recurrence: 'biweekly' });
    expect(kindOf(biweekly.card)).toBe('schedule-form');
    // 2026-12-24 and 2027-01-07 fall in the Christmas break and are left out (and said so on the card).
    expect(dates(biweekly.card).slice(0, 2)).toEqual(['2026-12-10 13:00', '2027-01-21 13:00']);
    expect(text(biweekly.card)).toContain('2027-01-07');
    const monthly = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-m' })), { ...slot, recurrence: 'monthly' });
    // The second Thursday of each month.
    expect(dates(monthly.card).slice(0, 3)).toEqual(['2026-12-10 13:00', '2027-01-14 13:00', '2027-02-11 13:00']);
    const plan = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-p' })), { ...slot, recurrence: 'cadence' });
    expect(dates(plan.card).length).toBeGreaterThan(2);
    expect(await meetingsOf(w)).toEqual([]);
  });

  it('shows the confirmed dates back with what is wrong in them', async () => {
    const w = await world();
    const input = { ...slot, recurrence: 'custom', rrule: 'FREQ=WEEKLY;COUNT=3', confirm: true, dates: '2026-12-10\nsoon' };
    const outcome = await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'act-7' })), input);
    expect(kindOf(outcome.card)).toBe('schedule-form');
    expect(text(outcome.card)).toContain('soon');
    expect(await meetingsOf(w)).toEqual([]);
  });

  it('the form preselects the group here for its convener, and says a member may not book', async () => {
    const w = await world();
    const chosen = (card: unknown) => /"id":"groupId"[^}]*?"value":"([^"]*)"/.exec(text(card))?.[1];
    expect(chosen(await scheduleForm(w.deps, turnIn(w, inChannel(ALEX))))).toBe(TACTICAL);
    // In a personal chat the convener of three groups chooses.
    expect(chosen(await scheduleForm(w.deps, turnIn(w, personal(ALEX))))).toBe('');
    expect(kindOf(await scheduleForm(w.deps, turnIn(w, personal(ADELE))))).toBe('not-allowed');
  });
});

describe('the boka command', () => {
  const quick = { name: 'schedule', action: 'quick', date: '2026-12-10', time: '13:00', durationMinutes: 90 } as const;

  it('books in the channel and records the answered card as the invitation', async () => {
    const w = await world();
    const turn = turnIn(w, inChannel(ALEX, { activityId: 'act-8' }));
    await schedule({ turn, info: turn.info, services: w.deps as unknown as BotServices, command: quick as never });
    const [m] = await meetingsOf(w);
    expect(turn.sent).toHaveLength(1);
    expect(m!.card).toEqual({ conversationId: TACTICAL_CHANNEL, activityId: 'sent-1' });
  });

  it('a resent activity answers nothing new', async () => {
    const w = await world();
    const first = turnIn(w, inChannel(ALEX, { activityId: 'act-9' }));
    await schedule({ turn: first, info: first.info, services: w.deps as unknown as BotServices, command: quick as never });
    const again = turnIn(w, inChannel(ALEX, { activityId: 'act-9' }));
    await schedule({ turn: again, info: again.info, services: w.deps as unknown as BotServices, command: quick as never });
    expect(again.sent).toEqual([]);
    expect(await meetingsOf(w)).toHaveLength(1);
  });

  it('moving a date with no meeting says there is none', async () => {
    const w = await world();
    const turn = turnIn(w, inChannel(ALEX));
    const command = { name: 'schedule', action: 'move', args: '2026-12-10 2026-12-11' };
    await schedule({ turn, info: turn.info, services: w.deps as unknown as BotServices, command: command as never });
    expect(kindOf(turn.sent[0])).toBe('error');
    expect(text(turn.sent[0])).toContain(says('meetings.quick.notFound', { date: '2026-12-10' }));
  });
});
