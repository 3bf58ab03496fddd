import { t, type Locale } from '../../i18n';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';

/** The keys of `commands.*` in the locale files, in the order the card shows them. */
export type HelpEntry =
  | 'help'
  | 'group'
  | 'groupLink'
  | 'schedule'
  | 'meetings'
  | 'agenda'
  | 'minutes'
  | 'review'
  | 'consent'
  | 'sip'
  | 'digest'
  | 'report'
  | 'language'
  | 'plan'
  | 'indicator'
  | 'broadcast'
  | 'concern'
  | 'contacts';

export interface HelpCardData {
  entries: HelpEntry[];
  /** Already localised role lines, e.g. "Sammankallande i Styrgrupp". */
  roles: string[];
  /** Personal chat: buttons that run a command for the user (the `help.run` card verb). */
  quickActions: boolean;
  /** Commands whose feature has not landed yet: listed as coming, never offered as a button. */
  comingSoon?: HelpEntry[];
}

/** How many role lines the card lists: someone in hundreds of groups gets the first ones and a count of the rest. */
export const HELP_ROLES_SHOWN = 12;

export function helpCard(locale: Locale, data: HelpCardData): AdaptiveCardJson {
  const roles = data.roles.slice(0, HELP_ROLES_SHOWN).map((r) => `- ${userText(r)}`);
  const moreRoles = data.roles.length - roles.length;
  if (moreRoles > 0) roles.push(t(locale, 'help.moreRoles', { count: moreRoles }));
  const coming = new Set(data.comingSoon ?? []);
  const commands = data.entries.map((key) => {
    const word = t(locale, `commands.${key}.word`);
    const example = coming.has(key) ? t(locale, 'help.comingSoon') : t(locale, `commands.${key}.example`);
    return { word, description: t(locale, `commands.${key}.description`), example };
  });
  const quick = data.quickActions
    ? data.entries
        // The report needs a year: typed, never a button (alone, its word only gets the usage).
        .filter((k) => k !== 'help' && k !== 'groupLink' && k !== 'language' && k !== 'concern' && k !== 'report' && !coming.has(k))
        .slice(0, 4)
        .map((k) => {
          const word = t(locale, `commands.${k}.word`);
          return { title: word.charAt(0).toLocaleUpperCase('sv') + word.slice(1), command: k };
        })
    : [];
  return renderCard('help', {
    title: t(locale, 'help.title'),
    intro: t(locale, 'help.intro'),
    commands,
    rolesTitle: t(locale, 'help.rolesTitle'),
    roles: roles.length ? roles.join('\n') : t(locale, 'help.noRoles'),
    footer: t(locale, 'help.footer'),
    quickActions: quick,
    // Anyone may report a concern: the way to do it is always one press away (SoL 14 kap. 1 §).
    concernLabel: t(locale, 'concern.labels.open'),
  });
}
