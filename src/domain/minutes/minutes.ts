import { createHash } from 'node:crypto';
import { EMPTY_TEXT, splitChecked, trimChecked, type CheckedText } from '../consent/checked-text';
import { isIsoDate, type IsoDate } from '../organisation/dates';

/**
 * A meeting's minutes: attendance, notes per agenda item, decisions, tasks
 * (what; who; by when) and, in operative groups, the SIP fields per case
 * reference. Drafts are saved as often as the convener likes; finalised
 * minutes are kept unchanged and their open tasks followed up. Plain data
 * and parsing; the edge gates every text first.
 *
 * A task is what the minutes' card and the stored rows call an action (the
 * `actions` field and column, the `Actions` table); in the code "action"
 * means a card's button (Action.Execute).
 */

export interface Task {
  /** Stable across drafts: derived from the meeting and the task's text. */
  id: string;
  what: CheckedText;
  who: CheckedText;
  /** The organisation's person the owner was recognised as, for reminders. */
  whoPersonId?: string;
  due: IsoDate;
  /** Set when a later meeting's minutes mark it done. */
  doneAt?: string;
  /** The meeting whose minutes recorded it. */
  meetingId: string;
}

export const SIP_FIELDS = ['goal', 'intervention', 'responsible', 'due', 'coordinator'] as const;
export type SipField = (typeof SIP_FIELDS)[number];
export type SipEntry = { caseRef: string } & Record<SipField, CheckedText>;

export interface Minutes {
  tenantId: string;
  groupId: string;
  meetingId: string;
  status: 'draft' | 'final';
  /** Person ids of the members present. */
  attendees: string[];
  guests: CheckedText;
  /** Agenda item id → notes. */
  notes: Record<string, CheckedText>;
  decisions: CheckedText[];
  /** The tasks recorded in these minutes. */
  actions: Task[];
  sip: SipEntry[];
  /** Ids of earlier meetings' open tasks marked done in this meeting. */
  closedActions: string[];
  finalizedAt?: string;
  finalizedBy?: string;
  /** The unguessable key of the printable page. */
  printToken?: string;
  /**
   * When what finalising sets going (the printable page, the tasks and
   * their reminders, the summary in the channel) had all been done; until
   * then a finalise resent after a failure part-way does it again.
   */
  completedAt?: string;
  updatedAt: string;
  etag?: string;
}

/** What stops minutes from being saved; the kinds name the card's strings (`minutes.problems.<kind>`). */
export type MinutesProblem =
  | { kind: 'actionFormat'; line: number }
  | { kind: 'actionNoWhat'; line: number }
  | { kind: 'actionNoOwner'; line: number }
  | { kind: 'actionBadDate'; line: number; value: string }
  | { kind: 'sipBadDate'; caseRef: string; value: string }
  | { kind: 'sipMissing'; caseRef: string; field: SipField }
  | { kind: 'tooLong'; field: string };

export const MAX_TEXT = 2000;

function taskId(meetingId: string, what: string, who: string): string {
  return `a-${createHash('sha256').update(`${meetingId}\n${what.toLowerCase()}\n${who.toLowerCase()}`, 'utf8').digest('base64url').slice(0, 10)}`;
}

export interface PersonName {
  id: string;
  displayName: string;
}

/** The person an owner's name means: a full display name, or a first name only one of the candidates has. */
export function matchPerson(who: string, people: PersonName[]): string | undefined {
  const w = who.trim().toLocaleLowerCase('sv');
  if (!w) return undefined;
  const exact = people.filter((p) => p.displayName.toLocaleLowerCase('sv') === w);
  if (exact.length === 1) return exact[0]!.id;
  const first = people.filter((p) => p.displayName.toLocaleLowerCase('sv').split(/\s+/)[0] === w);
  return first.length === 1 ? first[0]!.id : undefined;
}

/**
 * Tasks, one per line: "what; who; by when" (YYYY-MM-DD). A line that is
 * only whitespace is skipped. Problems name the line (1-based) so the card
 * can say what to fix.
 */
export function parseTasks(text: CheckedText, meetingId: string, people: PersonName[] = []): { tasks: Task[]; problems: MinutesProblem[] } {
  const tasks: Task[] = [];
  const problems: MinutesProblem[] = [];
  const lines = splitChecked(text, /\r?\n/);
  lines.forEach((line, i) => {
    if (!line) return;
    const n = i + 1;
    const parts = splitChecked(line, ';');
    if (parts.length !== 3) {
      problems.push(
        parts.length === 2 && parts[1]
          ? { kind: 'actionBadDate', line: n, value: '' }
          : parts.length < 2
            ? { kind: 'actionNoOwner', line: n }
            : { kind: 'actionFormat', line: n },
      );
      return;
    }
    const [what, who, due] = parts as [CheckedText, CheckedText, CheckedText];
    if (!what) problems.push({ kind: 'actionNoWhat', line: n });
    if (!who) problems.push({ kind: 'actionNoOwner', line: n });
    if (!isIsoDate(due)) problems.push({ kind: 'actionBadDate', line: n, value: String(due).slice(0, 20) });
    if (what && who && isIsoDate(due))
      tasks.push({ id: taskId(meetingId, what, who), what, who, whoPersonId: matchPerson(who, people), due, meetingId });
  });
  return { tasks, problems };
}

export function parseLines(text: CheckedText): CheckedText[] {
  return splitChecked(text, /\r?\n/).filter((l) => l.length > 0);
}

/** SIP fields for one case: all-empty means "not discussed"; otherwise every field is needed and the date must be a date. */
export function parseSip(
  caseRef: string,
  fields: Partial<Record<SipField, CheckedText>>,
): { entry?: SipEntry; problems: MinutesProblem[] } {
  const values = Object.fromEntries(SIP_FIELDS.map((f) => [f, trimChecked(fields[f] ?? EMPTY_TEXT)])) as Record<SipField, CheckedText>;
  if (SIP_FIELDS.every((f) => !values[f])) return { problems: [] };
  const problems: MinutesProblem[] = [];
  for (const f of SIP_FIELDS) if (!values[f]) problems.push({ kind: 'sipMissing', caseRef, field: f });
  if (values.due && !isIsoDate(values.due)) problems.push({ kind: 'sipBadDate', caseRef, value: String(values.due).slice(0, 20) });
  return problems.length ? { problems } : { entry: { caseRef, ...values }, problems };
}

/** Open tasks: recorded in finalised minutes, not done. */
export function openTasks(all: Task[]): Task[] {
  return all.filter((a) => !a.doneAt).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

export function overdueTasks(all: Task[], today: IsoDate): Task[] {
  return openTasks(all).filter((a) => a.due < today);
}
