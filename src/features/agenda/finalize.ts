import type { AdaptiveCardJson } from '../../cards/render';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Minutes } from '../../domain/minutes/minutes';
import { findGroup, findPerson } from '../../domain/organisation';
import { logError } from '../../errors';
import type { Locale } from '../../i18n';
import { minutesSummaryCard } from './cards';
import type { AgendaDeps } from './group-meeting';
import { scheduleTaskReminders } from './tasks';

/** The job that posts a summary the channel would not take when the minutes were finalised. */
export const SUMMARY_KIND = 'minutes.summary';

/** Which minutes a summary job posts the summary of. */
export interface SummaryPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
}

/**
 * What finalised minutes set going, each step idempotent, then marked done:
 * the printable page, the tasks and their reminders, the earlier tasks
 * closed, the summary in the channel. A step that fails leaves the minutes
 * final but not complete, and a finalise resent or pressed again finishes it;
 * but a summary the channel will not take fails nothing: it is logged and
 * left to a job that posts it later (see postSummaryOrLater).
 */
export async function completeFinalize(deps: AgendaDeps, m: Meeting, minutes: Minutes): Promise<void> {
  const at = minutes.finalizedAt ?? deps.now().toISOString();
  if (minutes.printToken) await deps.minutes.registerPrintToken(minutes.printToken, m.tenantId, m.groupId, m.id);
  await deps.minutes.saveActions(m.tenantId, m.groupId, minutes.actions);
  await deps.minutes.markDone(m.tenantId, m.groupId, minutes.closedActions, at);
  await scheduleTaskReminders(deps, m, minutes.actions);
  await postSummaryOrLater(deps, m, minutes);
  await deps.minutes.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur && cur.status === 'final' && !cur.completedAt ? { ...cur, completedAt: deps.now().toISOString() } : undefined,
  );
}

/** The summary of finalised minutes, as posted in the group's channel. */
export function summaryCardFor(deps: Pick<AgendaDeps, 'organisation'>, m: Meeting, minutes: Minutes, locale: Locale): AdaptiveCardJson {
  const group = findGroup(deps.organisation, m.groupId);
  const attendeeNames = minutes.attendees.map((id) => findPerson(deps.organisation, id)?.displayName ?? id);
  return minutesSummaryCard(locale, m, minutes, { groupName: group?.name ?? m.groupId, attendeeNames });
}

/**
 * The summary posted now, or when the connector will not take it (down,
 * throttled, the conversation gone), a job that posts it later: the
 * convener's finalising succeeds either way. The job's id is the meeting's,
 * so finalising twice plans one; if it cannot even be planned, that is
 * thrown, and finalising is left to be finished by pressing it again.
 */
async function postSummaryOrLater(deps: AgendaDeps, m: Meeting, minutes: Minutes): Promise<void> {
  try {
    await postSummary(deps, m, minutes);
  } catch (err) {
    logError(deps.logger, 'error', err, 'could not post the minutes summary; a job posts it later', {
      groupId: m.groupId,
      meetingId: m.id,
    });
    const payload: SummaryPayload = { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id };
    await deps.scheduler.schedule({
      id: `${SUMMARY_KIND}:${m.groupId}:${m.id}`,
      kind: SUMMARY_KIND,
      dueAt: new Date(deps.now().getTime() + 60_000),
      payload,
    });
  }
}

/**
 * Posts the summary in the group's channel, in the meeting card's thread
 * when that is where it goes (at top level when the thread is refused, see
 * GroupChannel.post); keyed by the meeting, so a retry posts it once.
 * A failure is thrown.
 */
export async function postSummary(
  deps: Pick<AgendaDeps, 'organisation' | 'channel'>,
  m: Meeting,
  minutes: Minutes,
): Promise<{ conversationId: string; activityId?: string } | undefined> {
  return deps.channel.post(
    m.tenantId,
    m.groupId,
    (locale) => summaryCardFor(deps, m, minutes, locale),
    `minutes-summary:${m.tenantId}:${m.id}`,
    m.card ? { thread: m.card } : {},
  );
}
