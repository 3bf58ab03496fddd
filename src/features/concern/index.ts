import { z } from 'zod';
import { defineAction, type CommandContext, type Feature } from '../shared/feature';
import { concernView } from './concern';

/** `oro` / `concern`: the duty to report and how to report now; anyone may ask, nothing is stored. */
export async function concern(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'concern') return;
  await ctx.turn.send(concernView(ctx.services, ctx.turn));
}

/**
 * `concern.show`: the button on the consent-refusal card and the help card.
 * It answers with the concern card in place of the card pressed, for the one
 * who pressed: a channel sees nothing of who is worried.
 */
export const concernShow = defineAction({
  verb: 'concern.show',
  schema: z.object({}).passthrough(),
  async handle({ services, turn }) {
    return concernView(services, turn);
  },
});

export const concernFeature: Feature = {
  name: 'concern',
  register(routes) {
    routes.command('concern', concern);
    routes.action(concernShow);
  },
};
