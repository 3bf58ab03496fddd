import type { Meeting } from '../../domain/meetings/meeting';
import { logError } from '../../errors';
import type { Locale } from '../../i18n';
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

/**
 * Replaces the meeting's card in the channel with its current state and,
 * with `threadNotice`, says what changed in the card's thread. Never throws:
 * the change is stored, and the card catches up on its next refresh.
 */
export async function refreshChannelCard(
  deps: ChannelCardDeps,
  m: Meeting,
  options: { threadNotice?: (locale: Locale) => string } = {},
): Promise<void> {
  const card = m.card;
  if (!card) return;
  if (!(await deps.channel.update(m.tenantId, card, (locale) => meetingCardFor(deps, m, locale)))) return;
  const { threadNotice } = options;
  if (!threadNotice) return;
  try {
    await deps.channel.reply(
      m.tenantId,
      card,
      (locale) => meetingCardFor(deps, m, locale, { notice: threadNotice(locale) }),
      `meeting-notice:${m.tenantId}:${m.id}:${m.sequence}`,
    );
  } catch (err) {
    logError(deps.logger, 'warn', err, 'could not update the meeting card', { meetingId: m.id });
  }
}
