import { describe, expect, it } from 'vitest';
import { deliverDurably, deliveryJob, type DeliveryAttempt } from '../../../src/delivery/durable';
import { audit } from '../../../src/features/consent/consent';
import { consentJobsFeature } from '../../../src/features/consent/jobs';
import type { AuditEntry } from '../../../src/storage/audit';
import type { JobContext } from '../../../src/scheduler';
import { ALEX, baseWorld, OPERATIVE, TENANT } from '../../support/world';
import { turnInfo } from '../../support/turn';

/**
 * The durable delivery (src/delivery/durable.ts) on the real scheduler over
 * memory tables: recorded first, tried at once, marked done when it went; a
 * job delivers what did not, once; a resent turn sends nothing again; only
 * when neither recording nor sending works does the turn fail. And an audit
 * row whose write failed is written by a job.
 */

const KIND = 'delivery.test';

async function setup() {
  const w = await baseWorld('2026-03-10T09:00:00Z');
  const sent: Array<{ payload: { n: number }; attempt: DeliveryAttempt }> = [];
  let failing = 0;
  const send = async (payload: { n: number }, attempt: DeliveryAttempt) => {
    if (failing > 0) {
      failing -= 1;
      throw Object.assign(new Error('connector down'), { statusCode: 503 });
    }
    sent.push({ payload, attempt });
  };
  w.scheduler.register<{ n: number }>(KIND, deliveryJob(send));
  const deps = { scheduler: w.scheduler, logger: w.logger, now: w.now };
  const jobStatus = async (id: string) => {
    const ref = await w.stores.jobs.findById(id);
    return ref ? (await w.stores.jobs.get(ref))?.status : undefined;
  };
  return { w, deps, sent, send, jobStatus, fail: (n: number) => (failing = n) };
}

const later = (w: { clock: { now: Date } }, minutes: number) => new Date(w.clock.now.getTime() + minutes * 60_000);

describe('a durable delivery', () => {
  it('goes at once and its job is marked done, so the scheduler sends nothing again', async () => {
    const { w, deps, sent, send, jobStatus } = await setup();
    const outcome = await deliverDurably(deps, { kind: KIND, id: 'd-1', payload: { n: 1 } }, (a) => send({ n: 1 }, a));
    expect(outcome).toBe('delivered');
    expect(await jobStatus('d-1')).toBe('done');
    await w.scheduler.tick(later(w, 10));
    expect(sent).toHaveLength(1);
  });

  it('that cannot go now is delivered by its job once the connector is back, once however often the scheduler runs', async () => {
    const { w, deps, sent, send, jobStatus, fail } = await setup();
    fail(1);
    expect(await deliverDurably(deps, { kind: KIND, id: 'd-2', payload: { n: 2 } }, (a) => send({ n: 2 }, a))).toBe('later');
    expect(sent).toHaveLength(0);
    expect(await jobStatus('d-2')).toBe('pending');
    // Not before its grace: the inline attempt may still be running.
    await w.scheduler.tick(later(w, 1));
    expect(sent).toHaveLength(0);
    await w.scheduler.tick(later(w, 3));
    await w.scheduler.tick(later(w, 60));
    expect(sent.map((s) => s.payload.n)).toEqual([2]);
    expect(await jobStatus('d-2')).toBe('done');
  });

  it('tells the job its last attempt, for a card update to fall back to a fresh post', async () => {
    const { w, sent, send } = await setup();
    await w.scheduler.schedule({ id: 'd-3', kind: KIND, dueAt: w.now(), payload: { n: 3 }, maxAttempts: 2 });
    const handler = deliveryJob(send);
    const ctx = (attempt: number, lastAttempt: boolean) =>
      ({
        id: 'd-3',
        kind: KIND,
        payload: { n: 3 },
        dueAt: w.now(),
        idempotencyKey: 'd-3',
        attempt,
        lastAttempt,
        now: w.now(),
      }) as JobContext<{
        n: number;
      }>;
    await handler(ctx(2, true));
    expect(sent[0]?.attempt.last).toBe(true);
    // Through the scheduler: the first of two attempts fails, the second is the last.
    const s = await setup();
    s.fail(1);
    await s.w.scheduler.schedule({ id: 'd-4', kind: KIND, dueAt: s.w.now(), payload: { n: 4 }, maxAttempts: 2 });
    await s.w.scheduler.tick(s.w.now());
    await s.w.scheduler.tick(later(s.w, 120));
    expect(s.sent.map((x) => x.attempt.last)).toEqual([true]);
  });

  it('resent after it went sends nothing again; a repeatable update is done again', async () => {
    const { deps, sent, send } = await setup();
    await deliverDurably(deps, { kind: KIND, id: 'd-5', payload: { n: 5 } }, (a) => send({ n: 5 }, a));
    expect(await deliverDurably(deps, { kind: KIND, id: 'd-5', payload: { n: 5 } }, (a) => send({ n: 5 }, a))).toBe('already');
    expect(sent).toHaveLength(1);
    await deliverDurably(deps, { kind: KIND, id: 'd-5', payload: { n: 5 }, repeat: true }, (a) => send({ n: 5 }, a));
    expect(sent).toHaveLength(2);
  });

  it('fails the turn only when it can neither be recorded nor sent', async () => {
    const { w, deps, sent, send, fail } = await setup();
    const broken = {
      ...deps,
      scheduler: {
        schedule: async () => {
          throw Object.assign(new Error('storage down'), { statusCode: 503, code: 'ServiceUnavailable' });
        },
        settle: w.scheduler.settle.bind(w.scheduler),
        statusOf: w.scheduler.statusOf.bind(w.scheduler),
      },
    };
    // Not recorded, but sent: done.
    expect(await deliverDurably(broken, { kind: KIND, id: 'd-6', payload: { n: 6 } }, (a) => send({ n: 6 }, a))).toBe('delivered');
    expect(sent).toHaveLength(1);
    fail(1);
    await expect(deliverDurably(broken, { kind: KIND, id: 'd-7', payload: { n: 7 } }, (a) => send({ n: 7 }, a))).rejects.toThrow(
      'storage down',
    );
  });
});

