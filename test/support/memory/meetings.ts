import { createHash, randomBytes } from 'node:crypto';
import { fromStore } from '../../../src/domain/consent/checked-text';
import type { Meeting, RsvpAnswer } from '../../../src/domain/meetings/meeting';
import { decodeKey, encodeKey, jsonProperty } from '../../../src/storage/keys';
import type { CalendarFeed, CalendarFeedStore, MeetingStore } from '../../../src/storage/meetings';
import { isConflict, isNotFound } from '../../../src/storage/tables';
import { type EntityIn, MemoryTable, type Props, type Public } from './table';

/**
 * MeetingStore and CalendarFeedStore (src/storage/meetings.ts). Meetings:
 * `create` answers undefined for an id that exists (the 409), `update` is
 * an ETag-conditional replace re-applied on a 412, lists are the partition
 * in row-key order then sorted by start (a stable sort: equal starts stay in
 * row-key order), with `from`/`to` compared as strings like the OData
 * filter does. Calendar feeds: the group row and the token index, with the
 * same repair of a rotation or creation cut short.
 */

const NO_TENANT = '~none';
const pk = (tenantId: string, groupId: string) => `${encodeKey(tenantId || NO_TENANT)}|${encodeKey(groupId)}`;
const json = jsonProperty;

function toEntity(m: Meeting): EntityIn {
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
  };
}

function fromEntity(e: Props & { partitionKey: string; rowKey: string; etag?: string }): Meeting {
  const [tenant] = e.partitionKey.split('|');
  const tenantId = decodeKey(tenant ?? '');
  const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  return {
    id: decodeKey(e.rowKey),
    tenantId: tenantId === NO_TENANT ? '' : tenantId,
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
    etag: e.etag,
  };
}

const byStart = (a: Meeting, b: Meeting) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
/** An OData string comparison: false unless the property is a string. */
const strGe = (v: unknown, x: string) => typeof v === 'string' && v >= x;
const strLt = (v: unknown, x: string) => typeof v === 'string' && v < x;

export class MemoryMeetingStore implements Public<MeetingStore> {
  readonly table = new MemoryTable();

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
    try {
      return fromEntity(await this.table.getEntity(pk(tenantId, groupId), encodeKey(meetingId)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async update(
    tenantId: string,
    groupId: string,
    meetingId: string,
    change: (m: Meeting) => Meeting | undefined,
    attempts = 8,
  ): Promise<Meeting | undefined> {
    for (let i = 0; i < attempts; i++) {
      const current = await this.get(tenantId, groupId, meetingId);
      if (!current) return undefined;
      const next = change(current);
      if (!next) return current;
      try {
        const res = await this.table.updateEntity(toEntity(next), 'Replace', { etag: current.etag });
        return { ...next, etag: res.etag };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw Object.assign(new Error('meeting update kept conflicting'), { code: 'MeetingUpdateConflict' });
  }

  async listGroup(tenantId: string, groupId: string, options: { from?: Date; to?: Date } = {}): Promise<Meeting[]> {
    const p = pk(tenantId, groupId);
    const from = options.from?.toISOString();
    const to = options.to?.toISOString();
    return this.table
      .listEntities((e) => e.partitionKey === p && (from === undefined || strGe(e.end, from)) && (to === undefined || strLt(e.start, to)))
      .map(fromEntity)
      .sort(byStart);
  }

  async listSeries(tenantId: string, groupId: string, seriesId: string): Promise<Meeting[]> {
    const p = pk(tenantId, groupId);
    return this.table
      .listEntities((e) => e.partitionKey === p && e.seriesId === seriesId)
      .map(fromEntity)
      .sort(byStart);
  }
}

export class MemoryCalendarFeedStore implements Public<CalendarFeedStore> {
  readonly table = new MemoryTable();

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  private groupKey(tenantId: string, groupId: string): { partitionKey: string; rowKey: string } {
    return { partitionKey: `g|${encodeKey(tenantId || NO_TENANT)}`, rowKey: encodeKey(groupId) };
  }

  private async groupRow(tenantId: string, groupId: string): Promise<(CalendarFeed & { revoking: string }) | undefined> {
    const k = this.groupKey(tenantId, groupId);
    try {
      const e = await this.table.getEntity(k.partitionKey, k.rowKey);
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
        rowKey: MemoryCalendarFeedStore.hash(feed.token),
        tenantId: feed.tenantId,
        groupId: feed.groupId,
        createdAt: feed.createdAt,
      },
      'Replace',
    );
  }

  private async unindex(token: string): Promise<void> {
    try {
      await this.table.deleteEntity('t', MemoryCalendarFeedStore.hash(token));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async repair(row: CalendarFeed & { revoking: string }): Promise<void> {
    if (!(await this.resolve(row.token))) await this.index(row);
    if (row.revoking) {
      await this.unindex(row.revoking);
      const k = this.groupKey(row.tenantId, row.groupId);
      await this.table.updateEntity({ ...k, revoking: '' }, 'Merge');
    }
  }

  async ensure(tenantId: string, groupId: string, now: Date): Promise<CalendarFeed> {
    let row = await this.groupRow(tenantId, groupId);
    if (!row) {
      const token = MemoryCalendarFeedStore.newToken();
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

  async rotate(tenantId: string, groupId: string, now: Date, previous: CalendarFeed | undefined = undefined): Promise<CalendarFeed> {
    const row = await this.groupRow(tenantId, groupId);
    if (row) await this.repair(row);
    const old = previous ?? row;
    const token = MemoryCalendarFeedStore.newToken();
    const feed = { tenantId, groupId, token, createdAt: now.toISOString() };
    await this.table.upsertEntity(
      { ...this.groupKey(tenantId, groupId), token, createdAt: feed.createdAt, revoking: old?.token ?? '' },
      'Replace',
    );
    await this.repair({ ...feed, revoking: old?.token ?? '' });
    return feed;
  }

  async resolve(token: string): Promise<{ tenantId: string; groupId: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    try {
      const e = await this.table.getEntity('t', MemoryCalendarFeedStore.hash(token));
      return { tenantId: String(e.tenantId ?? ''), groupId: String(e.groupId ?? '') };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
