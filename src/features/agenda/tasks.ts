import { DateTime } from 'luxon';
import type { Meeting } from '../../domain/meetings/meeting';
import { openTasks, type Task } from '../../domain/minutes/minutes';
import type { AgendaDeps } from './group-meeting';

/**
 * The minutes' tasks after finalising: open ones are carried to the next
 * agenda and minutes until a later meeting marks them done, and each is
 * reminded of at 09:00 on its due date.
 */

/** The job kind of a task's reminder on its due date (stored jobs carry it). */
export const TASK_KINDS = { due: 'reminders.actionDue' } as const;

/** Open tasks of the group's earlier finalised minutes (all but `exceptMeetingId`'s). */
export async function carriedTasks(
  deps: Pick<AgendaDeps, 'minutes'>,
  tenantId: string,
  groupId: string,
  exceptMeetingId: string,
): Promise<Task[]> {
  return openTasks((await deps.minutes.actionsOf(tenantId, groupId)).filter((task) => task.meetingId !== exceptMeetingId));
}

/** A reminder on each task's due date that is still ahead; the job's id is the task's, so planning twice plans one. */
export async function scheduleTaskReminders(deps: Pick<AgendaDeps, 'scheduler' | 'now'>, m: Meeting, tasks: Task[]): Promise<void> {
  const now = deps.now();
  const requests = tasks
    .map((task) => ({ task, due: DateTime.fromISO(task.due, { zone: m.timeZone }).set({ hour: 9 }) }))
    .filter(({ due }) => due.toMillis() > now.getTime())
    .map(({ task, due }) => ({
      id: `${TASK_KINDS.due}:${m.groupId}:${task.id}`,
      kind: TASK_KINDS.due,
      dueAt: due.toJSDate(),
      payload: { tenantId: m.tenantId, groupId: m.groupId, actionId: task.id },
    }));
  if (requests.length) await deps.scheduler.scheduleAll(requests);
}
