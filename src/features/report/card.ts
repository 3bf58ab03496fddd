import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import type { Report } from '../../domain/report/report';
import { t, type Locale } from '../../i18n';
import { periodLabel } from './page';

/** The `report` card: the period's headline figures and the link to the printable page. */
export function reportCard(locale: Locale, report: Report, url: string): AdaptiveCardJson {
  const tt = report.totals;
  const c = (k: string, params: Record<string, string | number> = {}) => t(locale, `report.card.${k}`, params);
  return renderCard('report', {
    title: c('title', { period: periodLabel(locale, report.period.year, report.period.interim) }),
    subtitle: c('subtitle', { organisation: userText(report.organisationName), count: report.groups.length, asOf: report.asOf }),
    lines: [
      c('meetings', { held: tt.held, expected: tt.expected }),
      c('decisions', { count: tt.decisions }),
      c('actionsOverdue', { count: tt.actionsOverdue }),
      c('refusals', { count: tt.refusals }),
      c('reviews', { count: report.reviews.length }),
    ].map((text) => ({ text })),
    note: c('note'),
    labels: { open: c('open') },
    url,
  });
}
