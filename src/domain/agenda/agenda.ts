import { createHash } from 'node:crypto';
import { findCaseRefs } from '../consent/case-ref';
import { configuredText, EMPTY_TEXT, type CheckedText } from '../consent/checked-text';
import type { GroupLevel } from '../organisation/model';

/**
 * A meeting's agenda: the level's standing items (or the group's own, from
 * the organisation file), the items members propose, and in operative groups
 * the individual matters, each by case reference only. Plain data; the edge
 * stores it, gates its text and draws the card.
 */

export type AgendaItemKind = 'standing' | 'proposed' | 'case';

export interface AgendaItem {
  /** Stable: derived from the Teams activity that proposed it, so a resent activity adds nothing. */
  id: string;
  kind: AgendaItemKind;
  /** The item's text; for a standing item of the level's default template, empty (the card shows it in the reader's language). */
  text: CheckedText;
  /** Index into the level's default template, for standing items without their own text. */
  templateIndex?: number;
  /** Operative individual matters: the pseudonymous case reference (SAM-…), never a name. */
  caseRef?: string;
  /** Who proposed it (display name) and their key (Entra object id); empty for standing items. */
  proposer?: string;
  proposerKey?: string;
  /** Planned minutes for the item. */
  minutes?: number;
  createdAt: string;
}

export interface Agenda {
  tenantId: string;
  groupId: string;
  meetingId: string;
  items: AgendaItem[];
  status: 'draft' | 'published';
  publishedAt?: string;
  publishedBy?: string;
  /** Where the agenda card was posted, to update it for everyone. */
  card?: { conversationId: string; activityId: string };
  updatedAt: string;
  etag?: string;
}

export const MAX_ITEMS = 30;
export const MAX_ITEM_CHARS = 200;

/** Default standing items per level, drawn from the seed documents; index i reads `agenda.template.<level>.<i>` in the locale files. */
export const DEFAULT_TEMPLATE_SIZE: Record<GroupLevel, number> = { strategic: 5, tactical: 4, operative: 3 };

/** A fresh agenda: the group's own template when it has one, else the level's. */
export function newAgenda(a: {
  tenantId: string;
  groupId: string;
  meetingId: string;
  level: GroupLevel;
  groupTemplate?: string[];
  now: Date;
}): Agenda {
  const at = a.now.toISOString();
  const items: AgendaItem[] = a.groupTemplate?.length
    ? a.groupTemplate.map((text, i) => ({ id: `std-${i}`, kind: 'standing', text: configuredText(text), createdAt: at }))
    : Array.from({ length: DEFAULT_TEMPLATE_SIZE[a.level] }, (_, i) => ({
        id: `std-${i}`,
        kind: 'standing' as const,
        text: EMPTY_TEXT,
        templateIndex: i,
        createdAt: at,
      }));
  return { tenantId: a.tenantId, groupId: a.groupId, meetingId: a.meetingId, items, status: 'draft', updatedAt: at };
}

/** A short id from the activity that proposed the item (Teams resends an activity with the same id). */
export function itemIdFor(activityId: string): string {
  return `p-${createHash('sha256').update(activityId, 'utf8').digest('base64url').slice(0, 12)}`;
}

/** The case reference a proposal names, if any (upper-cased). */
export function caseRefIn(text: string): string | undefined {
  return findCaseRefs(text)[0];
}

/** "Kort rubrik (10 min)" / "… 10 min" → minutes; the text without it. */
export function splitMinutes(text: string): { text: string; minutes?: number } {
  const m = /\s*[([]?\s*(\d{1,3})\s*min(?:uter|utes)?\s*[)\]]?\s*$/i.exec(text);
  if (!m) return { text: text.trim() };
  const minutes = Number(m[1]);
  if (minutes < 1 || minutes > 240) return { text: text.trim() };
  return { text: text.slice(0, m.index).trim(), minutes };
}

export type ProposeOutcome = { ok: true; agenda: Agenda; added: boolean } | { ok: false; problem: 'empty' | 'tooLong' | 'full' };

/** Adds a proposed item; the same id twice (a resent activity) is a no-op. */
export function propose(agenda: Agenda, item: Omit<AgendaItem, 'createdAt'>, now: Date): ProposeOutcome {
  if (agenda.items.some((i) => i.id === item.id)) return { ok: true, agenda, added: false };
  if (!item.text.trim() && !item.caseRef) return { ok: false, problem: 'empty' };
  if (item.text.length > MAX_ITEM_CHARS) return { ok: false, problem: 'tooLong' };
  if (agenda.items.length >= MAX_ITEMS) return { ok: false, problem: 'full' };
  const at = now.toISOString();
  return { ok: true, agenda: { ...agenda, items: [...agenda.items, { ...item, createdAt: at }], updatedAt: at }, added: true };
}

export function published(agenda: Agenda, by: string, now: Date): Agenda {
  const at = now.toISOString();
  return { ...agenda, status: 'published', publishedAt: at, publishedBy: by, updatedAt: at };
}

/** The total planned minutes of the items that have a time. */
export function plannedMinutes(agenda: Pick<Agenda, 'items'>): number {
  return agenda.items.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
}
