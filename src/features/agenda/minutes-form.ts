import { EMPTY_TEXT, type CheckedText } from '../../domain/consent';
import type { Meeting } from '../../domain/meetings/meeting';
import {
  parseSip,
  parseTasks,
  SIP_FIELDS,
  type MinutesProblem,
  type SipEntry,
  type SipField,
  type Task,
} from '../../domain/minutes/minutes';
import { findPerson, membersOf, type Group } from '../../domain/organisation';
import { gateText } from '../consent/gate';
import type { Turn } from '../shared/turn';
import { sipKey } from './cards';
import { agendaOrTemplate, type AgendaDeps } from './group-meeting';
import { carriedTasks } from './tasks';

/** The minutes card's fields, as Adaptive Card inputs give them (strings): `actions` holds the tasks, `closedActions` the carried tasks marked done. */
export type MinutesData = Record<string, string | undefined> & { meetingId: string };

/** The form as it is kept and shown back: each text as the gate checked it (a refused one emptied), the choices as ids the card offered. */
export interface MinutesDraft {
  attendees: string;
  guests: CheckedText;
  decisions: CheckedText;
  actions: CheckedText;
  closed: string;
  notes: Record<string, CheckedText>;
  sip: Record<string, Partial<Record<SipField, CheckedText>>>;
}

export type MinutesForm =
  | { ok: true; draft: MinutesDraft; attendees: string[]; tasks: Task[]; sip: SipEntry[]; closedTasks: string[] }
  | { ok: false; draft: MinutesDraft; problems: string[] };

function problemText(turn: Turn, p: MinutesProblem): string {
  switch (p.kind) {
    case 'sipMissing':
      return turn.t('minutes.problems.sipMissing', { caseRef: p.caseRef, field: turn.t(`minutes.labels.${p.field}`) });
    case 'tooLong':
      return turn.t('minutes.problems.tooLong', { field: p.field });
    default:
      return turn.t(`minutes.problems.${p.kind}`, p as unknown as Record<string, string | number>);
  }
}

/** The ids in a comma-separated choice that are among `ids`; anything else did not come from the card. */
function offered(value: string, ids: Set<string>): string[] {
  return value
    .split(',')
    .map((x) => x.trim())
    .filter((x) => ids.has(x));
}

/**
 * The minutes card's fields read and checked: each text through the consent
 * gate field by field, so the card can say which one was stopped; then the
 * tasks ("what; who; by when") and, in operative groups, each case's SIP
 * fields. The problems are lines in the user's language.
 */
export async function readMinutesForm(deps: AgendaDeps, turn: Turn, m: Meeting, group: Group, data: MinutesData): Promise<MinutesForm> {
  const agenda = await agendaOrTemplate(deps, m, group);
  const caseRefs = group.level === 'operative' ? [...new Set(agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r))] : [];
  const field = (k: string) => (typeof data[k] === 'string' ? data[k]!.slice(0, 4000) : '');

  const problems: string[] = [];
  const gateField = async (label: string, value: string): Promise<CheckedText> => {
    if (!value.trim()) return EMPTY_TEXT;
    const gate = await gateText(deps, turn, value);
    if (gate.allowed) return gate.text;
    problems.push(turn.t('minutes.notices.refused', { field: label, reason: gate.message }));
    return EMPTY_TEXT;
  };
  // The two choice sets are kept, and shown back, only as the ids the card offers (members, open
  // tasks): anything else did not come from the card, passed no gate, and is not shown.
  const members = new Set(membersOf(group));
  const carried = new Set((await carriedTasks(deps, m.tenantId, m.groupId, m.id)).map((task) => task.id));
  const attendees = offered(field('attendees'), members);
  const closedTasks = offered(field('closedActions'), carried);
  const draft: MinutesDraft = {
    attendees: attendees.join(','),
    guests: await gateField(turn.t('minutes.fields.guests'), field('guests')),
    decisions: await gateField(turn.t('minutes.fields.decisions'), field('decisions')),
    actions: await gateField(turn.t('minutes.fields.actions'), field('actions')),
    closed: closedTasks.join(','),
    notes: {},
    sip: {},
  };
  for (const item of agenda.items) draft.notes[item.id] = await gateField(turn.t('minutes.fields.notes'), field(`note_${item.id}`));
  for (const ref of caseRefs) {
    const sip: Partial<Record<SipField, CheckedText>> = (draft.sip[ref] = {});
    for (const f of SIP_FIELDS) sip[f] = await gateField(`${turn.t('minutes.fields.sip')} ${ref}`, field(`sip_${sipKey(ref)}_${f}`));
  }

  const people = membersOf(group).map((id) => ({ id, displayName: findPerson(deps.organisation, id)?.displayName ?? id }));
  const parsed = parseTasks(draft.actions, m.id, people);
  problems.push(...parsed.problems.map((p) => problemText(turn, p)));
  const sip: SipEntry[] = [];
  for (const ref of caseRefs) {
    const r = parseSip(ref, draft.sip[ref] ?? {});
    problems.push(...r.problems.map((p) => problemText(turn, p)));
    if (r.entry) sip.push(r.entry);
  }
  if (problems.length) return { ok: false, draft, problems };
  return { ok: true, draft, attendees, tasks: parsed.tasks, sip, closedTasks };
}
