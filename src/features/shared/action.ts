import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import type { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/render';
import type { BotServices } from './services';
import type { TurnInfo } from '../../bot/turn';

export interface ActionContext<D> {
  context: TurnContext;
  state: TurnState;
  services: BotServices;
  info: TurnInfo;
  data: D;
}

/**
 * One Action.Execute verb: its data schema (zod; card inputs arrive as
 * strings) and its handler, which answers with the card that replaces the
 * one the user acted on.
 */
export interface ActionDefinition<S extends z.ZodTypeAny = z.ZodTypeAny> {
  verb: string;
  schema: S;
  handle(ctx: ActionContext<z.infer<S>>): Promise<AdaptiveCardJson>;
  /** The card to answer with when the data does not validate; problems are localised lines. */
  invalid?(ctx: ActionContext<Record<string, unknown>>, problems: string[]): Promise<AdaptiveCardJson>;
  /**
   * Fields that carry a person's identifiers on purpose and that the handler
   * never keeps or shows in clear (the consent form's subject, which is
   * hashed). The message gate, which reads every string a card submits
   * (messages/value-gate.ts), leaves these to the handler; nothing else.
   */
  identifying?: readonly string[];
}

export function defineAction<S extends z.ZodTypeAny>(def: ActionDefinition<S>): ActionDefinition<S> {
  return def;
}
