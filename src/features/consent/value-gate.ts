import type { Turn } from '../shared/turn';
import { gateText, type GateDeps } from './gate';

/**
 * A message that carries a `value` — an Adaptive Card's Action.Submit, a
 * messageBack, or anything a client makes up — is gated like any other
 * message: its text and every string in its value. Such a message takes
 * routes that never read its text (the Action.Submit fallback of a card
 * verb), or none (the catch-all leaves card submits alone), so the gate runs
 * before routing, as a `beforeTurn` handler: a refusal answers with the
 * consent-refusal card and ends the turn, and nothing runs that could store
 * or show what was refused.
 *
 * The one exception is the fields a card verb takes as identifiers on
 * purpose (`ActionDefinition.identifying`: the consent form's subject,
 * which it hashes), and only when that verb's route will receive them.
 * A handler may gate a text again (an agenda item, a place); its audit row is
 * still written once, keyed by the activity (`audit` in consent.ts).
 */

/** At most this many strings are read one by one; any more are read joined, so a huge value costs what its size does. */
const MAX_SEPARATE = 200;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Every string in a value — object keys and values, array items, numbers
 * written as text — at any depth, in document order, once each; `skip`
 * names top-level fields whose values are left out. Iterative, so no
 * nesting depth can overflow the stack.
 */
export function submittedStrings(value: unknown, skip: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.trim()) out.add(s);
  };
  const stack: Array<{ node: unknown; top: boolean }> = [{ node: value, top: true }];
  while (stack.length) {
    const { node, top } = stack.pop()!;
    if (typeof node === 'string') add(node);
    else if (typeof node === 'number' && Number.isFinite(node)) add(String(node));
    else if (Array.isArray(node)) for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], top: false });
    else if (isObject(node)) {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        if (!(top && skip.has(k))) stack.push({ node: v, top: false });
        stack.push({ node: k, top: false });
      }
    }
  }
  const all = [...out];
  return all.length <= MAX_SEPARATE ? all : [...all.slice(0, MAX_SEPARATE), all.slice(MAX_SEPARATE).join('\n')];
}

/** The activity as the value gate reads it. */
export interface Submitted {
  type?: string;
  text?: unknown;
  value?: unknown;
}

/** The identifying fields the card verb this message goes to takes itself; none when no verb route will receive it. */
function identifyingFields(a: Submitted, identifyingOf: (verb: string) => readonly string[]): ReadonlySet<string> {
  // teams-ai routes a card submit to its verb only without text (AdaptiveCards.actionSubmit).
  if (a.type !== 'message' || a.text || !isObject(a.value) || typeof a.value.verb !== 'string') return new Set();
  return new Set(identifyingOf(a.value.verb));
}

/**
 * Whether the turn may go on: false when a text or a value string was refused (the refusal card is sent).
 * `identifyingOf` names the fields a card verb takes as identifiers on purpose.
 */
export async function gateSubmittedMessage(
  services: GateDeps,
  turn: Turn,
  a: Submitted,
  identifyingOf: (verb: string) => readonly string[],
): Promise<boolean> {
  if ((a.type !== 'message' && a.type !== 'messageUpdate') || a.value === undefined || a.value === null) return true;
  const texts = [
    ...(typeof a.text === 'string' && a.text.trim() ? [a.text] : []),
    ...submittedStrings(a.value, identifyingFields(a, identifyingOf)),
  ];
  for (const text of texts) {
    const result = await gateText(services, turn, text);
    if (!result.allowed) {
      await turn.send(result.card);
      return false;
    }
  }
  return true;
}
