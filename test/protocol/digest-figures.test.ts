import { randomBytes } from 'node:crypto';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/size';
import { DigestFacts } from '../../src/features/digest/facts';
import { FiguresStore } from '../../src/storage/figures';
import { ReviewStore } from '../../src/storage/reviews';
import { TABLES, TableStore } from '../../src/storage/tables';
import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';
import { addDays } from '../../src/domain/organisation';
import { DIGEST_TENANT, digestOrganisation } from '../support/digest-seed';

async function inBatches(tasks: Array<() => Promise<unknown>>, n: number): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < tasks.length) await tasks[i++]!();
    }),
  );
}

/**
 * The on-demand digest against Azurite at 200 groups: it reads the figures
 * and the reviews, never the raw tables, so the storage requests it makes
 * are few and the same at 200 consents as at 5,000.
 */

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('the digest on demand reads a bounded number of storage requests', () => {
  it('makes the same few requests at 200 groups with 200 and with 5,000 consents, and fits in 40 KB', { timeout: 300_000 }, async () => {
    const connectionString = inject('azuriteConnectionString');
    const store = new TableStore(connectionString, `df${randomBytes(5).toString('hex')}`);
    await store.ensureTables();
    const requests: string[] = [];
    const counting: PipelinePolicy = {
      name: 'countRequests',
      sendRequest: (req, next) => {
        requests.push(`${req.method} ${new URL(req.url).pathname.split('/').pop()}`);
        return next(req);
      },
    };
    const counted = (name: string) =>
      TableClient.fromConnectionString(connectionString, store.fullName(name), {
        allowInsecureConnection: true,
        additionalPolicies: [{ policy: counting, position: 'perCall' }],
      });
    const org = digestOrganisation(200);
    // The figures as the use cases record them: a year of monthly meetings per group, the last ones' minutes
    // missing in every third group, refusals in every sixth, and the consents by expiry month.
    const writer = new FiguresStore(store.client(TABLES.figures), org.timeZone);
    await inBatches(
      org.groups.map((g, i) => async () => {
        const meetings = Array.from({ length: 12 }, (_, m) => {
          const start = new Date(Date.UTC(2026, m, 10 + (i % 15), 12)).toISOString();
          return {
            tenantId: DIGEST_TENANT,
            groupId: g.id,
            id: `${g.id}.m${m}`,
            start,
            end: start.replace('T12', 'T13'),
            durationMinutes: 60,
            status: 'scheduled' as const,
          };
        });
        await writer.record({ kind: 'meetings', meetings });
        for (const m of meetings.slice(0, i % 3 === 0 ? 9 : 10)) await writer.record({ kind: 'minutesFinal', meeting: m });
        if (i % 6 === 0) {
          const time = new Date(NOW.getTime() - 3_600_000).toISOString();
          await writer.record({
            kind: 'refusal',
            tenantId: DIGEST_TENANT,
            groupId: g.id,
            id: `${time}_${String(i).padStart(12, '0')}`,
            time,
          });
        }
      }),
      16,
    );
    const operative = org.groups.filter((g) => g.level === 'operative');
    const consents = (from: number, to: number) =>
      inBatches(
        Array.from({ length: to - from }, (_, k) => async () => {
          const i = from + k;
          const validUntil = addDays('2026-11-22', ((i * 37) % (5 * 365)) - 365);
          await writer.record({
            kind: 'consent',
            consent: {
              tenantId: DIGEST_TENANT,
              caseRef: `SAM-${String(i).padStart(8, '0')}`,
              scope: {
                groupIds: [operative[i % operative.length]!.id],
                agencies: [],
                informationCategories: fromStore(''),
                exclusions: fromStore(''),
              },
              validFrom: addDays(validUntil, -365),
              validUntil,
            } as unknown as Consent,
          });
        }),
        32,
      );
    // The reads go through counting clients; the raw tables are not even given to the digest.
    const deps = {
      organisation: org,
      figures: new FiguresStore(counted(TABLES.figures), org.timeZone),
      reviews: new ReviewStore(counted(TABLES.reviews)),
    };
    const onDemand = async () => {
      requests.length = 0;
      const card = await new DigestFacts(deps, NOW).forManager(DIGEST_TENANT, org.managers[0]!, 'sv');
      return { card, requests: [...requests] };
    };

    await consents(0, 200);
    const few = await onDemand();
    expect(cardBytes(few.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(few.card)).toContain('Samtycken som går ut inom 30 dagar');

    // Nothing changed since: the lines kept by the first digest, today's change marks and the reviews, and the same card.
    await new Promise((r) => setTimeout(r, 500));
    const warm = await onDemand();
    expect(warm.requests.filter((r) => r.startsWith('GET')).length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(warm.card)).toBe(JSON.stringify(few.card));

    await consents(200, 5_000);
    const many = await onDemand();
    // One query per partition: the lines cache and today's marks, the year's terms, the tasks, two weeks, two months, the reviews
    // (every operative group changed: all lines computed afresh from one full read, and kept).
    const reads = (r: { requests: string[] }) => r.requests.filter((x) => x.startsWith('GET'));
    expect(reads(few).length).toBeLessThanOrEqual(12);
    expect(reads(many).length).toBe(reads(few).length);
    expect(JSON.stringify(many.card)).not.toBe(JSON.stringify(few.card));
  });
});
