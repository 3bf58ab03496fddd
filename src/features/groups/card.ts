import { t, type Locale } from '../../i18n';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';

export interface GroupCardFact {
  title: string;
  value: string;
}
export interface GroupChoice {
  title: string;
  value: string;
}

/** Already-localised content of the `group` card; the builder only lays it out. */
export interface GroupCardData {
  title: string;
  subtitle?: string;
  notice?: string;
  facts: GroupCardFact[];
  status?: { text: string; good: boolean };
  /** Conveners in an unlinked conversation: the groups they may link it to. */
  linkChoices?: GroupChoice[];
  /** "Menade du …?": the group one button links. */
  suggestion?: GroupChoice;
}

/** The data of adaptive-cards/group.json. */
export interface GroupTemplateData {
  title: string;
  subtitle: string;
  notice: string;
  facts: GroupCardFact[];
  status: string;
  statusStyle: 'good' | 'attention';
  linkChoices: GroupChoice[];
  linkDefault: string;
  linkPrompt: string;
  linkLabel: string;
  linkError: string;
  linkButton: string;
  linkPlaceholder: string;
  suggestion: string;
  suggestionButton: string;
}

export function groupCard(locale: Locale, d: GroupCardData): AdaptiveCardJson {
  const choices = d.linkChoices ?? [];
  const data: GroupTemplateData = {
    // The content is localised by the caller and holds names from the organisation and from users: all of it is shown as text.
    title: userText(d.title),
    subtitle: userText(d.subtitle),
    notice: userText(d.notice),
    facts: d.facts.map((f) => ({ title: userText(f.title), value: userText(f.value) })),
    status: userText(d.status?.text),
    statusStyle: d.status?.good ? 'good' : 'attention',
    linkChoices: choices.map((c) => ({ title: userText(c.title), value: c.value })),
    linkDefault: choices.length === 1 ? choices[0]!.value : '',
    linkPrompt: t(locale, 'group.linkPrompt'),
    linkLabel: t(locale, 'group.linkLabel'),
    linkError: t(locale, 'group.linkError'),
    linkButton: t(locale, 'group.linkButton'),
    linkPlaceholder: t(locale, 'group.linkPlaceholder'),
    suggestion: d.suggestion?.value ?? '',
    suggestionButton: d.suggestion ? t(locale, 'group.suggestionButton', { group: userText(d.suggestion.title) }) : '',
  };
  return renderCard('group', data);
}
