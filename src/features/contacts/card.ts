import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { fitsCard } from '../../cards/size';
import { userText } from '../../cards/user-text';
import type { Contact } from '../../domain/contacts/contacts';
import type { Reporting } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';

interface Fact {
  title: string;
  value: string;
}

/** The data of adaptive-cards/contacts.json. */
export interface ContactsCardData {
  title: string;
  summary: string;
  /** The on-call block above the list (asked out of office hours), or below it. */
  onCallFirst: boolean;
  onCallLast: boolean;
  urgent: { title: string; facts: Fact[] };
  people: Array<{ heading: string; facts: Fact[] }>;
  empty: string;
  more: string;
  hasMore: boolean;
  query: string;
  /** Where the next page starts. */
  offset: string;
  footer: string;
  labels: { more: string; concern: string };
}

/** People on one page of the card; fewer when their groups make the card heavy. */
export const CONTACTS_PAGE_SIZE = 20;
/** Groups named per person; the rest are counted. */
const GROUPS_SHOWN = 4;

export interface ContactsView {
  contacts: Contact[];
  /** What the user searched for (gated), or undefined for everyone. */
  query?: string;
  /** The first person shown, 0-based (the previous page's end: a page may hold fewer than CONTACTS_PAGE_SIZE). */
  offset: number;
  reporting?: Reporting;
  /** Whether social services' office is open now; undefined when the organisation gives no office hours. */
  inOffice?: boolean;
}

function personFacts(locale: Locale, c: Contact): Fact[] {
  const facts: Fact[] = [];
  if (c.agency) facts.push({ title: t(locale, 'contacts.facts.agency'), value: userText(c.agency.name) });
  if (c.groups.length) {
    const names = c.groups
      .slice(0, GROUPS_SHOWN)
      .map(({ group, convener }) => (convener ? t(locale, 'contacts.convenes', { group: userText(group.name) }) : userText(group.name)))
      .join(', ');
    const left = c.groups.length - GROUPS_SHOWN;
    facts.push({
      title: t(locale, 'contacts.facts.groups'),
      value: left > 0 ? t(locale, 'contacts.andMore', { groups: names, count: left }) : names,
    });
  }
  // Phone and e-mail are checked by the organisation file's schema (digits and marks; an address): shown as written.
  if (c.person.phone) facts.push({ title: t(locale, 'contacts.facts.phone'), value: c.person.phone });
  if (c.person.email) facts.push({ title: t(locale, 'contacts.facts.email'), value: c.person.email });
  if (!c.person.phone && !c.person.email) facts.push({ title: t(locale, 'contacts.facts.phone'), value: t(locale, 'contacts.facts.none') });
  return facts;
}

function urgentBlock(locale: Locale, r: Reporting | undefined, inOffice: boolean | undefined): { title: string; facts: Fact[] } {
  const facts: Fact[] = [];
  const onCall = r?.onCallPhone
    ? [{ title: t(locale, 'contacts.urgent.onCall'), value: r.onCallName ? `${userText(r.onCallName)} ${r.onCallPhone}` : r.onCallPhone }]
    : [];
  const office = r?.phone
    ? [
        {
          title: t(locale, 'contacts.urgent.office'),
          value: r.officeHours
            ? t(locale, 'contacts.urgent.officeValue', { phone: r.phone, hours: r.officeHours.replace('-', '–') })
            : r.phone,
        },
      ]
    : [];
  facts.push(...(inOffice === false ? [...onCall, ...office] : [...office, ...onCall]));
  facts.push({ title: t(locale, 'contacts.urgent.emergency'), value: t(locale, 'contacts.urgent.emergencyValue') });
  return { title: t(locale, inOffice === false && onCall.length ? 'contacts.urgent.titleOnCall' : 'contacts.urgent.titleOffice'), facts };
}

/**
 * The `contacts` card: one page of people (CONTACTS_PAGE_SIZE, fewer if the
 * card would pass 40 KB), the social on-call above the list when asked out of
 * office hours and below it otherwise, and "Visa fler" for the next page.
 */
export function contactsCard(locale: Locale, view: ContactsView): AdaptiveCardJson {
  const total = view.contacts.length;
  const start = Math.max(0, Math.min(view.offset, total - 1));
  const query = view.query ? userText(view.query) : '';
  const build = (size: number) => {
    const shown = view.contacts.slice(start, start + size);
    const end = start + shown.length;
    const hasMore = end < total;
    const data: ContactsCardData = {
      title: t(locale, 'contacts.title'),
      summary: query ? t(locale, 'contacts.summaryQuery', { count: total, query }) : t(locale, 'contacts.summaryAll', { count: total }),
      onCallFirst: view.inOffice === false,
      onCallLast: view.inOffice !== false,
      urgent: urgentBlock(locale, view.reporting, view.inOffice),
      people: shown.map((c) => ({
        heading: t(locale, 'contacts.heading', { name: userText(c.person.displayName), role: userText(c.person.role) }),
        facts: personFacts(locale, c),
      })),
      empty: total === 0 ? t(locale, 'contacts.empty', { query }) : '',
      more: total > shown.length ? t(locale, 'contacts.more', { from: start + 1, to: end, total }) : '',
      hasMore,
      query: view.query ?? '',
      offset: String(end),
      footer: t(locale, 'contacts.footer'),
      labels: { more: t(locale, 'contacts.labels.more'), concern: t(locale, 'contacts.labels.concern') },
    };
    return renderCard('contacts', data);
  };
  let size = CONTACTS_PAGE_SIZE;
  let card = build(size);
  while (!fitsCard(card) && size > 1) card = build((size = Math.floor(size / 2)));
  return card;
}
