import { z } from 'zod';
import { defineAction, type CommandContext, type Feature } from '../shared/feature';
import { chooseLanguage, showLanguage } from './language';

/** `språk` / `language`: shows the language, `språk english` / `language swedish` chooses it. */
async function language({ command, services, turn }: CommandContext): Promise<void> {
  if (command.name !== 'language') return;
  await turn.send(command.action === 'set' ? await chooseLanguage(services, turn, command.language) : showLanguage(turn));
}

/** `language.set` from the language card's buttons. */
const languageSet = defineAction({
  verb: 'language.set',
  schema: z.object({ language: z.enum(['sv', 'en']) }),
  handle: ({ services, turn, data }) => chooseLanguage(services, turn, data.language),
});

/** Language: each user chooses the bot's language for themselves; the organisation file sets the default. */
export const languageFeature: Feature = {
  name: 'language',
  register(routes) {
    routes.command('language', language, { usageKey: 'usage.language' });
    routes.action(languageSet);
  },
};

export { chooseLanguage, showLanguage, userKeyOf } from './language';
