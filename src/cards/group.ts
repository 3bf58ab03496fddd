import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './render';

export interface GroupCardFact { title: string; value: string }
export interface GroupChoice { title: string; value: string }

/** Already-localised content of the `group` card; the builder only lays it out. */
export interface GroupCardData {
  title: string;
  subtitle?: string;
  notice?: string;
  facts: GroupCardFact[];
  status?: { text: string; good: boolean };
  /** Conveners in an unlinked conversation: the groups they may link it to. */
  linkChoices?: GroupChoice[];
}

export function groupCard(locale: Locale, d: GroupCardData): AdaptiveCardJson {
  const choices = d.linkChoices ?? [];
  return renderCard('group', {
    title: d.title,
    subtitle: d.subtitle ?? '',
    notice: d.notice ?? '',
    facts: d.facts,
    status: d.status?.text ?? '',
    statusStyle: d.status?.good ? 'good' : 'attention',
    linkChoices: choices,
    linkDefault: choices.length === 1 ? choices[0]!.value : '',
    linkPrompt: t(locale, 'group.linkPrompt'),
    linkLabel: t(locale, 'group.linkLabel'),
    linkError: t(locale, 'group.linkError'),
    linkButton: t(locale, 'group.linkButton'),
  });
}
