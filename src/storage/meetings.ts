import { fromStore } from '../domain/consent/checked-text';
import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { MeetingCalendar } from '../domain/meetings/calendar';
import type { Meeting, RsvpAnswer } from '../domain/meetings/meeting';
import { decodeKey, encodeKey, jsonProperty, groupPartition, tenantKey, tenantOfKey } from './keys';
import { getIfExists, isConflict, isNotFound, odata, withEtagRetry } from './tables';

/**
 * Meetings, one partition per (tenant, group): a group's coming meetings are
 * one partition query, and a meeting is a point read because its id names
 * its group. Updates are ETag-conditional; `update` re-reads and re-applies
 * a change when another turn or process wrote in between.
 */

const pk = groupPartition;

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

function toEntity(m: Meeting): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: pk(m.tenantId, m.groupId),
    rowKey: encodeKey(m.id),
    groupId: m.groupId,
    seriesId: m.seriesId ?? '',
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    location: m.location ?? '',
    status: m.status,
    sequence: m.sequence,
    agendaStatus: m.agendaStatus,
    rsvp: JSON.stringify(m.rsvp),
    rsvpUserIds: JSON.stringify(m.rsvpUserIds),
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    cardConversationId: m.card?.conversationId ?? '',
    cardActivityId: m.card?.activityId ?? '',
    reminded: JSON.stringify(m.reminded),
    invitees: m.invitees?.length ? JSON.stringify(m.invitees) : '',
    calendar: m.calendar ? JSON.stringify(m.calendar) : '',
  };
}

const json = jsonProperty;

function fromEntity(e: Row): Meeting {
  const [tenant] = String(e.partitionKey ?? '').split('|');
  const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  return {
    id: decodeKey(e.rowKey ?? ''),
    tenantId: tenantOfKey(tenant),
    groupId: s('groupId'),
    seriesId: s('seriesId') || undefined,
    start: s('start'),
    end: s('end'),
    timeZone: s('timeZone'),
    durationMinutes: Number(e.durationMinutes ?? 0),
    location: s('location') ? fromStore(s('location')) : undefined,
    status: s('status') === 'cancelled' ? 'cancelled' : 'scheduled',
    sequence: Number(e.sequence ?? 0),
    agendaStatus: (['none', 'draft', 'published'].includes(s('agendaStatus')) ? s('agendaStatus') : 'none') as Meeting['agendaStatus'],
    rsvp: json<Record<string, RsvpAnswer>>(e.rsvp, {}),
    rsvpUserIds: json<string[]>(e.rsvpUserIds, []),
    createdBy: s('createdBy'),
    createdAt: s('createdAt'),
    updatedAt: s('updatedAt'),
    card: s('cardActivityId') ? { conversationId: s('cardConversationId'), activityId: s('cardActivityId') } : undefined,
    reminded: json<Record<string, number>>(e.reminded, {}),
    ...(s('invitees') ? { invitees: json<string[]>(e.invitees, []) } : {}),
    calendar: s('calendar') ? json<MeetingCalendar | undefined>(e.calendar, undefined) : undefined,
    etag: e.etag,
  };
}

export class MeetingStore {
  constructor(private readonly table: TableClient) {}

  /** Creates the meeting; undefined when one with its id exists already (a resent activity). */
  async create(m: Meeting): Promise<Meeting | undefined> {
    try {
      const res = await this.table.createEntity(toEntity(m));
      return { ...m, etag: res.etag };
    } catch (err) {
      if ((err as { statusCode?: number })?.statusCode === 409) return undefined;
      throw err;
    }
  }

  async get(tenantId: string, groupId: string, meetingId: string): Promise<Meeting | undefined> {
    const e = await getIfExists<Row>(this.table, pk(tenantId, groupId), encodeKey(meetingId));
    return e && fromEntity(e);
  }

  /**
   * Applies `change` to the stored meeting with an ETag-conditional replace,
   * re-reading and retrying when someone else wrote first. `change` may
   * return undefined to leave the meeting as it is.
   */
  async update(
    tenantId: string,
    groupId: string,
    meetingId: string,
    change: (m: Meeting) => Meeting | undefined,
    attempts = 8,
  ): Promise<Meeting | undefined> {
    return withEtagRetry(
      () => this.get(tenantId, groupId, meetingId),
      async (next, etag) => (await this.table.updateEntity(toEntity(next), 'Replace', { etag })).etag,
      (current) => (current ? change(current) : undefined),
      {
        attempts,
        conflictError: () => Object.assign(new Error('meeting update kept conflicting'), { code: 'MeetingUpdateConflict' }),
      },
    );
  }

