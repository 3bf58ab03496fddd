import { createHash } from 'node:crypto';
import type { CheckedText } from '../consent/checked-text';
import { findGroup, findPerson, membersOf, type Organisation } from '../organisation/model';

/**
 * Telling staff (§11, `utskick` / `broadcast`): a convener sends an adopted
 * plan or routine (title, short text, link) to chosen groups' channels as a
 * `broadcast` card with a "Läst" button; each reader is counted once, and the
 * read rate per group (its members who pressed it, of its members) shows on
 * the sender's card and in the report. Plain data and rules.
 */

export interface Broadcast {
  id: string;
  /** Title and text as the gate checked them. */
  title: CheckedText;
  text: CheckedText;
  /** An https link to the document, or empty. */
  url: string;
  /** The groups whose channels it was posted in. */
  groupIds: string[];
  /** The groups whose members each got it in their personal chat with the bot. */
  memberGroupIds?: string[];
  /** People (organisation person ids) chosen one by one, each reached in their personal chat. */
  personIds?: string[];
  sentAt: string;
  /** Entra object id (or Teams id) of the convener who sent it. */
  sentBy: string;
}

export const MAX_TITLE_CHARS = 120;
export const MAX_TEXT_CHARS = 600;
export const MAX_URL_CHARS = 500;

