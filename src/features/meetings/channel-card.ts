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

/** The reminder kind a private meeting's invitation is marked under, with the meeting's sequence. */
export const INVITED = 'invited';

/**
 * A private meeting's message to each of its invitees, in their own personal
 * chat with the bot (Teams lets a bot start one-to-one chats, not group
 * chats): the key carries the person, so a retry sends nobody twice where
 * the connector deduplicates. Tries everyone, then throws the first failure
 * for the caller's job to retry. Answers how many were reached.
 */
export async function tellInvitees(
  deps: Pick<ChannelCardDeps, 'channel'>,
  m: Meeting,
  compose: (locale: Locale) => ReturnType<typeof meetingCardFor>,
  key: string,
): Promise<number> {
  let reached = 0;
  let failure: { err: unknown } | undefined;
  for (const personId of m.invitees ?? []) {
    try {
      if (await deps.channel.tellPerson(m.tenantId, { personId }, compose, key)) reached += 1;
    } catch (err) {
      failure ??= { err };
    }
  }
  if (failure) throw failure.err;
  return reached;
}

/**
 * A private meeting's card to its invitees (once per version of the meeting,
 * marked on it), never to the channel. False when none of them could be
 * reached.
 */
async function inviteOnce(deps: ChannelCardDeps, m: Meeting): Promise<boolean> {
  if (m.reminded[INVITED] === m.sequence) return true;
  const reached = await tellInvitees(
    deps,
    m,
    (locale) => meetingCardFor(deps, m, locale),
    `meeting-invite:${m.tenantId}:${m.id}:${m.sequence}`,
  );
  await markInvited(deps, m);
  return reached > 0;
}

async function markInvited(deps: Pick<ChannelCardDeps, 'meetings'>, m: Meeting): Promise<void> {
  await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.reminded[INVITED] === cur.sequence ? undefined : { ...cur, reminded: { ...cur.reminded, [INVITED]: cur.sequence } },
  );
}

/**
 * Posts the meeting's card in the group's channel (once) and records it; a
 * private meeting's goes to its invitees instead. False when the group has
 * no reachable channel (or no invitee could be reached).
 */
export async function postMeetingCard(deps: ChannelCardDeps, m: Meeting): Promise<boolean> {
  if (m.invitees?.length) return inviteOnce(deps, m);
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
  if (m.invitees?.length) return syncPrivate(deps, m, p);
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
 * A private meeting has no card for everyone to update: its invitees get the
 * card once when it is booked, and a move or a cancellation as a new card
 * with the notice (keyed by the meeting's version); an answer's counts reach
 * the others through the card's own refresh when they open it.
 */
async function syncPrivate(deps: ChannelCardDeps, m: Meeting, p: MeetingCardPayload): Promise<void | 'skipped'> {
  const { notice } = p;
  if (notice) {
    const reached = await tellInvitees(
      deps,
      m,
      (locale) => meetingCardFor(deps, m, locale, { notice: noticeText(notice, locale) }),
      `meeting-notice:${m.tenantId}:${m.id}:${p.sequence}`,
    );
    // The moved meeting's card is this one: the card job of its new version sends nothing more.
    if (notice.kind === 'moved') await markInvited(deps, m);
    return reached ? undefined : 'skipped';
  }
  if (p.post && m.status === 'scheduled') return (await postMeetingCard(deps, m)) ? undefined : 'skipped';
  return 'skipped';
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
  if (!m.card && !options.post && !(m.invitees?.length && options.notice)) return 'skipped';
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
