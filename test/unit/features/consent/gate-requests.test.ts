import { beforeEach, describe, expect, it } from 'vitest';
import { gateMessage, gateText } from '../../../../src/features/consent/gate';
import type { FigureEvent } from '../../../../src/domain/digest/figures';
import { AUDIT_RETRY_KIND, type AuditRetryPayload, writeAudit } from '../../../../src/features/consent/jobs';
import { TABLES } from '../../../../src/storage/tables';
import { inChannel, MEGAN, OPERATIVE_CHANNEL, personal, turnIn, world, type World } from './setup';

/**
 * Issue 17: a refused message's storage requests go side by side where they
 * can, so its answer waits for two round trips in a row, not seven: the
 * consents are read while the channel's group is looked up, and the audit
 * row, its group copy and the figures' count are written together.
 */

let w: World;
beforeEach(async () => {
  w = await world();
});

const ABOUT_CHILD = '150312-1236 har hög frånvaro igen, mamma har ringt skolan.';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("a refused message's storage requests", () => {
  it("reads the consents while the conversation's group is being looked up, and refuses when it is found", async () => {
    const turn = turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-1' }));
    const group = deferred<void>();
    const lookUp = turn.groupHere.bind(turn);
    turn.groupHere = async () => {
      await group.promise;
      return lookUp();
    };
    const read: string[] = [];
    const findByHash = w.deps.consents.findByHash.bind(w.deps.consents);
    w.deps.consents.findByHash = async (tenantId, hash) => {
      read.push(hash);
      return findByHash(tenantId, hash);
    };
    const gated = gateText(w.deps, turn, ABOUT_CHILD);
    await settle();
    expect(read).toHaveLength(1);
    group.resolve();
    await expect(gated).resolves.toMatchObject({ allowed: false, reason: 'noConsent', groupId: 'operativ' });
  });

  it('reads no consents in a personal chat, which is linked to no group', async () => {
    let reads = 0;
    const findByHash = w.deps.consents.findByHash.bind(w.deps.consents);
    w.deps.consents.findByHash = async (tenantId, hash) => {
      reads += 1;
      return findByHash(tenantId, hash);
    };
    await expect(gateText(w.deps, turnIn(w, personal(MEGAN)), ABOUT_CHILD)).resolves.toMatchObject({ allowed: false });
    expect(reads).toBe(0);
  });

  it("counts the refusal in the figures beside its audit row, under the row's key, also without an activity to key it by", async () => {
    const deps = { ...w.deps, figures: w.stores.figures };
    const counted: FigureEvent[] = [];
    const record = w.stores.figures.record.bind(w.stores.figures);
    w.stores.figures.record = async (e) => {
      counted.push(e);
      return record(e);
    };
    const written = deferred<void>();
    const append = w.stores.audit.append.bind(w.stores.audit);
    w.stores.audit.append = async (e) => {
      await written.promise;
      return append(e);
    };
    const gated = gateText(deps, turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL)), ABOUT_CHILD);
    await settle();
    expect(counted).toMatchObject([{ kind: 'refusal', groupId: 'operativ' }]);
    written.resolve();
    await expect(gated).resolves.toMatchObject({ allowed: false });
    const rows = w.stores.tables.client(TABLES.audit).all();
    expect(rows).toHaveLength(1);
    expect(counted[0]).toMatchObject({ id: rows[0]!.rowKey });
    expect(
      w.stores.tables
        .client(TABLES.auditByGroup)
        .all()
        .map((r) => r.rowKey),
    ).toEqual([rows[0]!.rowKey]);
  });

  it('answers the writer once the audit row is written, without waiting for the count; the turn ends when that is done', async () => {
    const deps = { ...w.deps, figures: w.stores.figures };
    const counting = deferred<void>();
    const record = w.stores.figures.record.bind(w.stores.figures);
    w.stores.figures.record = async (e) => {
      await counting.promise;
      return record(e);
    };
    const rowWritten = deferred<void>();
    const append = w.stores.audit.append.bind(w.stores.audit);
    w.stores.audit.append = async (e) => {
      await rowWritten.promise;
      return append(e);
    };
    const turn = turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-2' }));
    let ended = false;
    const gated = gateMessage(deps, turn, ABOUT_CHILD).then((r) => {
      ended = true;
      return r;
    });
    await settle();
    // No answer before the audit row is written.
    expect(turn.sent).toHaveLength(0);
    rowWritten.resolve();
    await new Promise((r) => setTimeout(r, 20));
    expect(w.stores.tables.client(TABLES.audit).all()).toHaveLength(1);
    expect(turn.sent).toHaveLength(1);
    expect(ended).toBe(false);
    counting.resolve();
    await expect(gated).resolves.toEqual({ identifiable: true });
    expect(w.stores.tables.client(TABLES.figures).all().length).toBeGreaterThan(0);
  });

  it('plans the count as a job when it fails after the answer, and the job counts it under the same key', async () => {
    const planned: Array<{ kind: string; payload: unknown }> = [];
    const scheduler = {
      schedule: async (j: { kind: string; payload: unknown }) => {
        planned.push(j);
        return { created: true };
      },
    };
    const deps = { ...w.deps, figures: w.stores.figures, scheduler } as unknown as typeof w.deps;
    const record = w.stores.figures.record.bind(w.stores.figures);
    w.stores.figures.record = async () => {
      throw Object.assign(new Error('storage down'), { statusCode: 503 });
    };
    const turn = turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-3' }));
    await expect(gateMessage(deps, turn, ABOUT_CHILD)).resolves.toEqual({ identifiable: true });
    expect(turn.sent).toHaveLength(1);
    const job = planned.find((j) => j.kind === AUDIT_RETRY_KIND);
    expect(job).toBeDefined();
    w.stores.figures.record = record;
    const counted: FigureEvent[] = [];
    w.stores.figures.record = async (e) => {
      counted.push(e);
      return record(e);
    };
    await writeAudit({ audit: w.stores.audit, figures: w.stores.figures }, job!.payload as AuditRetryPayload);
    const rows = w.stores.tables.client(TABLES.audit).all();
    expect(rows).toHaveLength(1);
    expect(counted).toMatchObject([{ kind: 'refusal', groupId: 'operativ', id: rows[0]!.rowKey }]);
  });
});