  /** The group's meetings whose end is at or after `from` (all when omitted), by start. */
  async listGroup(tenantId: string, groupId: string, options: { from?: Date; to?: Date } = {}): Promise<Meeting[]> {
    let filter = odata`PartitionKey eq ${pk(tenantId, groupId)}`;
    if (options.from) filter += ` and ${odata`end ge ${options.from.toISOString()}`}`;
    if (options.to) filter += ` and ${odata`start lt ${options.to.toISOString()}`}`;
    const out: Meeting[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) out.push(fromEntity(e));
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  async listSeries(tenantId: string, groupId: string, seriesId: string): Promise<Meeting[]> {
    const filter = odata`PartitionKey eq ${pk(tenantId, groupId)} and seriesId eq ${seriesId}`;
    const out: Meeting[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) out.push(fromEntity(e));
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
}

export interface CalendarFeed {
  tenantId: string;
  groupId: string;
  token: string;
  createdAt: string;
}

/**
 * Calendar feed tokens. The group's row holds the current token (conveners
 * are shown it again); an index row keyed by the token's SHA-256 answers the
 * unauthenticated GET /calendar/<token>.ics without scanning, and is deleted
 * when the token is rotated so the old link stops working at once.
 */
export class CalendarFeedStore {
  constructor(private readonly table: TableClient) {}

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  private groupKey(tenantId: string, groupId: string): { partitionKey: string; rowKey: string } {
    return { partitionKey: `g|${tenantKey(tenantId)}`, rowKey: encodeKey(groupId) };
  }

  private async groupRow(tenantId: string, groupId: string): Promise<(CalendarFeed & { revoking: string }) | undefined> {
    const k = this.groupKey(tenantId, groupId);
    try {
      const e = await this.table.getEntity<Row>(k.partitionKey, k.rowKey);
      return { tenantId, groupId, token: String(e.token), createdAt: String(e.createdAt), revoking: String(e.revoking ?? '') };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async current(tenantId: string, groupId: string): Promise<CalendarFeed | undefined> {
    const row = await this.groupRow(tenantId, groupId);
    return row ? { tenantId, groupId, token: row.token, createdAt: row.createdAt } : undefined;
  }

  private async index(feed: CalendarFeed): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: 't',
        rowKey: CalendarFeedStore.hash(feed.token),
        tenantId: feed.tenantId,
        groupId: feed.groupId,
        createdAt: feed.createdAt,
      },
      'Replace',
    );
  }

  private async unindex(token: string): Promise<void> {
    try {
      await this.table.deleteEntity('t', CalendarFeedStore.hash(token));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /**
   * Finishes what a rotation or a first creation cut short (storage or the
   * process failed between its writes): the current token is findable, the
   * one being revoked is not.
   */
  private async repair(row: CalendarFeed & { revoking: string }): Promise<void> {
    if (!(await this.resolve(row.token))) await this.index(row);
    if (row.revoking) {
      await this.unindex(row.revoking);
      const k = this.groupKey(row.tenantId, row.groupId);
      await this.table.updateEntity({ ...k, revoking: '' }, 'Merge');
    }
  }

  /**
   * The group's token, created on first use: the group's row first (created
   * only if absent, so two processes or a resent turn agree on one token),
   * then the index a feed request finds it by.
   */
  async ensure(tenantId: string, groupId: string, now: Date): Promise<CalendarFeed> {
    let row = await this.groupRow(tenantId, groupId);
    if (!row) {
      const token = CalendarFeedStore.newToken();
      try {
        await this.table.createEntity({ ...this.groupKey(tenantId, groupId), token, createdAt: now.toISOString(), revoking: '' });
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
      row = (await this.groupRow(tenantId, groupId))!;
    }
    await this.repair(row);
    return { tenantId, groupId, token: row.token, createdAt: row.createdAt };
  }

  /** A new token; the old one stops working (recorded as being revoked until its index row is gone). */
  async rotate(tenantId: string, groupId: string, now: Date, previous: CalendarFeed | undefined = undefined): Promise<CalendarFeed> {
    const row = await this.groupRow(tenantId, groupId);
    if (row) await this.repair(row);
    const old = previous ?? row;
    const token = CalendarFeedStore.newToken();
    const feed = { tenantId, groupId, token, createdAt: now.toISOString() };
    await this.table.upsertEntity(
      { ...this.groupKey(tenantId, groupId), token, createdAt: feed.createdAt, revoking: old?.token ?? '' },
      'Replace',
    );
    await this.repair({ ...feed, revoking: old?.token ?? '' });
    return feed;
  }

  /** Which group a token opens, if it is current. */
  async resolve(token: string): Promise<{ tenantId: string; groupId: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    try {
      const e = await this.table.getEntity<Row>('t', CalendarFeedStore.hash(token));
      return { tenantId: String(e.tenantId ?? ''), groupId: String(e.groupId ?? '') };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
