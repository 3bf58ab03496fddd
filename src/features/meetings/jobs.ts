import { REMINDER_KINDS, AGENDA_WORKING_DAYS, type ReminderKind } from '../../domain/meetings/reminders';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup } from '../../domain/organisation';
import { t } from '../../i18n';
import type { JobContext } from '../../scheduler';
import type { Routes } from '../shared/feature';
import { INVITED, MEETING_CARD_KIND, type MeetingCardPayload, postMeetingCard, syncMeetingCard, tellInvitees } from './channel-card';
import { deliveryJob } from '../../delivery/durable';
import { meetingCardFor, type MeetingsDeps } from './meetings';

/**
 * The meetings' scheduled work (family `reminders`): the card shown in the
 * channel two weeks before, the channel reminder the day before, and the
 * conveners' private reminder when the agenda is still unpublished. A job
 * carries the meeting's sequence: a moved or cancelled meeting's old jobs
 * find a newer version and do nothing. A reminder is marked on the meeting
 * once sent, so a job retried after a finished send does not send it again;
 * each message carries a key made of the job's idempotency key and its
 * recipient (services.channel adds the recipient), so a retry after a crash
 * between the send and the mark is absorbed by a connector that
 * deduplicates.
 */

export interface ReminderPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
  sequence: number;
}

type JobDeps = Pick<MeetingsDeps, 'organisation' | 'meetings' | 'channel' | 'now' | 'logger'>;

/** The meeting the job was planned for, when it is still scheduled at the same version. */
async function current(deps: JobDeps, p: ReminderPayload): Promise<Meeting | undefined> {
  const m = await deps.meetings.get(p.tenantId, p.groupId, p.meetingId);
  if (m?.status !== 'scheduled' || m.sequence !== p.sequence) return undefined;
  return m;
}

async function markReminded(deps: JobDeps, m: Meeting, kind: ReminderKind): Promise<void> {
  await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, reminded: { ...cur.reminded, [kind]: cur.sequence } }));
}

/** Posts the meeting's card in the group's channel, unless the booking already did. */
export async function cardJob(deps: JobDeps, ctx: JobContext<ReminderPayload>): Promise<void | 'skipped'> {
  const m = await current(deps, ctx.payload);
  if (!m || m.card || (m.invitees?.length && m.reminded[INVITED] === m.sequence)) return 'skipped';
  return (await postMeetingCard(deps, m)) ? undefined : 'skipped';
}

/**
 * The day before: the meeting card with a reminder, in the thread of the
 * meeting's card when it is still reachable; a private meeting's invitees
 * each in their personal chat with the bot.
 */
export async function channelReminder(deps: JobDeps, ctx: JobContext<ReminderPayload>): Promise<void | 'skipped'> {
  const m = await current(deps, ctx.payload);
  if (!m || m.reminded[REMINDER_KINDS.dayBefore] === m.sequence || Date.parse(m.start) <= ctx.now.getTime()) return 'skipped';
  if (m.invitees?.length) {
    const reached = await tellInvitees(
      deps,
      m,
      (locale) => meetingCardFor(deps, m, locale, { notice: t(locale, 'meetings.notices.dayBefore') }),
      ctx.idempotencyKey,
    );
    await markReminded(deps, m, REMINDER_KINDS.dayBefore);
    return reached ? undefined : 'skipped';
  }
  const posted = await deps.channel.post(
    m.tenantId,
    m.groupId,
    (locale) => meetingCardFor(deps, m, locale, { notice: t(locale, 'meetings.notices.dayBefore') }),
    ctx.idempotencyKey,
    { thread: m.card },
  );
  if (!posted) return 'skipped';
  await markReminded(deps, m, REMINDER_KINDS.dayBefore);
}

/** While the agenda is unpublished: the conveners, each in their personal chat with the bot. */
export async function agendaReminder(deps: JobDeps, ctx: JobContext<ReminderPayload>): Promise<void | 'skipped'> {
  const m = await current(deps, ctx.payload);
  if (!m || m.agendaStatus === 'published' || m.reminded[REMINDER_KINDS.agenda] === m.sequence) return 'skipped';
  if (!findGroup(deps.organisation, m.groupId)) return 'skipped';
  const sent = await deps.channel.tellConveners(
    m.tenantId,
    m.groupId,
    (locale) => meetingCardFor(deps, m, locale, { notice: t(locale, 'meetings.notices.agendaDue', { days: AGENDA_WORKING_DAYS }) }),
    ctx.idempotencyKey,
  );
  await markReminded(deps, m, REMINDER_KINDS.agenda);
  return sent ? undefined : 'skipped';
}

export function registerMeetingJobs(routes: Routes, deps: JobDeps): void {
  routes.job<ReminderPayload>(REMINDER_KINDS.card, (ctx) => cardJob(deps, ctx));
  routes.job<ReminderPayload>(REMINDER_KINDS.dayBefore, (ctx) => channelReminder(deps, ctx));
  routes.job<ReminderPayload>(REMINDER_KINDS.agenda, (ctx) => agendaReminder(deps, ctx));
  // The card brought up to date, and a move or cancellation told, when the turn could not deliver it at once.
  routes.job<MeetingCardPayload>(
    MEETING_CARD_KIND,
    deliveryJob((p, attempt) => syncMeetingCard(deps, p, attempt)),
  );
}
