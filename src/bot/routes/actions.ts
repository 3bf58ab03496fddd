import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import type { ActionDefinition } from '../../features/shared/feature';
import type { BotServices } from '../../features/shared/services';
import { inSpan } from '../../telemetry';
import { turnOf } from '../turn';

/**
 * Localised lines for zod issues: "field: problem". An enum's message quotes what was sent
 * ("received '…'"), text that passed no gate; the line names the choices instead.
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (i) =>
      `${i.path.join('.') || 'data'}: ${i.code === 'invalid_enum_value' ? `expected ${i.options.map(String).join(' | ')}` : i.message}`,
  );
}

async function run(def: ActionDefinition, context: TurnContext, services: BotServices, raw: unknown): Promise<AdaptiveCardJson> {
  return inSpan('card.action', { verb: def.verb }, () => runAction(def, context, services, raw));
}

async function runAction(def: ActionDefinition, context: TurnContext, services: BotServices, raw: unknown): Promise<AdaptiveCardJson> {
  const turn = turnOf(context, services);
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const { verb: _verb, msteams: _msteams, ...fields } = data;
  const parsed = def.schema.safeParse(fields);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    if (def.invalid) return def.invalid({ turn, info: turn.info, services, data: fields }, problems);
    return errorCard(turn.locale, 'error.badData', { problems: problems.join('; ') });
  }
  return def.handle({ turn, info: turn.info, services, data: parsed.data });
}

/**
 * A card verb, reachable as Action.Execute (Universal Actions: the answer
 * replaces the card) and as its Action.Submit fallback (the answer updates
 * the card message when Teams tells us which one, or is sent as a new one).
 */
export function actionRoute(app: Application<TurnState>, services: BotServices, def: ActionDefinition): void {
  app.adaptiveCards.actionExecute(def.verb, async (context, _state, data) => {
    // The answer replaces the card for the person who acted. teams-ai v1
    // switches every later answer to "replace for all" (an update of the
    // message, which needs a replyToId) once one card carries `refresh`, so
    // answers go without it; cards posted for everyone keep theirs.
    const { refresh: _refresh, ...card } = await run(def, context, services, data);
    return card as never;
  });
  app.adaptiveCards.actionSubmit(def.verb, async (context, _state, data) => {
    const card = await run(def, context, services, data);
    const attachment = CardFactory.adaptiveCard(card);
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({ id: replyToId, type: 'message', attachments: [attachment] });
        return;
      } catch {
        // Not every host lets the bot update the message; fall back to a new one.
      }
    }
    await context.sendActivity({ attachments: [attachment] });
  });
}
