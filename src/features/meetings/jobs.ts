import type { Routes } from '../shared/feature';
import { findGroup } from '../../domain/organisation';
import type { Meeting } from '../../domain/meetings/meeting';
import { REMINDER_KINDS, AGENDA_WORKING_DAYS, type ReminderKind } from '../../domain/meetings/reminders';
import { t } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { meetingCardFor, postMeetingCard } from './meetings';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';

/**
 * The meetings' scheduled work (family `reminders`): the card shown in the
 * channel two weeks before, the channel reminder the day before, and the
 * conveners' private reminder when the agenda is still unpublished. A job
 * carries the meeting's sequence: a moved or cancelled meeting's old jobs
 * find a newer version and do nothing. A reminder is marked on the meeting
 * once sent, so a job retried after a finished send does not send it again;
 * each message carries a key made of the job's idempotency key and its
 * recipient, so a retry after a crash between the send and the mark is
 * absorbed by a connector that deduplicates (as the digest's are).
 */

interface Payload {
  tenantId: string;
  groupId: string;
  meetingId: string;
  sequence: number;
}

async function current(services: BotServices, p: Payload): Promise<Meeting | undefined> {
  const m = await services.meetings.get(p.tenantId, p.groupId, p.meetingId);
  if (m?.status !== 'scheduled' || m.sequence !== p.sequence) return undefined;
  return m;
}

async function markReminded(services: BotServices, m: Meeting, kind: ReminderKind): Promise<void> {
  await services.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, reminded: { ...cur.reminded, [kind]: cur.sequence } }));
}

async function channelReminder(services: BotServices, ctx: JobContext<Payload>): Promise<void | 'skipped'> {
  const m = await current(services, ctx.payload);
  if (!m || m.reminded[REMINDER_KINDS.dayBefore] === m.sequence || Date.parse(m.start) <= ctx.now.getTime()) return 'skipped';
  const links = (await services.channelLinks.channelsOf(m.tenantId, m.groupId)).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
  const conversationId = m.card?.conversationId ?? links[0]?.conversationId;
  const conv = conversationId ? await services.proactive.conversation(m.tenantId, conversationId) : undefined;
  if (!conv) return 'skipped';
  const card = meetingCardFor(services, m, conv.locale, { notice: t(conv.locale, 'meetings.notices.dayBefore') });
  await services.proactive.sendCard(conv.reference, card, {
    threadOf: m.card?.conversationId === conversationId ? m.card?.activityId : undefined,
    idempotencyKey: messageKey(ctx.idempotencyKey, conversationId),
  });
  await markReminded(services, m, REMINDER_KINDS.dayBefore);
}

async function agendaReminder(services: BotServices, ctx: JobContext<Payload>): Promise<void | 'skipped'> {
  const m = await current(services, ctx.payload);
  if (!m || m.agendaStatus === 'published' || m.reminded[REMINDER_KINDS.agenda] === m.sequence) return 'skipped';
  const group = findGroup(services.organisation, m.groupId);
  if (!group) return 'skipped';
  let sent = 0;
  for (const convener of group.conveners) {
    const aad = services.organisation.people.find((p) => p.id === convener)?.aadObjectId;
    if (!aad) continue;
    const conv = await services.proactive.personal(m.tenantId, aad);
    if (!conv) continue;
    await services.proactive.sendCard(
      conv.reference,
      meetingCardFor(services, m, conv.locale, { notice: t(conv.locale, 'meetings.notices.agendaDue', { days: AGENDA_WORKING_DAYS }) }),
      {
        idempotencyKey: messageKey(ctx.idempotencyKey, convener),
      },
    );
    sent += 1;
  }
  await markReminded(services, m, REMINDER_KINDS.agenda);
  return sent ? undefined : 'skipped';
}

async function cardJob(services: BotServices, ctx: JobContext<Payload>): Promise<void | 'skipped'> {
  const m = await current(services, ctx.payload);
  if (!m || m.card) return 'skipped';
  return (await postMeetingCard(services, m)) ? undefined : 'skipped';
}

export function registerMeetingJobs(routes: Routes, services: BotServices): void {
  routes.job<Payload>(REMINDER_KINDS.card, (ctx) => cardJob(services, ctx));
  routes.job<Payload>(REMINDER_KINDS.dayBefore, (ctx) => channelReminder(services, ctx));
  routes.job<Payload>(REMINDER_KINDS.agenda, (ctx) => agendaReminder(services, ctx));
}
