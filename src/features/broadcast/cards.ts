import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { CardTooLargeError, fitList, jsonBytes, MAX_CARD_BYTES } from '../../cards/size';
import { userText } from '../../cards/user-text';
import { percent, PERSONAL_ROW, type Broadcast, type GroupReadRate } from '../../domain/broadcast/broadcast';
import { findGroup, type Organisation } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';

/** The data of adaptive-cards/broadcast.json: the compose form with the sender's read rates, or a broadcast as posted. */
export interface BroadcastCardData {
  title: string;
  summary: string;
  notice: string;
  noticeColor: string;
  /** A broadcast as posted (id empty on the compose card). */
  message: { id: string; text: string; from: string; url: string };
  readStatus: string;
  ratesHeading: string;
  sent: Array<{ title: string; when: string; rates: Array<{ title: string; value: string }> }>;
  compose: boolean;
  groupChoices: Array<{ title: string; value: string }>;
  /** The groups whose members one may reach personally (the same groups; none when the card would be too large). */
  memberGroupChoices: Array<{ title: string; value: string }>;
  /** The people one may choose one by one (the organisation file's, by name, at most MAX_PEOPLE_CHOICES). */
  personChoices: Array<{ title: string; value: string }>;
  labels: Record<string, string>;
}

const LABELS = ['compose', 'title', 'titleError', 'text', 'url', 'groups', 'memberGroups', 'people', 'send', 'read', 'open'];

/** The most people the compose card offers to choose one by one (about 80 bytes each: the card stays well under 40 KB); more are reached through their groups. */
export const MAX_PEOPLE_CHOICES = 200;

export interface SentRow {
  broadcast: Broadcast;
  rates: GroupReadRate[];
}

const groupName = (org: Organisation, id: string) => userText(findGroup(org, id)?.name ?? id);
const rowName = (locale: Locale, org: Organisation, id: string) =>
  id === PERSONAL_ROW ? t(locale, 'broadcasts.personalRow') : groupName(org, id);

/** Whom a broadcast went to: the groups' channels, the groups whose members got it personally, and the people chosen by name. */
function sentTo(locale: Locale, org: Organisation, b: Broadcast): string {
  const parts = [
    ...b.groupIds.map((g) => groupName(org, g)),
    ...(b.memberGroupIds ?? []).map((g) => t(locale, 'broadcasts.toMembers', { group: groupName(org, g) })),
    ...(b.personIds?.length ? [t(locale, 'broadcasts.toPeople', { count: b.personIds.length })] : []),
  ];
  return parts.join(', ');
}

/** The people offered one by one: everyone in the organisation file, by name (staff in no group too: they are who a group's members leave out). */
function personChoices(org: Organisation): BroadcastCardData['personChoices'] {
  return [...org.people]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))
    .slice(0, MAX_PEOPLE_CHOICES)
    .map((p) => ({ title: userText(p.displayName), value: p.id }));
}

function rateText(locale: Locale, r: GroupReadRate): string {
  const p = percent(r.read, r.recipients);
  return p === null
    ? t(locale, 'broadcasts.rateNone')
    : t(locale, 'broadcasts.rate', { read: r.read, recipients: r.recipients, percent: `${p} %` });
}

function sentRows(locale: Locale, org: Organisation, rows: SentRow[], day: (iso: string) => string): BroadcastCardData['sent'] {
  return rows.slice(0, 10).map(({ broadcast: b, rates }) => ({
    title: userText(b.title),
    when: t(locale, 'broadcasts.when', { date: day(b.sentAt), groups: sentTo(locale, org, b) }),
    rates: rates.map((r) => ({ title: rowName(locale, org, r.groupId), value: rateText(locale, r) })),
  }));
}

function base(
  locale: Locale,
): Omit<BroadcastCardData, 'title' | 'summary' | 'message' | 'compose' | 'groupChoices' | 'memberGroupChoices' | 'personChoices' | 'sent'> {
  return {
    notice: '',
    noticeColor: 'Default',
    readStatus: '',
    ratesHeading: t(locale, 'broadcasts.ratesHeading'),
    labels: Object.fromEntries(LABELS.map((k) => [k, t(locale, `broadcasts.labels.${k}`)])),
  };
}

/** The `broadcast` card a convener composes on, with what they sent and the read rates per group. */
export function composeCard(
  locale: Locale,
  org: Organisation,
  sent: SentRow[],
  day: (iso: string) => string,
  notice?: { text: string; ok: boolean },
  maxBytes: number = MAX_CARD_BYTES,
): AdaptiveCardJson {
  const groupChoices = org.groups.map((g) => ({ title: userText(g.name), value: g.id }));
  const data: BroadcastCardData = {
    ...base(locale),
    title: t(locale, 'broadcasts.title'),
    summary: t(locale, 'broadcasts.summary'),
    notice: userText(notice?.text),
    noticeColor: notice?.ok === false ? 'Attention' : 'Default',
    message: { id: '', text: '', from: '', url: '' },
    sent: sentRows(locale, org, [...sent].reverse(), day),
    compose: true,
    groupChoices,
    memberGroupChoices: groupChoices,
    personChoices: [],
  };
  // Within the card's size: as many people to choose as fit; with very many groups, none, and no member groups either.
  const people = personChoices(org);
  try {
    return fitList(people, (shown) => renderCard('broadcast', { ...data, personChoices: [...shown] }), maxBytes, jsonBytes).card;
  } catch (err) {
    if (!(err instanceof CardTooLargeError)) throw err;
    return renderCard('broadcast', { ...data, memberGroupChoices: [] });
  }
}

/**
 * A broadcast as posted in a group's channel, with its "Läst" button; after a
 * press, what the reader sees (`readStatus`), and for its sender the read
 * rates per group.
 */
export function postedCard(
  locale: Locale,
  org: Organisation,
  b: Broadcast,
  day: (iso: string) => string,
  after?: { notice: string; read: boolean; rates?: GroupReadRate[] },
): AdaptiveCardJson {
  const data: BroadcastCardData = {
    ...base(locale),
    title: userText(b.title),
    summary: '',
    notice: userText(after?.notice),
    message: { id: b.id, text: userText(b.text), from: t(locale, 'broadcasts.fromPerson', { date: day(b.sentAt) }), url: b.url },
    readStatus: after?.read ? t(locale, 'broadcasts.readStatus') : '',
    sent: after?.rates ? sentRows(locale, org, [{ broadcast: b, rates: after.rates }], day) : [],
    compose: false,
    groupChoices: [],
    memberGroupChoices: [],
    personChoices: [],
  };
  return renderCard('broadcast', data);
}
