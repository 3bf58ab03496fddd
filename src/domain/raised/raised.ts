import { createHash } from 'node:crypto';
import { findCaseRefs } from '../consent/case-ref';
import type { CheckedText } from '../consent/checked-text';

/**
 * Questions and decisions raised between levels (§11, `item.raise`): a
 * convener raises an item from one group's meeting to another group; it
 * lands on that group's next agenda with its origin (group, meeting, date),
 * or waits in a pending list until that group has a meeting; the origin
 * sees what became of it. Plain data and rules.
 */

export type RaisedStatus = 'pending' | 'onAgenda' | 'handled';

export interface RaisedItem {
  id: string;
  fromGroupId: string;
  fromMeetingId: string;
  /** The origin meeting's local date. */
  fromDate: string;
  toGroupId: string;
  /** The item's text as the gate checked it (de-identified: no identifier, no case reference). */
  text: CheckedText;
  /** The meeting it was put on; empty while pending. */
  toMeetingId: string;
  /** That meeting's local date; empty while pending. */
  toDate: string;
  raisedAt: string;
  /** Entra object id (or Teams id) of the convener who raised it. */
  raisedBy: string;
}

/** The id of a raised item: from its origin meeting, target and text, so a resent action raises it once. */
export function raisedItemId(fromMeetingId: string, toGroupId: string, text: CheckedText): string {
  const key = `${fromMeetingId}\n${toGroupId}\n${text.trim().toLocaleLowerCase('sv')}`;
  return `r-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * Why a text may not travel to another group, if it may not: an item raised
 * between levels must be de-identified (the gate found an identifier that a
 * consent covers here, or it names a case reference).
 */
export function raiseProblem(text: CheckedText, gateFoundIdentifier: boolean): 'identifier' | 'caseRef' | 'empty' | undefined {
  if (!text.trim()) return 'empty';
  if (gateFoundIdentifier) return 'identifier';
  if (findCaseRefs(text).length > 0) return 'caseRef';
  return undefined;
}

/** What became of an item: pending, on an agenda, or handled (the meeting's minutes are final). */
export function raisedStatus(item: Pick<RaisedItem, 'toMeetingId'>, minutesFinal: boolean): RaisedStatus {
  if (!item.toMeetingId) return 'pending';
  return minutesFinal ? 'handled' : 'onAgenda';
}
