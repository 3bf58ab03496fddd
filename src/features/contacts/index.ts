import { z } from 'zod';
import { defineAction, type CommandContext, type Feature } from '../shared/feature';
import { contactsView } from './contacts';

/** `kontakt [vad]` / `contacts [what]`. */
export async function contacts(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'contacts') return;
  await ctx.turn.send(contactsView(ctx.services, ctx.turn, ctx.command.query));
}

/** "Visa fler": the next page of the same search, in place of the card. */
export const contactsMore = defineAction({
  verb: 'contacts.more',
  schema: z.object({
    query: z.string().max(100).optional().default(''),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  }),
  async handle({ services, turn, data }) {
    return contactsView(services, turn, data.query.trim() || undefined, data.offset);
  },
});

export const contactsFeature: Feature = {
  name: 'contacts',
  register(routes) {
    routes.command('contacts', contacts);
    routes.action(contactsMore);
  },
};
