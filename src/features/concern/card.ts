import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import type { Reporting } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';

interface Fact {
  title: string;
  value: string;
}

/** The data of adaptive-cards/concern.json. */
export interface ConcernCardData {
  title: string;
  duty: string;
  noConsent: string;
  howTitle: string;
  /** Which way to report right now (office hours or the on-call); empty when the organisation gives no office hours. */
  now: string;
  /** The routes, the one that answers now first. */
  routes: Fact[];
  notConfigured: string;
  urgent: string;
  footer: string;
  /** An https link from the organisation file, opened by a button; empty for none. */
  eServiceUrl: string;
  labels: { eService: string };
}

/**
 * The `concern` card: the duty to report (SoL 14 kap. 1 §), that it needs no
 * consent, and how to report now: the e-service, social services' phone in
 * office hours, the social on-call outside them (first when it is out of
 * hours). `inOffice` is undefined when the organisation gives no office hours.
 */
export function concernCard(locale: Locale, reporting: Reporting | undefined, inOffice: boolean | undefined): AdaptiveCardJson {
  const r = reporting ?? {};
  const office: Fact[] = r.phone
    ? [
        {
          title: t(locale, 'concern.routes.office'),
          value: r.officeHours
            ? t(locale, 'concern.routes.officeValue', { phone: r.phone, hours: r.officeHours.replace('-', '–') })
            : t(locale, 'concern.routes.officeValueNoHours', { phone: r.phone }),
        },
      ]
    : [];
  const onCall: Fact[] = r.onCallPhone
    ? [
        {
          title: t(locale, 'concern.routes.onCall'),
          value: t(locale, 'concern.routes.onCallValue', {
            name: r.onCallName ? userText(r.onCallName) : t(locale, 'concern.routes.onCallDefaultName'),
            phone: r.onCallPhone,
          }),
        },
      ]
    : [];
  const eService: Fact[] = r.eServiceUrl
    ? [{ title: t(locale, 'concern.routes.eService'), value: t(locale, 'concern.routes.eServiceValue') }]
    : [];
  const routes = inOffice === false ? [...onCall, ...office, ...eService] : [...office, ...eService, ...onCall];
  const data: ConcernCardData = {
    title: t(locale, 'concern.title'),
    duty: t(locale, 'concern.duty'),
    noConsent: t(locale, 'concern.noConsent'),
    howTitle: t(locale, 'concern.howTitle'),
    now: inOffice === undefined || routes.length === 0 ? '' : t(locale, inOffice ? 'concern.nowOffice' : 'concern.nowOnCall'),
    routes,
    notConfigured: routes.length === 0 ? t(locale, 'concern.notConfigured') : '',
    urgent: t(locale, 'concern.urgent'),
    footer: t(locale, 'concern.footer'),
    eServiceUrl: r.eServiceUrl ?? '',
    labels: { eService: t(locale, 'concern.labels.eService') },
  };
  return renderCard('concern', data);
}
