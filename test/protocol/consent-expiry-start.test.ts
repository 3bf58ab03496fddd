import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../src/domain/organisation';
import { planExpiringAtStart } from '../../src/features/consent/expiry';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { aConsent } from '../unit/consent/fixtures';

/**
 * Issue 17: at start, the consents' expiry reminders are planned for those
 * ending within 31 days. Before the digest's figures have indexed every
 * consent by the month it ends, that reads the whole register; after their
 * backfill, only the index's one or two months, on Azurite, with the same
 * consents planned.
 */

const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
});
afterAll(async () => t?.close());

describe('planning expiry reminders at start', () => {
  it('reads the whole register until the month index is complete, then only the index, and plans the same consents', async () => {
    const s = t.bot.services;
    const tenantId = s.organisation.tenantId ?? '';
    const operative = s.organisation.groups.find((g) => g.level === 'operative')!.id;
    const other = s.organisation.groups.find((g) => g.level !== 'operative')!.id;
    const day = '2026-11-22';
    const consent = (ref: string, validUntil: string, over: Parameters<typeof aConsent>[0] = {}) =>
      aConsent({
        caseRef: ref,
        tenantId,
        subject: { personnummer: `hash-${ref}` },
        validUntil,
        scope: { ...aConsent().scope, groupIds: [operative] },
        ...over,
      });
    const consents = [
      consent('SAM-START001', addDays(day, 10)), // in reach, this month
      consent('SAM-START002', addDays(day, 30)), // in reach, next month
      consent('SAM-START003', addDays(day, 45)), // beyond reach
      consent('SAM-START004', addDays(day, 12), { withdrawnAt: '2026-11-01T09:00:00.000Z' }), // withdrawn
      consent('SAM-START005', addDays(day, 5), { scope: { ...aConsent().scope, groupIds: [other] } }), // no operative group
    ];
    for (const c of consents) {
      await s.consents.record(c);
      await s.figures.record({ kind: 'consent', consent: c });
    }

    // Count what the register is asked for, and pass each call on to it.
    let registerReads = 0;
    const listForGroups = s.consents.listForGroups.bind(s.consents);
    s.consents.listForGroups = (...args: Parameters<typeof listForGroups>) => {
      registerReads += 1;
      return listForGroups(...args);
    };
    try {
      expect(await s.figures.consentIndexComplete?.(tenantId)).toBe(false);
      expect(await planExpiringAtStart(s)).toBe(2);
      expect(registerReads).toBe(1);

      await s.figures.backfill(
        tenantId,
        s.organisation.groups.map((g) => g.id),
        clock.now,
      );
      expect(await s.figures.consentIndexComplete?.(tenantId)).toBe(true);
      registerReads = 0;
      expect(await planExpiringAtStart(s)).toBe(2);
      expect(registerReads).toBe(0);
    } finally {
      s.consents.listForGroups = listForGroups;
    }
  });
});
