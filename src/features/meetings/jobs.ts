import type { Routes } from '../shared/feature';
import { findGroup } from '../../domain/organisation';
import type { Meeting } from '../../domain/meetings/meeting';
import { REMINDER_KINDS, AGENDA_WORKING_DAYS, type ReminderKind } from '../../domain/meetings/reminders';
import { meetingWhen } from './cards';
import { ACTION_KINDS } from '../agenda/agenda';
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

/** Private messages to the group's conveners who have a personal chat with the bot, each keyed by the job and the convener; answers how many were reached. */
async function toConveners(
  services: BotServices,
  ctx: JobContext<{ tenantId: string; groupId: string }>,
  send: (reference: Record<string, unknown>, locale: 'sv' | 'en', idempotencyKey: string) => Promise<unknown>,
): Promise<number> {
  const { tenantId, groupId } = ctx.payload;
  const group = findGroup(services.organisation, groupId);
  let sent = 0;
  for (const convener of group?.conveners ?? []) {
    const aad = services.organisation.people.find((p) => p.id === convener)?.aadObjectId;
    const conv = aad ? await services.proactive.personal(tenantId, aad) : undefined;
    if (!conv) continue;
    await send(conv.reference, conv.locale, messageKey(ctx.idempotencyKey, convener));
    sent += 1;
  }
  return sent;
}

async function minutesReminder(services: BotServices, ctx: JobContext<Payload>): Promise<void | 'skipped'> {
  const m = await current(services, ctx.payload);
  if (!m || m.reminded[REMINDER_KINDS.minutes] === m.sequence) return 'skipped';
  const minutes = await services.minutes.get(m.tenantId, m.groupId, m.id);
  if (minutes?.status === 'final') return 'skipped';
  const sent = await toConveners(services, ctx, (ref, locale, idempotencyKey) =>
    services.proactive.sendCard(
      ref,
      meetingCardFor(services, m, locale, { notice: t(locale, 'minutes.reminders.missing', { when: meetingWhen(m, locale).when }) }),
      { idempotencyKey },
    ),
  );
  await markReminded(services, m, REMINDER_KINDS.minutes);
  return sent ? undefined : 'skipped';
}

interface ActionPayload {
  tenantId: string;
  groupId: string;
  actionId: string;
}

/** On an action's due date: its owner when the bot knows them and has a chat with them, else the conveners. */
async function actionDue(services: BotServices, ctx: JobContext<ActionPayload>): Promise<void | 'skipped'> {
  const { tenantId, groupId, actionId } = ctx.payload;
  const a = await services.minutes.action(tenantId, groupId, actionId);
  if (!a || a.doneAt) return 'skipped';
  const group = findGroup(services.organisation, groupId);
  const text = (locale: 'sv' | 'en') => t(locale, 'minutes.reminders.actionDue', { group: group?.name ?? groupId, what: a.what });
  const ownerAad = a.whoPersonId ? services.organisation.people.find((p) => p.id === a.whoPersonId)?.aadObjectId : undefined;
  const owner = ownerAad ? await services.proactive.personal(tenantId, ownerAad) : undefined;
  if (owner) {
    await services.proactive.sendText(owner.reference, text(owner.locale), {
      idempotencyKey: messageKey(ctx.idempotencyKey, a.whoPersonId ?? ''),
    });
    return;
  }
  const sent = await toConveners(services, ctx, (ref, locale, idempotencyKey) =>
    services.proactive.sendText(ref, text(locale), { idempotencyKey }),
  );
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
  routes.job<Payload>(REMINDER_KINDS.minutes, (ctx) => minutesReminder(services, ctx));
  routes.job<ActionPayload>(ACTION_KINDS.due, (ctx) => actionDue(services, ctx));
}
