import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { CheckedText } from '../../src/domain/consent/checked-text';
import { newSip, type Sip, type SipPlan } from '../../src/domain/sip/sip';
import { SipStore } from '../../src/storage/sips';
import { TABLES, TableStore } from '../../src/storage/tables';
import { memorySipStore } from '../support/memory/sips';

/**
 * The SIP store's contract, on Azurite and over memory tables
 * (test/support/memory/sips.ts): the same assertions hold the memory twin to
 * what Table Storage does.
 */

async function azurite(): Promise<SipStore> {
  const store = new TableStore(inject('azuriteConnectionString'), `sip${randomBytes(5).toString('hex')}`);
  await store.ensureTables([TABLES.sips, TABLES.sipPrint]);
  return new SipStore(store.client(TABLES.sips), store.client(TABLES.sipPrint));
}

const ENVS: Array<[string, () => Promise<SipStore>]> = [
  ['azurite', azurite],
  ['memory', async () => memorySipStore()],
];

const T = '00000000-0000-0000-0000-0000000000c1';
const AT = new Date('2026-03-10T09:30:00.000Z');
const ct = (s: string) => s as CheckedText;

const sip = (id: string, groupId = 'operativ'): Sip =>
  newSip({
    id,
    tenantId: T,
    groupId,
    caseRef: 'SAM-7K2M9QXC',
    agencies: ['bup', 'skola'],
    family: ['guardian1', 'child'],
    by: 'u1',
    at: AT,
  });

const plan: SipPlan = {
  needs: ct('Stöd i skolan'),
  municipalityProvides: ct('Familjebehandling'),
  regionProvides: ct('Utredning'),
  othersProvide: ct(''),
  overallResponsibility: ct('Socialtjänsten'),
  coordinator: ct('Sofia Hed'),
  participation: ct('Vårdnadshavare 1 deltog'),
  followUpDate: '2026-06-01',
  plannedAt: AT.toISOString(),
  plannedBy: 'u1',
  key: 'act-1',
};

describe.each(ENVS)('SipStore: %s', (_name, fresh) => {
  it('creates once (a second create of the id answers undefined) and reads back what was written', async () => {
    const s = await fresh();
    const created = await s.create(sip('operativ.aaaaaaaaaa'));
    expect(created?.etag).toBeTruthy();
    expect(await s.create(sip('operativ.aaaaaaaaaa'))).toBeUndefined();
    const read = await s.get(T, 'operativ', 'operativ.aaaaaaaaaa');
    const { etag: _e, ...rest } = read!;
    expect(rest).toEqual(sip('operativ.aaaaaaaaaa'));
    expect(await s.get(T, 'operativ', 'operativ.bbbbbbbbbb')).toBeUndefined();
  });

  it('updates with the plan and status; a missing SIP stays missing; two updates at once both land', async () => {
    const s = await fresh();
    await s.create(sip('operativ.aaaaaaaaaa'));
    const up = await s.update(T, 'operativ', 'operativ.aaaaaaaaaa', (cur) => ({
      ...cur,
      status: 'planned',
      plan,
      meetingId: 'operativ.m000000001',
    }));
    expect(up?.status).toBe('planned');
    const read = await s.get(T, 'operativ', 'operativ.aaaaaaaaaa');
    expect(read?.plan).toEqual(plan);
    expect(read?.meetingId).toBe('operativ.m000000001');
    expect(await s.update(T, 'operativ', 'operativ.zzzzzzzzzz', (cur) => ({ ...cur, status: 'closed' }))).toBeUndefined();
    expect(await s.get(T, 'operativ', 'operativ.zzzzzzzzzz')).toBeUndefined();
    await Promise.all([
      s.update(T, 'operativ', 'operativ.aaaaaaaaaa', (cur) => ({ ...cur, followUps: [...cur.followUps, '2026-06-01'] })),
      s.update(T, 'operativ', 'operativ.aaaaaaaaaa', (cur) => ({ ...cur, followUps: [...cur.followUps, '2026-09-01'] })),
    ]);
    expect((await s.get(T, 'operativ', 'operativ.aaaaaaaaaa'))?.followUps.sort()).toEqual(['2026-06-01', '2026-09-01']);
  });

  it("lists one group's SIPs only, in id order", async () => {
    const s = await fresh();
    await s.create(sip('operativ.bbbbbbbbbb'));
    await s.create(sip('operativ.aaaaaaaaaa'));
    await s.create(sip('vits.cccccccccc', 'vits'));
    expect((await s.listGroup(T, 'operativ')).map((x) => x.id)).toEqual(['operativ.aaaaaaaaaa', 'operativ.bbbbbbbbbb']);
    expect((await s.listGroup(T, 'vits')).map((x) => x.id)).toEqual(['vits.cccccccccc']);
    expect(await s.listGroup('other-tenant', 'operativ')).toEqual([]);
  });

  it('print tokens resolve to their SIP; malformed or unknown ones to nothing', async () => {
    const s = await fresh();
    const token = SipStore.newToken();
    await s.registerPrintToken(token, { tenantId: T, groupId: 'operativ', id: 'operativ.aaaaaaaaaa' });
    expect(await s.resolvePrintToken(token)).toEqual({ tenantId: T, groupId: 'operativ', sipId: 'operativ.aaaaaaaaaa' });
    expect(await s.resolvePrintToken(SipStore.newToken())).toBeUndefined();
    expect(await s.resolvePrintToken('short')).toBeUndefined();
  });
});
