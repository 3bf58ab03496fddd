import { createHash, randomBytes } from 'node:crypto';
import type { Agenda, AgendaItem } from '../../../src/domain/agenda/agenda';
import { fromStore, type CheckedText } from '../../../src/domain/consent/checked-text';
import type { Task, Minutes, SipEntry } from '../../../src/domain/minutes/minutes';
import type { AgendaStore, MinutesStore } from '../../../src/storage/agendas';
import { decodeKey, encodeKey, jsonProperty } from '../../../src/storage/keys';
import { isConflict, isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Props, type Public, str } from './table';

/**
 * AgendaStore and MinutesStore (src/storage/agendas.ts) over memory tables:
 * the same rows, keys, JSON columns and ETag-conditional retry loop, so a
 * value reads back exactly as it would from Table Storage.
 */

const NO_TENANT = '~none';
const pk = (tenantId: string, groupId: string) => `${encodeKey(tenantId || NO_TENANT)}|${encodeKey(groupId)}`;
const json = jsonProperty;

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
    }
  }
  throw Object.assign(new Error('update kept conflicting'), { code: 'UpdateConflict' });
}

export class MemoryAgendaStore implements Public<AgendaStore> {
  readonly table = new MemoryTable();

  async get(tenantId: string, groupId: string, meetingId: string): Promise<Agenda | undefined> {
    try {
      const e = await this.table.getEntity(pk(tenantId, groupId), encodeKey(meetingId));
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

export class MemoryMinutesStore implements Public<MinutesStore> {
  readonly table = new MemoryTable();
  readonly actionsTable = new MemoryTable();
  readonly printTable = new MemoryTable();

  async get(tenantId: string, groupId: string, meetingId: string): Promise<Minutes | undefined> {
    try {
      const e = await this.table.getEntity(pk(tenantId, groupId), encodeKey(meetingId));
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

  /** In row-key order (the encoded meeting id), as the partition query answers. */
  async listGroup(tenantId: string, groupId: string): Promise<Minutes[]> {
    const p = pk(tenantId, groupId);
    return this.table.listEntities((e) => e.partitionKey === p).map((e) => fromMinutesRow(tenantId, groupId, decodeKey(e.rowKey), e));
  }

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
    const p = pk(tenantId, groupId);
    return this.actionsTable.listEntities((e) => e.partitionKey === p).map((e) => actionOf(decodeKey(e.rowKey), e));
  }

  async action(tenantId: string, groupId: string, id: string): Promise<Task | undefined> {
    try {
      return actionOf(id, await this.actionsTable.getEntity(pk(tenantId, groupId), encodeKey(id)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  async registerPrintToken(token: string, tenantId: string, groupId: string, meetingId: string): Promise<void> {
    await this.printTable.upsertEntity(
      { partitionKey: 'p', rowKey: MemoryMinutesStore.hash(token), tenantId, groupId, meetingId },
      'Replace',
    );
  }

  async resolvePrintToken(token: string): Promise<{ tenantId: string; groupId: string; meetingId: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    try {
      const e = await this.printTable.getEntity('p', MemoryMinutesStore.hash(token));
      return { tenantId: str(e, 'tenantId'), groupId: str(e, 'groupId'), meetingId: str(e, 'meetingId') };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function actionOf(id: string, e: Props): Task {
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

function fromMinutesRow(tenantId: string, groupId: string, meetingId: string, e: Props & { etag?: string }): Minutes {
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
