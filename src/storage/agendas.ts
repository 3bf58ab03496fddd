import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { Agenda, AgendaItem } from '../domain/agenda/agenda';
import { fromStore, type CheckedText } from '../domain/consent/checked-text';
import type { ActionItem, Minutes, SipEntry } from '../domain/minutes/minutes';
import { decodeKey, encodeKey, jsonProperty } from './keys';
import { isConflict, isNotFound, odata } from './tables';

/**
 * Agendas and minutes, one row per meeting, partitioned by (tenant, group);
 * open actions one row each in their own table, so the next agenda, the
 * reminders and the digest find them without reading old minutes. Every
 * change is ETag-conditional: two members proposing at once both land.
 */

const NO_TENANT = '~none';
const pk = (tenantId: string, groupId: string) => `${encodeKey(tenantId || NO_TENANT)}|${encodeKey(groupId)}`;
type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

const json = jsonProperty;
const str = (e: Row, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');

async function conditional<T extends { etag?: string }>(
  read: () => Promise<T | undefined>,
  write: (next: T, etag: string | undefined) => Promise<string | undefined>,
  change: (cur: T | undefined) => T | undefined,
  attempts = 8,
): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const cur = await read();
    const next = change(cur);
    if (!next) return cur;
    try {
      const etag = await write(next, cur?.etag);
      return { ...next, etag };
    } catch (err) {
      if (!isConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (i + 1)));
    }
  }
  throw Object.assign(new Error('update kept conflicting'), { code: 'UpdateConflict' });
}

export class AgendaStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, groupId: string, meetingId: string): Promise<Agenda | undefined> {
    try {
      const e = await this.table.getEntity<Row>(pk(tenantId, groupId), encodeKey(meetingId));
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
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Creates or changes the agenda with an ETag-conditional write, retrying on conflict. */
  async update(
    tenantId: string,
    groupId: string,
    meetingId: string,
    change: (cur: Agenda | undefined) => Agenda | undefined,
  ): Promise<Agenda | undefined> {
    return conditional(
      () => this.get(tenantId, groupId, meetingId),
      async (a, etag) => {
        const entity = {
          partitionKey: pk(tenantId, groupId),
          rowKey: encodeKey(meetingId),
          items: JSON.stringify(a.items),
          status: a.status,
          publishedAt: a.publishedAt ?? '',
          publishedBy: a.publishedBy ?? '',
          cardConversationId: a.card?.conversationId ?? '',
          cardActivityId: a.card?.activityId ?? '',
          updatedAt: a.updatedAt,
        };
        const res = etag ? await this.table.updateEntity(entity, 'Replace', { etag }) : await this.table.createEntity(entity);
        return res.etag;
      },
      change,
    );
  }
}

export class MinutesStore {
  constructor(
    private readonly table: TableClient,
    private readonly actionsTable: TableClient,
    private readonly printTable: TableClient,
  ) {}

  async get(tenantId: string, groupId: string, meetingId: string): Promise<Minutes | undefined> {
    try {
      const e = await this.table.getEntity<Row>(pk(tenantId, groupId), encodeKey(meetingId));
      return fromMinutesRow(tenantId, groupId, meetingId, e);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async update(
    tenantId: string,
    groupId: string,
    meetingId: string,
    change: (cur: Minutes | undefined) => Minutes | undefined,
  ): Promise<Minutes | undefined> {
    return conditional(
      () => this.get(tenantId, groupId, meetingId),
      async (m, etag) => {
        const entity = {
          partitionKey: pk(tenantId, groupId),
          rowKey: encodeKey(meetingId),
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
        const res = etag ? await this.table.updateEntity(entity, 'Replace', { etag }) : await this.table.createEntity(entity);
        return res.etag;
      },
      change,
    );
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

  async saveActions(tenantId: string, groupId: string, actions: ActionItem[]): Promise<void> {
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

  async actionsOf(tenantId: string, groupId: string): Promise<ActionItem[]> {
    const out: ActionItem[] = [];
    for await (const e of this.actionsTable.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${pk(tenantId, groupId)}` },
    })) {
      out.push({
        id: decodeKey(e.rowKey ?? ''),
        what: fromStore(str(e, 'what')),
        who: fromStore(str(e, 'who')),
        whoPersonId: str(e, 'whoPersonId') || undefined,
        due: str(e, 'due'),
        doneAt: str(e, 'doneAt') || undefined,
        meetingId: str(e, 'meetingId'),
      });
    }
    return out;
  }

  async action(tenantId: string, groupId: string, id: string): Promise<ActionItem | undefined> {
    try {
      const e = await this.actionsTable.getEntity<Row>(pk(tenantId, groupId), encodeKey(id));
      return {
        id,
        what: fromStore(str(e, 'what')),
        who: fromStore(str(e, 'who')),
        whoPersonId: str(e, 'whoPersonId') || undefined,
        due: str(e, 'due'),
        doneAt: str(e, 'doneAt') || undefined,
        meetingId: str(e, 'meetingId'),
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
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
    actions: json<ActionItem[]>(e.actions, []),
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
