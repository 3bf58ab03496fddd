import type { Meeting } from '../../domain/meetings/meeting';
import { DELIVERY_FAMILY, deliverDurably, type DeliveryAttempt, type DeliveryOutcome } from '../../delivery/durable';
import { t, type Locale } from '../../i18n';
import { messageKey } from '../shared/channel';
import { meetingCardFor, type MeetingsDeps } from './meetings';

/**
 * The meeting's card in the group's channel: posted once, recorded on the
 * meeting, and replaced for everyone when the meeting changes. The keys are
 * made of the meeting's id (and version), so a retry or a second process
 * posts nothing twice.
 */

type ChannelCardDeps = Pick<MeetingsDeps, 'organisation' | 'meetings' | 'channel' | 'now' | 'logger'>;

/** Remembers where the meeting's card landed, so later changes update it for everyone. */
export async function recordCard(
  deps: Pick<MeetingsDeps, 'meetings'>,
  m: Meeting,
  conversationId: string,
  activityId: string | undefined,
): Promise<void> {
  if (!activityId) return;
  await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.card ? undefined : { ...cur, card: { conversationId, activityId } },
  );
}

/** Posts the meeting's card in the group's channel (once) and records it. False when the group has no reachable channel. */
export async function postMeetingCard(deps: ChannelCardDeps, m: Meeting): Promise<boolean> {
  if (m.card) return true;
  // Keyed by the meeting: posted once whether by the booking turn or the card job, and on any retry.
  const posted = await deps.channel.post(
    m.tenantId,
    m.groupId,
    (locale) => meetingCardFor(deps, m, locale),
    `meeting-card:${m.tenantId}:${m.id}`,
  );
  if (!posted) return false;
  await recordCard(deps, m, posted.conversationId, posted.activityId);
  return true;
}

/** The durable delivery that brings a meeting's card in the channel up to date (src/delivery/durable.ts). */
export const MEETING_CARD_KIND = `${DELIVERY_FAMILY}.meeting-card`;

/** What changed, said in the card's thread: ids and dates only, the text is the locale's. */
export type MeetingNotice = { kind: 'moved'; from: string } | { kind: 'cancelled' };

/** A meeting card's delivery: the meeting, the version it was recorded for, and what to say about it. */
export interface MeetingCardPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
  sequence: number;
  notice?: MeetingNotice;
  /** Post the card when it was never posted (a booking, a move); otherwise only a posted card is brought up to date. */
  post?: boolean;
}

function noticeText(notice: MeetingNotice, locale: Locale): string {
  return notice.kind === 'moved' ? t(locale, 'meetings.notices.moved', { from: notice.from }) : t(locale, 'meetings.notices.cancelled');
}

/**
 * Brings the meeting's card in the channel up to date from the meeting as
 * stored: posted when `post` asks and it never was, updated for everyone,
 * posted afresh (and recorded) when it can no longer be updated, or when an
 * update still fails on the job's last attempt; then, with a notice, says
 * what changed in its thread (at top level where threads are refused). What
 * failed is thrown, for the job to retry.
 */
export async function syncMeetingCard(
  deps: ChannelCardDeps,
  p: MeetingCardPayload,
  attempt: DeliveryAttempt = { last: false },
): Promise<void | 'skipped'> {
  const m = await deps.meetings.get(p.tenantId, p.groupId, p.meetingId);
  if (!m) return 'skipped';
  if (!m.card) return p.post && m.status === 'scheduled' && (await postMeetingCard(deps, m)) ? undefined : 'skipped';
  const compose = (locale: Locale) => meetingCardFor(deps, m, locale);
  let updated: boolean;
  try {
    updated = await deps.channel.update(m.tenantId, m.card, compose);
  } catch (err) {
    if (!attempt.last) throw err;
    updated = false;
  }
  let card = m.card;
  if (!updated) {
    // Keyed by the card it replaces: posted once however often this runs.
    const posted = await deps.channel.post(m.tenantId, m.groupId, compose, `meeting-card:${m.tenantId}:${m.id}:again:${card.activityId}`);
    if (!posted?.activityId) return 'skipped';
    card = { conversationId: posted.conversationId, activityId: posted.activityId };
    await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) => ({ ...cur, card }));
  }
  const { notice } = p;
  if (notice)
    await deps.channel.reply(
      m.tenantId,
      card,
      (locale) => meetingCardFor(deps, m, locale, { notice: noticeText(notice, locale) }),
      `meeting-notice:${m.tenantId}:${m.id}:${p.sequence}`,
    );
}

/**
 * Replaces the meeting's card in the channel with its current state and,
 * with `notice`, says what changed in the card's thread: a durable delivery,
 * recorded with the meeting's version and tried at once; what does not go
 * now is delivered by a job. Never fails the caller's action for a delivery
 * that could not go yet. Answers whether it went now ('delivered'), later by
 * a job ('later'), went before ('already'), or had nowhere to go ('skipped').
 */
export async function refreshChannelCard(
  deps: ChannelCardDeps & Pick<MeetingsDeps, 'scheduler'>,
  m: Meeting,
  options: { notice?: MeetingNotice; post?: boolean } = {},
): Promise<DeliveryOutcome | 'skipped'> {
  if (!m.card && !options.post) return 'skipped';
  const payload: MeetingCardPayload = { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id, sequence: m.sequence };
  if (options.notice) payload.notice = options.notice;
  if (options.post) payload.post = true;
  // The version the card shows: what changes it changes the job's id, and the same change resent is the same job.
  const version = messageKey(
    m.tenantId,
    m.id,
    m.sequence,
    m.status,
    m.agendaStatus,
    m.updatedAt,
    JSON.stringify(m.rsvp),
    JSON.stringify(options),
  );
  let reached = true;
  const outcome = await deliverDurably(
    deps,
    { kind: MEETING_CARD_KIND, id: `${MEETING_CARD_KIND}:${version}`, payload, repeat: !options.notice && !options.post },
    async (attempt) => {
      reached = (await syncMeetingCard(deps, payload, attempt)) !== 'skipped';
    },
  );
  // Went, but nowhere to go: the group has no channel the bot can reach.
  return outcome === 'delivered' && !reached ? 'skipped' : outcome;
}