describe('an audit row whose write failed', () => {
  async function auditWorld(failures: number) {
    const w = await baseWorld('2026-03-10T09:00:00Z');
    let left = failures;
    const append = w.stores.audit.append.bind(w.stores.audit);
    w.stores.audit.append = async (e: AuditEntry) => {
      if (left > 0) {
        left -= 1;
        throw Object.assign(new Error('storage blip'), { statusCode: 503 });
      }
      return append(e);
    };
    const routes = new Map<string, (ctx: JobContext<never>) => Promise<unknown>>();
    consentJobsFeature.register(
      {
        command: () => undefined,
        action: () => undefined,
        job: (kind, handler) => routes.set(kind, handler as never),
      },
      { ...w, ...w.stores, audit: w.stores.audit } as never,
    );
    for (const [kind, handler] of routes) w.scheduler.register(kind, handler as never);
    return w;
  }
  const info = turnInfo({
    tenantId: TENANT,
    aadObjectId: ALEX,
    activityId: 'act-1',
    activityType: 'invoke',
    activityTime: new Date('2026-03-10T09:00:00Z'),
  });

  it('is written by a job, once, keyed as the turn keyed it', async () => {
    const w = await auditWorld(1);
    await audit({ ...w, audit: w.stores.audit }, info, 'consentRecorded', [OPERATIVE], { caseRef: 'sam-1' });
    expect(w.stores.audit.entries()).toHaveLength(0);
    await w.scheduler.tick(new Date('2026-03-10T09:05:00Z'));
    await w.scheduler.tick(new Date('2026-03-10T10:00:00Z'));
    expect(w.stores.audit.entries()).toHaveLength(1);
    // The turn resent later writes the same row, not a second one.
    await audit({ ...w, audit: w.stores.audit }, info, 'consentRecorded', [OPERATIVE], { caseRef: 'sam-1' });
    const rows = w.stores.audit.entries();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: 'consentRecorded', groupId: OPERATIVE, userId: ALEX, caseRef: 'sam-1' });
  });

  it('fails the turn when not even its job can be planned, so Teams resends it', async () => {
    const w = await auditWorld(1);
    await expect(
      audit({ ...w, audit: w.stores.audit, scheduler: undefined } as never, info, 'consentRecorded', [OPERATIVE]),
    ).rejects.toThrow('storage blip');
  });
});
