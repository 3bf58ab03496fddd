import { beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import { REMINDER_KINDS } from '../../../../src/domain/meetings/reminders';
import { minutesReminder, taskDue, type MinutesReminderPayload, type TaskDuePayload } from '../../../../src/features/agenda/jobs';
import { saveMinutes } from '../../../../src/features/agenda/minutes';
import { TASK_KINDS } from '../../../../src/features/agenda/tasks';
import { meetingWhen } from '../../../../src/features/meetings/cards';
import { messageKey } from '../../../../src/features/shared/channel';
import type { JobContext } from '../../../../src/scheduler';
import { RecordingGroupChannel } from '../../../support/memory/channel';
import { ADELE, ALEX, booked, inChannel, reread, says, TACTICAL, TENANT, text, turnIn, world, type World } from './setup';

function job<P>(kind: string, payload: P, key: string): JobContext<P> {
  const now = new Date('2026-12-16T08:00:00Z');
  return { id: key, kind, payload, dueAt: now, idempotencyKey: key, attempt: 1, now, signal: new AbortController().signal };
}

let w: World;
let m: Meeting;
beforeEach(async () => {
  w = await world();
  m = await booked(w);
  w.clock.now = new Date('2026-12-16T08:00:00Z');
});

const reminderOf = (meeting: Meeting) =>
  job<MinutesReminderPayload>(
    REMINDER_KINDS.minutes,
    { tenantId: meeting.tenantId, groupId: meeting.groupId, meetingId: meeting.id, sequence: meeting.sequence },
    `minutes-${meeting.id}-${meeting.sequence}`,
  );

describe('the reminder of missing minutes', () => {
  it("tells each convener with a chat, under the job's key and the convener, once", async () => {
    const ctx = reminderOf(m);
    expect(await minutesReminder(w.deps, ctx)).toBeUndefined();
    const told = w.channel.toldTo('alex.wilber');
    expect(told).toHaveLength(1);
    expect(told[0]!.key).toBe(messageKey(ctx.idempotencyKey, 'alex.wilber'));
    expect(text(told[0]!.message)).toContain(says('minutes.reminders.missing', { when: meetingWhen(m, 'sv').when }));
    expect((await reread(w, m)).reminded[REMINDER_KINDS.minutes]).toBe(m.sequence);
    expect(w.channel.toldTo(ADELE)).toEqual([]);

    const sent = w.channel.sent.length;
    expect(await minutesReminder(w.deps, ctx)).toBe('skipped');
    expect(w.channel.sent.length).toBe(sent);
  });

  it('is skipped once the minutes are final, and for a meeting moved since', async () => {
    await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, decisions: 'Inget nytt.' }, 'final');
    const sent = w.channel.sent.length;
    expect(await minutesReminder(w.deps, reminderOf(m))).toBe('skipped');
    expect(await minutesReminder(w.deps, reminderOf({ ...m, sequence: m.sequence + 1 }))).toBe('skipped');
    expect(w.channel.sent.length).toBe(sent);
  });

  it('is skipped, though marked, when no convener has a chat with the bot', async () => {
    const nobody = new RecordingGroupChannel({ organisation: w.deps.organisation, hasChat: () => false });
    expect(await minutesReminder({ ...w.deps, channel: nobody }, reminderOf(m))).toBe('skipped');
    expect(nobody.sent).toEqual([]);
    expect((await reread(w, m)).reminded[REMINDER_KINDS.minutes]).toBe(m.sequence);
  });
});

describe("a task's reminder on its due date", () => {
  async function finalisedTask(line: string) {
    await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, actions: line }, 'final');
    const [task] = await w.stores.minutes.actionsOf(TENANT, TACTICAL);
    return task!;
  }
  const dueOf = (actionId: string) =>
    job<TaskDuePayload>(TASK_KINDS.due, { tenantId: TENANT, groupId: TACTICAL, actionId }, `due-${actionId}`);

  it('tells the owner the organisation knows, under the job key and the owner', async () => {
    const task = await finalisedTask('Bjud in BUP; Adele Vance; 2027-02-01');
    const ctx = dueOf(task.id);
    expect(await taskDue(w.deps, ctx)).toBeUndefined();
    const told = w.channel.toldTo('adele.vance');
    expect(told.map((s) => s.message)).toEqual([says('minutes.reminders.actionDue', { group: 'Samverkansgrupp', what: 'Bjud in BUP' })]);
    expect(told[0]!.key).toBe(messageKey(ctx.idempotencyKey, 'adele.vance'));
    expect(w.channel.toldTo('alex.wilber')).toEqual([]);
  });

  it('tells the conveners when the owner is not someone the bot can reach', async () => {
    const task = await finalisedTask('Bjud in BUP; Rektor Ek; 2027-02-01');
    expect(task.whoPersonId).toBeUndefined();
    expect(await taskDue(w.deps, dueOf(task.id))).toBeUndefined();
    expect(w.channel.toldTo('alex.wilber').map((s) => s.message)).toEqual([
      says('minutes.reminders.actionDue', { group: 'Samverkansgrupp', what: 'Bjud in BUP' }),
    ]);
  });

  it("tells the conveners of another group that owns the task (a working group), not the minutes' group", async () => {
    const task = await finalisedTask('Ta fram rutin; Operativ grupp; 2027-02-01');
    expect(task.whoPersonId).toBeUndefined();
    const organisation = {
      ...w.deps.organisation,
      groups: w.deps.organisation.groups.map((g) => (g.id === 'operativ' ? { ...g, conveners: ['megan.bowen'] } : g)),
    };
    const channel = new RecordingGroupChannel({ organisation });
    expect(await taskDue({ ...w.deps, organisation, channel }, dueOf(task.id))).toBeUndefined();
    expect(channel.toldTo('megan.bowen').map((s) => s.message)).toEqual([
      says('minutes.reminders.actionDue', { group: 'Samverkansgrupp', what: 'Ta fram rutin' }),
    ]);
    expect(channel.toldTo('alex.wilber')).toEqual([]);
  });

  it('is skipped for a task done or unknown', async () => {
    const task = await finalisedTask('Bjud in BUP; Adele Vance; 2027-02-01');
    await w.stores.minutes.markDone(TENANT, TACTICAL, [task.id], '2026-12-20T10:00:00Z');
    expect(await taskDue(w.deps, dueOf(task.id))).toBe('skipped');
    expect(await taskDue(w.deps, dueOf('a-unknown'))).toBe('skipped');
    expect(w.channel.sent.filter((s) => s.kind === 'tell')).toEqual([]);
  });
});