/** The id of a broadcast: from its sender, title, text, link and recipients, so a resent action sends it once. */
export function broadcastId(
  sentBy: string,
  b: Pick<Broadcast, 'title' | 'text' | 'url' | 'groupIds' | 'memberGroupIds' | 'personIds'>,
): string {
  const parts = [sentBy, b.title.trim(), b.text.trim(), b.url.trim(), [...b.groupIds].sort().join(',')];
  // Personal recipients only when there are some: a broadcast to channels alone keeps the id it always had.
  if (b.memberGroupIds?.length || b.personIds?.length)
    parts.push([...(b.memberGroupIds ?? [])].sort().join(','), [...(b.personIds ?? [])].sort().join(','));
  const key = parts.join('\n');
  return `b-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;
}

/** The group ids a `groupIds` field names (comma or space separated), each once; `unknown` holds what names no group. */
export function parseGroupIds(org: Organisation, raw: string): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of raw
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const g = findGroup(org, part) ?? findGroup(org, part.toLocaleLowerCase('sv'));
    if (!g) unknown.push(part);
    else if (!ids.includes(g.id)) ids.push(g.id);
  }
  return { ids, unknown };
}

/** The person ids a `personIds` field names (comma or space separated), each once; `unknown` holds what names nobody. */
export function parsePersonIds(org: Organisation, raw: string): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of raw
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const p = findPerson(org, part) ?? findPerson(org, part.toLocaleLowerCase('sv'));
    if (!p) unknown.push(part);
    else if (!ids.includes(p.id)) ids.push(p.id);
  }
  return { ids, unknown };
}

/**
 * Who gets a broadcast in their personal chat: every member (conveners
 * included) of its member groups, then the people chosen one by one, each
 * once, in that order; ids the organisation file no longer names are left out.
 */
export function personalRecipients(org: Organisation, b: Pick<Broadcast, 'memberGroupIds' | 'personIds'>): string[] {
  const out = new Set<string>();
  for (const id of b.memberGroupIds ?? []) {
    const g = findGroup(org, id);
    if (g) for (const m of membersOf(g)) if (findPerson(org, m)) out.add(m);
  }
  for (const id of b.personIds ?? []) if (findPerson(org, id)) out.add(id);
  return [...out];
}

/** Everyone a broadcast was for: the members of its channel groups and member groups, and the people chosen. */
export function allRecipients(org: Organisation, b: Pick<Broadcast, 'groupIds' | 'memberGroupIds' | 'personIds'>): Set<string> {
  const out = new Set<string>();
  for (const id of b.groupIds) {
    const g = findGroup(org, id);
    if (g) for (const m of membersOf(g)) out.add(m);
  }
  for (const m of personalRecipients(org, b)) out.add(m);
  return out;
}

/** A link a broadcast may carry: empty, or an https URL. */
export function validUrl(raw: string): boolean {
  const s = raw.trim();
  if (!s) return true;
  if (s.length > MAX_URL_CHARS || /\s/.test(s)) return false;
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The read-rate row of the people chosen one by one who are in none of the broadcast's groups. */
export const PERSONAL_ROW = '~personal';

export interface GroupReadRate {
  /** A group's id, or PERSONAL_ROW. */
  groupId: string;
  /** The group's members (conveners are members). */
  recipients: number;
  /** Of them, those who pressed "Läst". */
  read: number;
}

/**
 * Read rates per group: a row for each group the broadcast went to, whether
 * in its channel or to its members personally (its members, and those of
 * them who read it), and one PERSONAL_ROW for the people chosen one by one
 * who are in none of those groups. Rows as the sender chose: someone chosen
 * by name who is also in a chosen group counts in that group's row, and is
 * not counted twice. Each reader (an organisation person id) counts in every
 * row they belong to.
 */
export function readRates(
  org: Organisation,
  b: Pick<Broadcast, 'groupIds' | 'memberGroupIds' | 'personIds'>,
  readers: ReadonlySet<string>,
): GroupReadRate[] {
  const inGroups = new Set<string>();
  const rows = [...new Set([...b.groupIds, ...(b.memberGroupIds ?? [])])].flatMap((id) => {
    const g = findGroup(org, id);
    if (!g) return [];
    const members = new Set(membersOf(g));
    for (const m of members) inGroups.add(m);
    return [{ groupId: id, recipients: members.size, read: [...members].filter((m) => readers.has(m)).length }];
  });
  const alone = [...new Set(b.personIds ?? [])].filter((p) => findPerson(org, p) && !inGroups.has(p));
  if (alone.length) rows.push({ groupId: PERSONAL_ROW, recipients: alone.length, read: alone.filter((p) => readers.has(p)).length });
  return rows;
}

/**
 * What a broadcast's read rate is among some groups' members (a manager's
 * groups, for the digest): of the people it was for who are in those groups,
 * how many read it. Undefined when it was for none of them.
 */
export function readAmong(
  org: Organisation,
  b: Pick<Broadcast, 'groupIds' | 'memberGroupIds' | 'personIds'>,
  readers: ReadonlySet<string>,
  groupIds: ReadonlySet<string>,
): { recipients: number; read: number } | undefined {
  const members = new Set<string>();
  for (const id of groupIds) {
    const g = findGroup(org, id);
    if (g) for (const m of membersOf(g)) members.add(m);
  }
  let recipients = 0;
  let read = 0;
  for (const p of allRecipients(org, b)) {
    if (!members.has(p)) continue;
    recipients += 1;
    if (readers.has(p)) read += 1;
  }
  return recipients ? { recipients, read } : undefined;
}

/** A rate in whole per cent, or null without recipients. */
export function percent(read: number, recipients: number): number | null {
  return recipients > 0 ? Math.round((100 * Math.min(read, recipients)) / recipients) : null;
}

/** A broadcast's read rate among a manager's groups, for the digest. */
export interface BroadcastReadLine {
  id: string;
  title: CheckedText;
  sentAt: string;
  recipients: number;
  read: number;
}

/**
 * The digest's read rates: the broadcasts sent since `since` (ISO) that
 * reached anyone in `groupIds`, newest first, each with its readers among
 * the people it was for in those groups (`readAmong`).
 */
export function broadcastReadLines(
  org: Organisation,
  sent: ReadonlyArray<{ broadcast: Broadcast; readers: ReadonlySet<string> }>,
  groupIds: ReadonlySet<string>,
  since: string,
): BroadcastReadLine[] {
  return sent
    .filter((x) => x.broadcast.sentAt >= since)
    .flatMap(({ broadcast: b, readers }) => {
      const r = readAmong(org, b, readers, groupIds);
      return r ? [{ id: b.id, title: b.title, sentAt: b.sentAt, ...r }] : [];
    })
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id));
}
