import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { AuditLog } from '../../src/storage/audit';
import { FiguresStore } from '../../src/storage/figures';
import { ReportStore } from '../../src/storage/reports';
import { TABLES, TableStore } from '../../src/storage/tables';
import { MemoryTables } from '../support/memory';

/**
 * The report's store, the same assertions on Azurite and over the in-memory
 * tables: one link per tenant and period, resolved by its token only; the
 * audit log's counted events by local month (a refusal at 00:30 on 1 January
 * in Stockholm is January's, though its row sits in December's UTC
 * partition); the consents expiring per month as the figures keep them.
 */

const TZ = 'Europe/Stockholm';
const T = '00000000-0000-0000-0000-0000000000d1';
const T2 = '00000000-0000-0000-0000-0000000000d2';

interface Env {
  reports: ReportStore;
  audit: AuditLog;
  figures: FiguresStore;
}

function envOf(c: (name: string) => TableClient): Env {
  const figures = new FiguresStore(c(TABLES.figures), TZ);
  return {
    reports: new ReportStore(c(TABLES.reportTokens), c(TABLES.audit), figures),
    audit: new AuditLog(c(TABLES.audit), c(TABLES.auditByGroup)),
    figures,
  };
}

const ENVS: Array<[string, () => Promise<Env>]> = [
  [
    'azurite',
    async () => {
      const store = new TableStore(inject('azuriteConnectionString'), `rs${randomBytes(5).toString('hex')}`);
      await store.ensureTables();
      return envOf((name) => store.client(name));
    },
  ],
  [
    'memory',
    async () => {
      const tables = new MemoryTables();
      return envOf((name) => tables.client(name) as unknown as TableClient);
    },
  ],
];

describe.each(ENVS)('ReportStore (%s)', (_name, make) => {
  it('gives one link per tenant and period, the same when asked again, and resolves only a token it gave', async () => {
    const { reports } = await make();
    const year = await reports.ensureToken({ tenantId: T, year: 2026, interim: false });
    const [again, other] = await Promise.all([
      reports.ensureToken({ tenantId: T, year: 2026, interim: false }),
      reports.ensureToken({ tenantId: T2, year: 2026, interim: false }),
    ]);
    expect(again).toBe(year);
    expect(other).not.toBe(year);
    expect(await reports.resolveToken(year)).toEqual({ tenantId: T, year: 2026, interim: false });
    expect(await reports.resolveToken(other)).toEqual({ tenantId: T2, year: 2026, interim: false });
    expect(await reports.resolveToken(`${year.slice(0, -1)}${year.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await reports.resolveToken('../../etc')).toBeUndefined();
  });

  it('two askers at once get the same new link', async () => {
    const { reports } = await make();
    const tokens = await Promise.all(Array.from({ length: 4 }, () => reports.ensureToken({ tenantId: T, year: 2025, interim: true })));
    expect(new Set(tokens).size).toBe(1);
    expect(await reports.resolveToken(tokens[0]!)).toEqual({ tenantId: T, year: 2025, interim: true });
  });

  it('counts the audit events by local month, only the counted ones, only the tenant’s', async () => {
    const { reports, audit } = await make();
    const row = (time: string, event: 'refusal' | 'consentRecorded' | 'consentListed', tenantId = T) =>
      audit.append({ time: new Date(time), tenantId, groupId: 'g1', userId: 'u', event, onceKey: `${time}${event}${tenantId}` });
    await row('2025-12-31T23:30:00.000Z', 'refusal'); // 00:30 on 1 January in Stockholm
    await row('2025-12-31T22:30:00.000Z', 'refusal'); // 23:30 on 31 December: not in 2026
    await row('2026-01-15T10:00:00.000Z', 'consentRecorded');
    await row('2026-01-16T10:00:00.000Z', 'consentListed');
    await row('2026-02-01T10:00:00.000Z', 'refusal');
    await row('2026-02-01T10:00:00.000Z', 'refusal', T2);
    const counts = await reports.auditCounts(T, ['2026-01', '2026-02'], TZ);
    const key = (c: { month: string; event: string }) => `${c.month} ${c.event}`;
    expect(counts.map(key).sort()).toEqual(['2026-01 consentRecorded', '2026-01 refusal', '2026-02 refusal']);
    expect(counts.every((c) => c.groupId === 'g1')).toBe(true);
    expect(await reports.auditCounts(T, [], TZ)).toEqual([]);
  });

  it('reads the consents expiring per month as the figures keep them: groups and dates, withdrawn ones gone', async () => {
    const { reports, figures } = await make();
    const consent = (caseRef: string, validUntil: string, withdrawnAt?: string) =>
      ({
        caseRef,
        tenantId: T,
        scope: { groupIds: ['op'] },
        validFrom: '2025-01-01',
        validUntil,
        ...(withdrawnAt ? { withdrawnAt } : {}),
      }) as unknown as Consent;
    await figures.record({ kind: 'consent', consent: consent('SAM-A', '2026-03-10') });
    await figures.record({ kind: 'consent', consent: consent('SAM-B', '2026-03-20') });
    await figures.record({ kind: 'consent', consent: consent('SAM-B', '2026-03-20', '2026-02-01T00:00:00Z') });
    await figures.record({ kind: 'consent', consent: consent('SAM-C', '2026-05-01') });
    expect(await reports.consentExpiries(T, ['2026-03', '2026-04'])).toEqual([
      { groupIds: ['op'], validUntil: '2026-03-10', withdrawn: false },
    ]);
    expect(await reports.consentExpiries(T2, ['2026-03'])).toEqual([]);
  });
});
