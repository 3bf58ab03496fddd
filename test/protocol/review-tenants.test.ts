import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '../../src/storage/keys';
import { TABLES } from '../../src/storage/tables';
import { actionExecute, personalMessage, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf } from '../support/connector-emulator';

/**
 * Reviews are kept under the organisation's tenant (issue 13, item 9): two
 * organisations of two tenants on the same tables do not see each other's
 * reviews, and reviews written before the file had to name its tenant (in
 * the `~none` partition) are still read, and carried into the tenant's row.
 */

const TENANT_A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const TENANT_B = 'bbbbbbbb-0000-0000-0000-00000000000b';
const DOC = 'riktlinje-samverkan';
const text = (x: unknown) => JSON.stringify(x ?? {});

function orgFile(tenantId: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-review-tenant-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, `extends: local-demo\ntenantId: ${tenantId}\n`);
  return file;
}

const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
const start = (tenantId: string, prefix: string) =>
  startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { ORG_CONFIG: orgFile(tenantId), SCHEDULER_TICK_MS: '0', TABLE_PREFIX: prefix },
  });

async function reviewList(t: TestBot, tenantId: string): Promise<string> {
  const mark = t.emulator.sent.length;
  expect(
    (await t.post(personalMessage('översyn', { serviceUrl: t.emulator.url, tenantId, conversationId: `a:personal-alex-${tenantId}` })))
      .status,
  ).toBe(200);
  const sent = t.emulator.sent.slice(mark);
  expect(cardKind(sent[0]!)).toBe('review-list');
  return text(cardOf(sent[0]!));
}
async function complete(t: TestBot, tenantId: string, date: string, decisionRef: string) {
  const res = await t.post(
    actionExecute('review.complete', { documentId: DOC, date, decisionRef }, { serviceUrl: t.emulator.url, user: USERS.alex, tenantId }),
  );
  expect(res.status).toBe(200);
  return JSON.parse(res.body).value as Record<string, any>;
}

describe('two tenants on the same tables', () => {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    a = await start(TENANT_A, prefix);
    b = await start(TENANT_B, prefix);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a review recorded in one tenant moves its next date on there and nowhere else', async () => {
    // Decided 2024-12-04, nudged every 24 months: due 2026-12-04 in both to begin with.
    expect(await reviewList(a, TENANT_A)).toContain('2026-12-04');
    expect(await reviewList(b, TENANT_B)).toContain('2026-12-04');

    const done = await complete(a, TENANT_A, '2026-11-20', 'Ks 2026/101 § 12');
    expect(text(done)).toContain('Nästa översyn: 2028-11-20.');
    expect(await reviewList(a, TENANT_A)).toContain('2028-11-20');
    const other = await reviewList(b, TENANT_B);
    expect(other).toContain('2026-12-04');
    expect(other).not.toContain('2028-11-20');
    expect(other).not.toContain('Ks 2026/101');
  });

  it("each tenant's rows are in its own partition, and none in the shared one", async () => {
    const s = a.bot.services;
    expect([...(await s.reviews.all(TENANT_A)).keys()]).toEqual([DOC]);
    expect([...(await b.bot.services.reviews.all(TENANT_B)).keys()]).toEqual([]);
    const partitions = new Set<string>();
    for await (const e of s.store.client(TABLES.reviews).listEntities()) partitions.add(String(e.partitionKey));
    expect([...partitions]).toEqual([encodeKey(TENANT_A)]);
  });

  it("the other tenant records its own, and neither sees the other's", async () => {
    await complete(b, TENANT_B, '2026-11-21', 'BUN 2026/7');
    const [ra, rb] = [await a.bot.services.reviews.get(TENANT_A, DOC), await b.bot.services.reviews.get(TENANT_B, DOC)];
    expect(ra!.reviews.map((r) => r.decisionRef)).toEqual(['Ks 2026/101 § 12']);
    expect(rb!.reviews.map((r) => r.decisionRef)).toEqual(['BUN 2026/7']);
  });
});

describe('reviews written before the organisation named its tenant', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await start(TENANT_A, `t${randomBytes(5).toString('hex')}`);
  });
  afterAll(async () => t?.close());

  it("are read from the ~none partition and carried into the tenant's row by the next review", async () => {
    const table = t.bot.services.store.client(TABLES.reviews);
    const legacy = { date: '2026-11-10', decisionRef: 'Ks 2026/90', recordedBy: 'x', recordedAt: '2026-11-10T09:00:00.000Z' };
    await table.createEntity({ partitionKey: encodeKey('~none'), rowKey: encodeKey(DOC), reviews: JSON.stringify([legacy]) });
    // Reviewed 2026-11-10: next due 24 months later.
    expect(await reviewList(t, TENANT_A)).toContain('2028-11-10');

    await complete(t, TENANT_A, '2026-11-20', 'Ks 2026/101 § 12');
    const own = await table.getEntity<{ reviews: string }>(encodeKey(TENANT_A), encodeKey(DOC));
    expect((JSON.parse(own.reviews) as Array<{ date: string }>).map((r) => r.date)).toEqual(['2026-11-10', '2026-11-20']);
    // The old row is left as it was.
    const old = await table.getEntity<{ reviews: string }>(encodeKey('~none'), encodeKey(DOC));
    expect(JSON.parse(old.reviews)).toEqual([legacy]);
    expect(await reviewList(t, TENANT_A)).toContain('2028-11-20');
  });
});
