import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { CARD_KINDS } from '../../src/cards/render';

/**
 * The card rule of the test suites: every Adaptive Card the bot sends must
 * (a) parse in the `adaptivecards` object model with no parse event and no
 * validation failure, (b) validate against the Adaptive Cards 1.5 JSON schema
 * (vendored in test/fixtures/adaptive-cards/), (c) be version 1.5 with a first body
 * element whose id names a known card kind, and (d) give every Action.Execute
 * an Action.Submit fallback carrying the same verb.
 *
 * `cardProblems` lists what is wrong (empty when nothing is); `expectValidCard`
 * throws a plain Error naming every problem, so it works inside vitest and in
 * the connector emulator's validator hook alike.
 */

const ROOT = path.resolve(__dirname, '..', '..');
/** Microsoft's Adaptive Cards 1.5 schema, carried by the repository (see the NOTICE beside it). */
export const CARD_SCHEMA_FILE = path.join(ROOT, 'test', 'fixtures', 'adaptive-cards', 'adaptive-card-1.5.schema.json');

// The object model, as the browser bundle (it needs no DOM to parse and validate).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.min.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ event: number; message: string }> };
  };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(i: number): { event: number; message: string } };
  Versions: { v1_5: unknown };
  ValidationEvent: Record<number, string>;
};

let schemaValidator: ValidateFunction | undefined;

/** The compiled 1.5 schema; throws when the vendored file is missing, so no card goes unchecked. */
export function cardSchemaValidator(): ValidateFunction {
  if (schemaValidator !== undefined) return schemaValidator;
  if (!existsSync(CARD_SCHEMA_FILE)) {
    throw new Error(
      `The Adaptive Cards 1.5 schema is missing at ${CARD_SCHEMA_FILE}; it is part of the repository (test/fixtures/adaptive-cards/), restore it from git.`,
    );
  }
  const schema = JSON.parse(readFileSync(CARD_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  if (typeof schema.id === 'string' && schema.$id === undefined) {
    schema.$id = schema.id;
    delete schema.id;
  }
  // The schema names formats Ajv does not ship; accept them rather than warn.
  const ajv = new Ajv({ strict: false, allErrors: false, formats: { uri: true, 'uri-reference': true } });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  return (schemaValidator = ajv.compile(schema));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function walk(node: unknown, visit: (obj: Json, where: string) => void, where = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, visit, `${where}[${i}]`));
    return;
  }
  if (!isObject(node)) return;
  visit(node, where);
  for (const [k, v] of Object.entries(node)) walk(v, visit, `${where}.${k}`);
}

function eventName(event: number): string {
  return AC.ValidationEvent?.[event] ?? `event ${event}`;
}

/** Everything wrong with a card, one line each; empty when it passes every check. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['the card is not a JSON object'];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${JSON.stringify(card.type)}, not "AdaptiveCard"`);

  // (a) the adaptivecards object model, targeting 1.5 (Teams' limit).
  try {
    const ac = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    ac.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      problems.push(`adaptivecards parse: ${eventName(e.event)}: ${e.message}`);
    }
    for (const e of ac.validateProperties().validationEvents)
      problems.push(`adaptivecards validation: ${eventName(e.event)}: ${e.message}`);
  } catch (err) {
    problems.push(`adaptivecards threw: ${(err as Error).message}`);
  }

  // (b) the published JSON schema.
  const validate = cardSchemaValidator();
  if (!validate(card)) {
    const errors = validate.errors ?? [];
    problems.push(
      `schema: ${errors.length} error(s), first: ` +
        errors
          .slice(0, 3)
          .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
          .join('; '),
    );
  }

  // (c) version and kind.
  if (card.version !== '1.5') problems.push(`version is ${JSON.stringify(card.version)}, not "1.5"`);
  const body = Array.isArray(card.body) ? card.body : [];
  const first = body[0];
  const kind = isObject(first) ? first.id : undefined;
  if (typeof kind !== 'string' || !(CARD_KINDS as readonly string[]).includes(kind)) {
    problems.push(`the first body element's id is ${JSON.stringify(kind)}, not a card kind (${CARD_KINDS.join(', ')})`);
  }

  // (d) Universal Actions with a Submit fallback carrying the same verb.
  // The card's refresh action is run by the host, never clicked, so it needs no fallback.
  walk(card, (obj, where) => {
    if (obj.type !== 'Action.Execute' || where === '$.refresh.action') return;
    const verb = obj.verb;
    if (typeof verb !== 'string' || !verb) problems.push(`${where}: Action.Execute without a verb`);
    const fb = obj.fallback;
    if (!isObject(fb) || fb.type !== 'Action.Submit') {
      problems.push(`${where}: Action.Execute ${JSON.stringify(verb)} has no Action.Submit fallback`);
      return;
    }
    const data = fb.data;
    if (!isObject(data) || data.verb !== verb) {
      problems.push(
        `${where}: the Action.Submit fallback of ${JSON.stringify(verb)} carries verb ${JSON.stringify(isObject(data) ? data.verb : undefined)}`,
      );
    }
  });
  return problems;
}

/** Throws an Error naming every problem of the card (see `cardProblems`). */
export function expectValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length === 0) return;
  const kind = isObject(card) && Array.isArray(card.body) && isObject(card.body[0]) ? String(card.body[0].id) : '?';
  throw new Error(`invalid Adaptive Card (${kind}):\n  ${problems.join('\n  ')}`);
}

/** The Adaptive Cards in a Bot Framework activity (attachments) or an invoke response body. */
export function cardsIn(payload: unknown): unknown[] {
  if (!isObject(payload)) return [];
  const out: unknown[] = [];
  if (Array.isArray(payload.attachments)) {
    for (const att of payload.attachments) {
      if (isObject(att) && att.contentType === 'application/vnd.microsoft.card.adaptive') out.push(att.content);
    }
  }
  // An adaptiveCard/action invoke response: { statusCode, type, value: card }.
  if (payload.type === 'application/vnd.microsoft.card.adaptive' && isObject(payload.value)) out.push(payload.value);
  return out;
}
