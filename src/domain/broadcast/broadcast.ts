import { createHash } from 'node:crypto';
import type { CheckedText } from '../consent/checked-text';
import { findGroup, membersOf, type Organisation } from '../organisation/model';

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
  groupIds: string[];
  sentAt: string;
  /** Entra object id (or Teams id) of the convener who sent it. */
  sentBy: string;
}

export const MAX_TITLE_CHARS = 120;
export const MAX_TEXT_CHARS = 600;
export const MAX_URL_CHARS = 500;

/** The id of a broadcast: from its sender, title, text, link and groups, so a resent action sends it once. */
export function broadcastId(sentBy: string, b: Pick<Broadcast, 'title' | 'text' | 'url' | 'groupIds'>): string {
  const key = [sentBy, b.title.trim(), b.text.trim(), b.url.trim(), [...b.groupIds].sort().join(',')].join('\n');
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

export interface GroupReadRate {
  groupId: string;
  /** The group's members (conveners are members). */
  recipients: number;
  /** Of them, those who pressed "Läst". */
  read: number;
}

/** Read rates per group: each reader (an organisation person id) counts in every group of the broadcast they are a member of. */
export function readRates(org: Organisation, b: Pick<Broadcast, 'groupIds'>, readers: ReadonlySet<string>): GroupReadRate[] {
  return b.groupIds.flatMap((id) => {
    const g = findGroup(org, id);
    if (!g) return [];
    const members = new Set(membersOf(g));
    return [{ groupId: id, recipients: members.size, read: [...members].filter((m) => readers.has(m)).length }];
  });
}

/** A rate in whole per cent, or null without recipients. */
export function percent(read: number, recipients: number): number | null {
  return recipients > 0 ? Math.round((100 * Math.min(read, recipients)) / recipients) : null;
}
