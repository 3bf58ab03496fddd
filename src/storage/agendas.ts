import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { Agenda, AgendaItem } from '../domain/agenda/agenda';
import { fromStore, type CheckedText } from '../domain/consent/checked-text';
import type { Task, Minutes, SipEntry } from '../domain/minutes/minutes';
import { decodeKey, encodeKey, jsonProperty, groupPartition } from './keys';
import { getIfExists, isNotFound, odata, replaceOrCreate, withEtagRetry } from './tables';

/**
 * Agendas and minutes, one row per meeting, partitioned by (tenant, group);
 * open actions one row each in their own table, so the next agenda, the
 * reminders and the digest find them without reading old minutes. Every
 * change is ETag-conditional: two members proposing at once both land.
 */

const pk = groupPartition;
type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

const json = jsonProperty;
const str = (e: Row, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');

/** Rows keyed by meeting within their group's partition: read, and changed under ETag retries. */
abstract class MeetingRows<T extends { etag?: string }> {
  constructor(protected readonly table: TableClient) {}

  protected abstract fromRow(tenantId: string, groupId: string, meetingId: string, e: Row): T;
  /** The row's properties, without its keys. */
  protected abstract toRow(value: T): Record<string, unknown>;

  async get(tenantId: string, groupId: string, meetingId: string): Promise<T | undefined> {
    const e = await getIfExists<Row>(this.table, pk(tenantId, groupId), encodeKey(meetingId));
    return e && this.fromRow(tenantId, groupId, meetingId, e);
  }

  /** Creates or changes the row with an ETag-conditional write, retrying on conflict. */
  async update(
    tenantId: string,
    groupId: string,
    meetingId: string,
    change: (cur: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    return withEtagRetry(
      () => this.get(tenantId, groupId, meetingId),
      (value, etag) =>
        replaceOrCreate(this.table, { partitionKey: pk(tenantId, groupId), rowKey: encodeKey(meetingId), ...this.toRow(value) }, etag),
      change,
    );
  }
}

export class AgendaStore extends MeetingRows<Agenda> {
  protected fromRow(tenantId: string, groupId: string, meetingId: string, e: Row): Agenda {
    return {
      tenantId,
      groupId,
      meetingId,
      items: json<AgendaItem[]>(e.items, []),
      status: str(e, 'status') === 'published' ? 'published' : 'draft',
      publishedAt: str(e, 'publishedAt') || undefined,
      publishedBy: str(e, 'publishedBy') || undefined,
      card: str(e, 'cardActivityId') ? { conversationId: str(e, 'cardConversationId'), activityId: str(e, 'cardActivityId') } : undefined,
      updatedAt: str(e, 'updatedAt'),
      etag: e.etag,
    };
  }

  protected toRow(a: Agenda): Record<string, unknown> {
    return {
      items: JSON.stringify(a.items),
      status: a.status,
      publishedAt: a.publishedAt ?? '',
      publishedBy: a.publishedBy ?? '',
      cardConversationId: a.card?.conversationId ?? '',
      cardActivityId: a.card?.activityId ?? '',
      updatedAt: a.updatedAt,
    };
  }
}

export class MinutesStore extends MeetingRows<Minutes> {
  constructor(
    table: TableClient,
    private readonly actionsTable: TableClient,
    private readonly printTable: TableClient,
  ) {
    super(table);
  }

  protected fromRow(tenantId: string, groupId: string, meetingId: string, e: Row): Minutes {
    return fromMinutesRow(tenantId, groupId, meetingId, e);
  }

  protected toRow(m: Minutes): Record<string, unknown> {
    return {
      status: m.status,
      attendees: JSON.stringify(m.attendees),
      guests: m.guests,
      notes: JSON.stringify(m.notes),
      decisions: JSON.stringify(m.decisions),
      actions: JSON.stringify(m.actions),
      sip: JSON.stringify(m.sip),
      closedActions: JSON.stringify(m.closedActions),
      finalizedAt: m.finalizedAt ?? '',
      finalizedBy: m.finalizedBy ?? '',
      printToken: m.printToken ?? '',
      completedAt: m.completedAt ?? '',
      updatedAt: m.updatedAt,
    };
  }

  /** The group's finalised minutes, newest meeting first is up to the caller (rows carry no meeting time). */
  async listGroup(tenantId: string, groupId: string): Promise<Minutes[]> {
    const out: Minutes[] = [];
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId, groupId)}` } })) {
      out.push(fromMinutesRow(tenantId, groupId, decodeKey(e.rowKey ?? ''), e));
    }
    return out;
  }

  // ---- actions

  async saveActions(tenantId: string, groupId: string, actions: Task[]): Promise<void> {
    for (const a of actions) {
      await this.actionsTable.upsertEntity(
        {
          partitionKey: pk(tenantId, groupId),
          rowKey: encodeKey(a.id),
          what: a.what,
          who: a.who,
          whoPersonId: a.whoPersonId ?? '',
          due: a.due,
          doneAt: a.doneAt ?? '',
          meetingId: a.meetingId,
        },
        'Merge',
      );
    }
  }

  async markDone(tenantId: string, groupId: string, actionIds: string[], at: string): Promise<void> {
    for (const id of actionIds) {
      try {
        await this.actionsTable.updateEntity({ partitionKey: pk(tenantId, groupId), rowKey: encodeKey(id), doneAt: at }, 'Merge');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  async actionsOf(tenantId: string, groupId: string): Promise<Task[]> {
    const out: Task[] = [];
    for await (const e of this.actionsTable.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId, groupId)}` },
    })) {
      out.push(fromActionRow(decodeKey(e.rowKey ?? ''), e));
    }
    return out;
  }

  async action(tenantId: string, groupId: string, id: string): Promise<Task | undefined> {
    const e = await getIfExists<Row>(this.actionsTable, pk(tenantId, groupId), encodeKey(id));
    return e && fromActionRow(id, e);
  }

  // ---- the printable page's key

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  async registerPrintToken(token: string, tenantId: string, groupId: string, meetingId: string): Promise<void> {
    await this.printTable.upsertEntity({ partitionKey: 'p', rowKey: MinutesStore.hash(token), tenantId, groupId, meetingId }, 'Replace');
  }

  async resolvePrintToken(token: string): Promise<{ tenantId: string; groupId: string; meetingId: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    try {
      const e = await this.printTable.getEntity<Row>('p', MinutesStore.hash(token));
      return { tenantId: str(e, 'tenantId'), groupId: str(e, 'groupId'), meetingId: str(e, 'meetingId') };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function fromActionRow(id: string, e: Row): Task {
  return {
    id,
    what: fromStore(str(e, 'what')),
    who: fromStore(str(e, 'who')),
    whoPersonId: str(e, 'whoPersonId') || undefined,
    due: str(e, 'due'),
    doneAt: str(e, 'doneAt') || undefined,
    meetingId: str(e, 'meetingId'),
  };
}

function fromMinutesRow(tenantId: string, groupId: string, meetingId: string, e: Row): Minutes {
  return {
    tenantId,
    groupId,
    meetingId,
    status: str(e, 'status') === 'final' ? 'final' : 'draft',
    attendees: json<string[]>(e.attendees, []),
    guests: fromStore(str(e, 'guests')),
    notes: json<Record<string, CheckedText>>(e.notes, {}),
    decisions: json<CheckedText[]>(e.decisions, []),
    actions: json<Task[]>(e.actions, []),
    sip: json<SipEntry[]>(e.sip, []),
    closedActions: json<string[]>(e.closedActions, []),
    finalizedAt: str(e, 'finalizedAt') || undefined,
    finalizedBy: str(e, 'finalizedBy') || undefined,
    printToken: str(e, 'printToken') || undefined,
    completedAt: str(e, 'completedAt') || undefined,
    updatedAt: str(e, 'updatedAt'),
    etag: e.etag,
  };
}
