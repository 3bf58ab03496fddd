import { findGroup, type Group, type Organisation } from '../../domain/organisation';
import { REMINDER_KINDS } from '../../domain/meetings/reminders';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { meetingWhen } from '../meetings/cards';
import type { ReminderPayload } from '../meetings/jobs';
import { meetingCardFor } from '../meetings/meetings';
import type { Routes } from '../shared/feature';
import type { BotServices } from '../shared/services';
import { postSummary, SUMMARY_KIND, type SummaryPayload } from './finalize';
import { AGENDA_CARD_KIND, type AgendaCardPayload, syncAgendaCard } from './posted-cards';
import { deliveryJob } from '../../delivery/durable';
import { TASK_KINDS } from './tasks';

/**
 * The minutes' scheduled work: the conveners' reminder when a meeting's
 * minutes are still not final, and a task's reminder on its due date. Each
 * message is keyed by the job's idempotency key and its recipient (through
 * services.channel), so a retried job sends nothing twice.
 */

/** A meeting's minutes reminder carries the meeting as it was when planned, like its other reminders. */
export type MinutesReminderPayload = ReminderPayload;

/** A task's reminder; `actionId` is the task's id, as stored jobs carry it. */
export interface TaskDuePayload {
  tenantId: string;
  groupId: string;
  actionId: string;
}

export type AgendaJobsDeps = Pick<BotServices, 'meetings' | 'agendas' | 'minutes' | 'consents' | 'organisation' | 'channel' | 'now'>;

/**
 * The conveners' reminder of missing minutes: skipped when the meeting was
 * moved or cancelled since (its sequence differs), when it was sent for this
 * sequence already, or when the minutes are final.
 */
export async function minutesReminder(deps: AgendaJobsDeps, ctx: JobContext<MinutesReminderPayload>): Promise<void | 'skipped'> {
  const { tenantId, groupId, meetingId, sequence } = ctx.payload;
  const m = await deps.meetings.get(tenantId, groupId, meetingId);
  if (m?.status !== 'scheduled' || m.sequence !== sequence || m.reminded[REMINDER_KINDS.minutes] === m.sequence) return 'skipped';
  const minutes = await deps.minutes.get(m.tenantId, m.groupId, m.id);
  if (minutes?.status === 'final') return 'skipped';
  const sent = await deps.channel.tellConveners(
    m.tenantId,
    m.groupId,
    (locale) =>
      meetingCardFor(deps, m, locale, {
        notice: t(locale, 'minutes.reminders.missing', { when: meetingWhen(m, locale).when }),
      }),
    ctx.idempotencyKey,
  );
  await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({
    ...cur,
    reminded: { ...cur.reminded, [REMINDER_KINDS.minutes]: cur.sequence },
  }));
  return sent ? undefined : 'skipped';
}

/**
 * On a task's due date: its owner when the bot knows them and has a chat with them; a task owned by
 * another group (its id or name as the owner, e.g. a working group) goes to that group's conveners;
 * else the conveners of the group whose minutes recorded it.
 */
export async function taskDue(deps: AgendaJobsDeps, ctx: JobContext<TaskDuePayload>): Promise<void | 'skipped'> {
  const { tenantId, groupId, actionId } = ctx.payload;
  const task = await deps.minutes.action(tenantId, groupId, actionId);
  if (!task || task.doneAt) return 'skipped';
  const group = findGroup(deps.organisation, groupId);
  const text = (locale: Locale) => t(locale, 'minutes.reminders.actionDue', { group: group?.name ?? groupId, what: task.what });
  if (task.whoPersonId && (await deps.channel.tellPerson(tenantId, { personId: task.whoPersonId }, text, ctx.idempotencyKey))) return;
  const owner = task.whoPersonId ? undefined : ownerGroup(deps.organisation, task.who);
  if (owner && owner.id !== groupId && (await deps.channel.tellConveners(tenantId, owner.id, text, ctx.idempotencyKey)) > 0) return;
  const sent = await deps.channel.tellConveners(tenantId, groupId, text, ctx.idempotencyKey);
  return sent ? undefined : 'skipped';
}

/**
 * The summary of finalised minutes that could not be posted when they were
 * finalised: posted with the same key as then, so it arrives once; a failure
 * is thrown, and the scheduler tries again later.
 */
export async function minutesSummary(deps: AgendaJobsDeps, ctx: JobContext<SummaryPayload>): Promise<void | 'skipped'> {
  const { tenantId, groupId, meetingId } = ctx.payload;
  const [m, minutes] = await Promise.all([deps.meetings.get(tenantId, groupId, meetingId), deps.minutes.get(tenantId, groupId, meetingId)]);
  if (!m || minutes?.status !== 'final') return 'skipped';
  return (await postSummary(deps, m, minutes)) ? undefined : 'skipped';
}

/** The group a task's owner names (its id, or its name in any letter case), if it names one. */
function ownerGroup(org: Organisation, who: string): Group | undefined {
  const name = who.trim().toLocaleLowerCase('sv');
  if (!name) return undefined;
  return org.groups.find((g) => g.id === name || g.name.toLocaleLowerCase('sv') === name);
}

export function registerAgendaJobs(routes: Routes, deps: AgendaJobsDeps): void {
  routes.job<MinutesReminderPayload>(REMINDER_KINDS.minutes, (ctx) => minutesReminder(deps, ctx));
  routes.job<TaskDuePayload>(TASK_KINDS.due, (ctx) => taskDue(deps, ctx));
  routes.job<SummaryPayload>(SUMMARY_KIND, (ctx) => minutesSummary(deps, ctx));
  routes.job<AgendaCardPayload>(
    AGENDA_CARD_KIND,
    deliveryJob((p, attempt) => syncAgendaCard(deps, p, attempt)),
  );
}
