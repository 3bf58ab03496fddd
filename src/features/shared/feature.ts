import type { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Command } from '../../domain/commands/parse';
import type { CommandName } from '../../domain/commands/words';
import type { JobHandler } from '../../scheduler';
import type { BotServices } from './services';
import type { Turn, TurnInfo } from './turn';

/** What a command handler gets: the turn, the services and the parsed command. */
export interface CommandContext<C extends Command = Command> {
  turn: Turn;
  /** The same as `turn.info`. */
  info: TurnInfo;
  services: BotServices;
  command: C;
}

export type CommandHandler = (ctx: CommandContext) => Promise<void>;

/** What a card verb's handler gets: the turn, the services and the validated data. */
export interface ActionContext<D> {
  turn: Turn;
  /** The same as `turn.info`. */
  info: TurnInfo;
  services: BotServices;
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
   * hashed). The gate on submitted values (features/consent/value-gate.ts)
   * leaves these to the handler; nothing else.
   */
  identifying?: readonly string[];
}

export function defineAction<S extends z.ZodTypeAny>(def: ActionDefinition<S>): ActionDefinition<S> {
  return def;
}

/** Where a feature hangs its handlers: the edge (src/bot/routes) wires them to Teams and the scheduler. */
export interface Routes {
  /** A command word; `usageKey` names the usage line shown when its arguments do not parse. */
  command(name: CommandName, handler: CommandHandler, options?: { usageKey?: string }): void;
  /** A card verb, reachable as Action.Execute and as its Action.Submit fallback. */
  action(def: ActionDefinition): void;
  /** A kind of scheduled job. */
  job<P>(kind: string, handler: JobHandler<P>): void;
}

/** One feature: registers its commands, card verbs and jobs; `start` plans what it schedules itself when a process starts. */
export interface Feature {
  name: string;
  register(routes: Routes, services: BotServices): void;
  start?(services: BotServices): Promise<void>;
}
