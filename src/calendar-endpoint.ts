import type { Request, Response, Server } from 'restify';
import type { BotServices } from './features/shared/services';
import { renderCalendar } from './domain/meetings/ical';
import { findGroup } from './domain/organisation';
import { notFound, unavailable } from './token-responses';
import { t } from './i18n';

/**
 * `GET /calendar/<token>.ics`: a group's meetings as an RFC 5545 feed for
 * Outlook's "subscribe from web". The token is the only key, so it is long
 * and random, compared by its hash in storage, never logged, and a wrong or
 * rotated one gets the same plain 404.
 */

const HISTORY_DAYS = 400;

/** What the feed reads: the feed tokens, the group's meetings and the organisation. */
export type CalendarEndpointDeps = Pick<BotServices, 'calendarFeeds' | 'meetings' | 'organisation' | 'now' | 'logger'>;

export function registerCalendarEndpoint(server: Server, services: CalendarEndpointDeps): void {
  server.get('/calendar/:file', async (req: Request, res: Response) => {
    const file = String(req.params?.file ?? '');
    const m = /^([A-Za-z0-9_-]{32,64})\.ics$/.exec(file);
    if (!m) return notFound(res);
    try {
      const feed = await services.calendarFeeds.resolve(m[1]!);
      const group = feed ? findGroup(services.organisation, feed.groupId) : undefined;
      if (!feed || !group) return notFound(res);
      const now = services.now();
      // A meeting booked for its invited members only (a SIP) stays out of the group's shared feed: its invitees have
      // it in their own chats (and in Outlook, when calendars are synced).
      const meetings = (
        await services.meetings.listGroup(feed.tenantId, group.id, {
          from: new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
        })
      ).filter((x) => !x.invitees?.length);
      const locale = 'sv';
      const body = renderCalendar({
        name: `${group.name} – Samverkan`,
        timeZone: services.organisation.timeZone,
        dtstamp: now,
        events: meetings.map((x) => ({
          uid: `${x.id}@samverkan`,
          start: new Date(x.start),
          end: new Date(x.end),
          summary: t(locale, 'meetings.ics.summary', { group: group.name }),
          description: t(locale, 'meetings.ics.description', { level: t(locale, `levels.${group.level}`).toLowerCase() }),
          location: x.location,
          sequence: x.sequence,
          status: x.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
          created: new Date(x.createdAt),
          lastModified: new Date(x.updatedAt),
        })),
      });
      services.logger.info({ event: 'calendarFeedServed', groupId: group.id, events: meetings.length }, 'calendar feed served');
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="${group.id}.ics"`,
        'cache-control': 'private, max-age=300',
      });
      res.end(body);
    } catch (err) {
      unavailable(res, services.logger, err, 'calendar feed failed');
    }
  });
}
