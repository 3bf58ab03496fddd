import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { trimChecked } from '../../domain/consent';
import type { Meeting } from '../../domain/meetings/meeting';
import { parseLines, type Minutes } from '../../domain/minutes/minutes';
import { findGroup, findPerson, membersOf, type Group } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import { MinutesStore } from '../../storage/agendas';
import { findMeeting, personKey } from '../meetings/meetings';
import { publicUrl } from '../shared/urls';
import type { Turn } from '../shared/turn';
import { itemText, minutesCard, type MinutesCardOptions } from './cards';
import { completeFinalize } from './finalize';
import { agendaOrTemplate, commandMeeting, latestMeeting, type AgendaDeps } from './group-meeting';
import { readMinutesForm, type MinutesData } from './minutes-form';
import { carriedTasks } from './tasks';

/**
 * The minutes of a group's latest meeting: the card (conveners only),
 * drafts saved as often as the convener likes, and finalising, after which
 * the minutes are kept unchanged with a printable page and a summary in
 * the channel.
 */

export type { MinutesData } from './minutes-form';

/** The link to the printable page of finalised minutes. */
export function printUrl(deps: Pick<AgendaDeps, 'config'>, token: string): string {
  return publicUrl(deps.config, `/minutes/${token}.html`);
}

function memberChoices(deps: Pick<AgendaDeps, 'organisation'>, group: Group): Array<{ title: string; value: string }> {
  return membersOf(group).map((id) => {
    const p = findPerson(deps.organisation, id);
    return { title: p ? `${p.displayName} (${p.role})` : id, value: id };
  });
}

/** The minutes card in `locale`: the stored minutes, or with `extra.draft` what the convener sent back with its problems. */
export async function minutesCardFor(
  deps: AgendaDeps,
  locale: Locale,
  m: Meeting,
  minutes: Minutes | undefined,
  extra: Pick<MinutesCardOptions, 'problems' | 'notice' | 'draft'> = {},
): Promise<AdaptiveCardJson> {
  const group = findGroup(deps.organisation, m.groupId)!;
  const agenda = await agendaOrTemplate(deps, m, group);
  const carried = minutes?.status === 'final' ? [] : await carriedTasks(deps, m.tenantId, m.groupId, m.id);
  const caseRefs = group.level === 'operative' ? [...new Set(agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r))] : [];
  return minutesCard(locale, m, minutes, {
    groupName: group.name,
    level: group.level,
    members: memberChoices(deps, group),
    items: agenda.items.map((i) => ({ id: i.id, text: itemText(locale, group.level, i) })),
    carried,
    caseRefs,
    draft: extra.draft,
    problems: extra.problems,
    notice: extra.notice,
    printUrl: minutes?.printToken ? printUrl(deps, minutes.printToken) : undefined,
  });
}

/** `protokoll`: the minutes card of the group's latest meeting; conveners only. */
export async function showMinutes(deps: AgendaDeps, turn: Turn): Promise<AdaptiveCardJson> {
  const found = await commandMeeting(deps, turn, 'minutes.write', latestMeeting);
  if ('card' in found) return found.card;
  const m = found.meeting;
  return minutesCardFor(deps, turn.locale, m, await deps.minutes.get(m.tenantId, m.groupId, m.id));
}

/**
 * `minutes.save` (`mode` draft) and `minutes.finalize` (`mode` final): every
 * text through the consent gate (a refused field is dropped from what is
 * shown back and nothing is stored), tasks and SIP fields checked with the
 * problems on the card, then a draft or the final minutes with the summary
 * in the channel. Final minutes are never changed again.
 */
export async function saveMinutes(deps: AgendaDeps, turn: Turn, data: MinutesData, mode: 'draft' | 'final'): Promise<AdaptiveCardJson> {
  const { locale, info } = turn;
  const finalize = mode === 'final';
  const m = await findMeeting(deps, info.tenantId, data.meetingId);
  const group = m ? findGroup(deps.organisation, m.groupId) : undefined;
  if (!m || !group) return errorCard(locale, 'minutes.notices.noMeeting');
  const decision = authorize(deps.organisation, turn.actor, 'minutes.write', { groupId: group.id });
  if (!decision.allowed) return notAllowedCard(locale, decision.reason, decision.whoMay);
  const existing = await deps.minutes.get(m.tenantId, m.groupId, m.id);
  if (existing?.status === 'final') {
    // Final, but what finalising sets going was cut short (storage or the process failed part-way):
    // a finalise resent, or pressed again, finishes it. Each step is idempotent.
    if (finalize && !existing.completedAt) {
      await completeFinalize(deps, m, existing);
      return minutesCardFor(deps, locale, m, existing, { notice: turn.t('minutes.notices.finalized') });
    }
    return minutesCardFor(deps, locale, m, existing, { notice: turn.t('minutes.notices.alreadyFinal') });
  }

  const form = await readMinutesForm(deps, turn, m, group, data);
  if (!form.ok) return minutesCardFor(deps, locale, m, existing, { problems: form.problems, draft: form.draft });

  const now = deps.now();
  const next: Minutes = {
    tenantId: m.tenantId,
    groupId: m.groupId,
    meetingId: m.id,
    status: finalize ? 'final' : 'draft',
    attendees: form.attendees,
    guests: trimChecked(form.draft.guests),
    notes: Object.fromEntries(Object.entries(form.draft.notes).filter(([, v]) => v.trim())),
    decisions: parseLines(form.draft.decisions),
    actions: form.tasks,
    sip: form.sip,
    closedActions: form.closedTasks,
    updatedAt: now.toISOString(),
  };
  if (finalize) {
    next.finalizedAt = now.toISOString();
    next.finalizedBy = personKey(info);
    next.printToken = MinutesStore.newToken();
  }
  const stored = await deps.minutes.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur?.status === 'final' ? undefined : { ...next, etag: cur?.etag },
  );
  if (!stored || (stored.status === 'final' && !finalize))
    return minutesCardFor(deps, locale, m, stored, { notice: turn.t('minutes.notices.alreadyFinal') });
  if (!finalize) return minutesCardFor(deps, locale, m, stored, { notice: turn.t('minutes.notices.saved') });

  deps.logger.info(
    {
      event: 'minutesFinalized',
      groupId: group.id,
      meetingId: m.id,
      decisions: stored.decisions.length,
      actions: stored.actions.length,
      sip: stored.sip.length,
    },
    'minutes finalised',
  );
  await completeFinalize(deps, m, stored);
  return minutesCardFor(deps, locale, m, stored, { notice: turn.t('minutes.notices.finalized') });
}
