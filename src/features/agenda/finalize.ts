import type { AdaptiveCardJson } from '../../cards/render';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Minutes } from '../../domain/minutes/minutes';
import { findGroup, findPerson } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import { minutesSummaryCard } from './cards';
import type { AgendaDeps } from './group-meeting';
import { scheduleTaskReminders } from './tasks';

/**
 * What finalised minutes set going, each step idempotent, then marked done:
 * the printable page, the tasks and their reminders, the earlier tasks
 * closed, the summary in the channel. A step that fails leaves the minutes
 * final but not complete, and a finalise resent or pressed again finishes it.
 */
export async function completeFinalize(deps: AgendaDeps, m: Meeting, minutes: Minutes): Promise<void> {
  const at = minutes.finalizedAt ?? deps.now().toISOString();
  if (minutes.printToken) await deps.minutes.registerPrintToken(minutes.printToken, m.tenantId, m.groupId, m.id);
  await deps.minutes.saveActions(m.tenantId, m.groupId, minutes.actions);
  await deps.minutes.markDone(m.tenantId, m.groupId, minutes.closedActions, at);
  await scheduleTaskReminders(deps, m, minutes.actions);
  await postSummary(deps, m, minutes);
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
 * Posts the summary in the group's channel, in the meeting card's thread
 * when that is where it goes; keyed by the meeting, so a retry posts it once.
 * A failure is thrown, so finalising is not marked complete and a retry posts it.
 */
async function postSummary(deps: Pick<AgendaDeps, 'organisation' | 'channel'>, m: Meeting, minutes: Minutes): Promise<void> {
  await deps.channel.post(
    m.tenantId,
    m.groupId,
    (locale) => summaryCardFor(deps, m, minutes, locale),
    `minutes-summary:${m.tenantId}:${m.id}`,
    m.card ? { thread: m.card } : {},
  );
}
