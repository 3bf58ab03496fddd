import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import { REMINDER_KINDS } from '../../../../src/domain/meetings/reminders';
import { moveMeeting } from '../../../../src/features/meetings/changes';
import { agendaReminder, cardJob, channelReminder, type ReminderPayload } from '../../../../src/features/meetings/jobs';
import { messageKey } from '../../../../src/features/shared/channel';
import type { JobContext } from '../../../../src/scheduler';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import { ALEX, booked, meetingsOf, personal, says, TACTICAL, text, turnIn, world } from './setup';

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

const dayBefore = new Date('2026-12-09T08:00:00Z');

describe('the day-before reminder', () => {
  it("replies in the card's thread under a key made of the job's and the channel's, once", async () => {
    const w = await world();
    const m = await booked(w);
    const ctx = job(m, REMINDER_KINDS.dayBefore, dayBefore);
    expect(await channelReminder(w.deps, ctx)).toBeUndefined();
    const reminder = w.channel.sent.at(-1)!;
    expect(reminder).toMatchObject({ kind: 'post', conversationId: m.card!.conversationId, threadOf: m.card!.activityId });
    expect(reminder.key).toBe(messageKey(ctx.idempotencyKey, m.card!.conversationId));
    expect(text(reminder.message)).toContain(says('meetings.notices.dayBefore'));
    expect((await meetingsOf(w))[0]!.reminded[REMINDER_KINDS.dayBefore]).toBe(0);

    const sent = w.channel.sent.length;
    expect(await channelReminder(w.deps, ctx)).toBe('skipped');
    expect(w.channel.sent.length).toBe(sent);
  });

  it('does nothing for a meeting moved since the job was planned, or for a group that has no channel', async () => {
    const w = await world();
    const m = await booked(w);
    await moveMeeting(w.deps, turnIn(w, personal(ALEX)), m, { date: '2026-12-11' });
    const sent = w.channel.sent.length;
    expect(await channelReminder(w.deps, job(m, REMINDER_KINDS.dayBefore, dayBefore))).toBe('skipped');
    expect(w.channel.sent.length).toBe(sent);

    const [moved] = await meetingsOf(w);
    const nowhere = new RecordingGroupChannel({ organisation: w.deps.organisation, channelOf: () => undefined });
    const withoutCard = { ...moved!, card: undefined };
    await w.stores.meetings.update(moved!.tenantId, moved!.groupId, moved!.id, () => withoutCard);
    expect(await channelReminder({ ...w.deps, channel: nowhere }, job(moved!, REMINDER_KINDS.dayBefore, dayBefore))).toBe('skipped');
    expect(nowhere.sent).toEqual([]);
  });
});

describe("the conveners' agenda reminder", () => {
  it('tells each convener with a chat privately, keyed by the job and the convener, and marks it sent', async () => {
    const w = await world();
    const m = await booked(w);
    const ctx = job(m, REMINDER_KINDS.agenda, new Date('2026-12-07T08:00:00Z'));
    expect(await agendaReminder(w.deps, ctx)).toBeUndefined();
    const told = w.channel.toldTo(ALEX);
    expect(told).toHaveLength(1);
    expect(told[0]!.key).toBe(messageKey(ctx.idempotencyKey, 'alex.wilber'));
    expect(text(told[0]!.message)).toContain(says('meetings.notices.agendaDue', { days: 3 }).slice(0, 30));
    expect((await meetingsOf(w))[0]!.reminded[REMINDER_KINDS.agenda]).toBe(0);
    expect(await agendaReminder(w.deps, ctx)).toBe('skipped');
    expect(w.channel.toldTo(ALEX)).toHaveLength(1);
  });

  it('is skipped once the agenda is published', async () => {
    const w = await world();
    const m = await booked(w);
    await w.stores.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, agendaStatus: 'published' }));
    expect(await agendaReminder(w.deps, job(m, REMINDER_KINDS.agenda, new Date('2026-12-07T08:00:00Z')))).toBe('skipped');
    expect(w.channel.sent.filter((s) => s.kind === 'tell')).toEqual([]);
  });
});

describe('the card job', () => {
  it('posts the card of a meeting that has none in the group channel and records it; skips one that has', async () => {
    const w = await world();
    const m = await booked(w);
    await w.stores.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, card: undefined }));
    const [bare] = await meetingsOf(w);
    const posts = w.channel.sent.length;
    expect(await cardJob(w.deps, job(bare!, REMINDER_KINDS.card, new Date('2026-11-26T08:00:00Z')))).toBeUndefined();
    const post = w.channel.sent[posts]!;
    expect(post).toMatchObject({ kind: 'post', groupId: TACTICAL });
    expect((await meetingsOf(w))[0]!.card).toEqual({ conversationId: post.conversationId, activityId: post.activityId });
    expect(await cardJob(w.deps, job(bare!, REMINDER_KINDS.card, new Date('2026-11-26T08:00:00Z')))).toBe('skipped');
    expect(w.channel.sent.length).toBe(posts + 1);
  });
});
