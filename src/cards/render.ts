import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { projectRoot } from '../paths';

export const CARD_KINDS = [
  'help',
  'group',
  'schedule-form',
  'meeting',
  'meeting-list',
  'agenda',
  'minutes',
  'minutes-summary',
  'review-list',
  'review-reminder',
  'consent-form',
  'consent-recorded',
  'consent-list',
  'consent-refusal',
  'digest',
  'not-allowed',
  'error',
  'language',
  'report',
  'sip-form',
  'sip-plan',
  'sip-list',
  'action-plan',
  'indicators',
  'raised-items',
  'concern',
  'contacts',
  'consent-expiry',
  'risk-period',
  'broadcast',
  'survey',
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: Array<Record<string, unknown>>; [k: string]: unknown };

const templates = new Map<CardKind, Template>();

function template(kind: CardKind): Template {
  let tpl = templates.get(kind);
  if (!tpl) {
    const file = path.join(projectRoot(), 'adaptive-cards', `${kind}.json`);
    tpl = new Template(JSON.parse(readFileSync(file, 'utf8')));
    templates.set(kind, tpl);
  }
  return tpl;
}

/**
 * Every Action.Execute gets an Action.Submit fallback carrying the verb in
 * its data, so hosts without Universal Actions still reach the same handler.
 */
function addSubmitFallbacks(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) addSubmitFallbacks(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (obj.type === 'Action.Execute' && obj.fallback === undefined && typeof obj.verb === 'string') {
    const fallback: Record<string, unknown> = {
      type: 'Action.Submit',
      title: obj.title,
      data: { ...((obj.data as object) ?? {}), verb: obj.verb },
    };
    if (obj.style) fallback.style = obj.style;
    if (obj.associatedInputs) fallback.associatedInputs = obj.associatedInputs;
    obj.fallback = fallback;
  }
  for (const value of Object.values(obj)) addSubmitFallbacks(value);
}

/** Fills a card template from typed data (strings included) and post-processes it. */
export function renderCard(kind: CardKind, data: object): AdaptiveCardJson {
  const card = template(kind).expand({ $root: data }) as AdaptiveCardJson;
  addSubmitFallbacks(card.body);
  addSubmitFallbacks(card.actions);
  const first = card.body?.[0];
  if (!first || first.id !== kind) throw new Error(`card ${kind}: the first body element must carry id "${kind}"`);
  return card;
}
