import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IndicatorStore, readIndicators } from '../../src/storage/indicators';
import { TABLES, TableStore } from '../../src/storage/tables';
import { loadOrganisation } from '../../src/domain/organisation';
import { actionExecute, personalMessage, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { memoryStores } from '../support/memory';
import { SUBJECTS } from './consent.fixtures';

/**
 * Indicators over real HTTP against Azurite (§11): `indikator` / `indicator`
 * gives the reporting group's conveners the `indicators` card; others are
 * refused; `indicator.record` records a period's value (a resend leaves one),
 * and the card shows the trend against the target. The store's contract holds
 * on Azurite and over memory tables.
 */

const text = (x: unknown) => JSON.stringify(x ?? {});

async function say(t: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
async function post(t: TestBot, activity: Record<string, any>) {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const record = (t: TestBot, data: Record<string, string>, user: TestUser = USERS.alex, locale = 'sv-SE') =>
  actionExecute('indicator.record', data, { serviceUrl: t.emulator.url, user, locale });

describe('indikator / indicator', () => {
  const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
  });
  afterAll(async () => t?.close());

  it("gives the reporting group's convener the indicators card with targets and a form, in Swedish and English", async () => {
    const sv = await say(t, personalMessage('indikator', { serviceUrl: t.emulator.url }));
    expect(cardKind(sv[0]!)).toBe('indicators');
    const card = text(cardOf(sv[0]!));
    expect(card).toContain('Trygghet bland barn och ungdomar');
    expect(card).toContain('Mål: minst 0 procentenheter');
    expect(card).toContain('Inget värde ännu');
    expect(card).toContain('"verb":"indicator.record"');
    expect(card).toContain('"value":"2026-HT"');
    const en = await say(t, personalMessage('indicator', { serviceUrl: t.emulator.url, locale: 'en-US' }));
    expect(cardKind(en[0]!)).toBe('indicators');
    expect(text(cardOf(en[0]!))).toContain('Target: at least 0 procentenheter');
  });

  it('refuses members who convene no group, and people in no group', async () => {
    for (const [user, word] of [
      [USERS.adele, 'indikator'],
      [USERS.megan, 'indicator'],
      [USERS.isaiah, 'indikator'],
    ] as const) {
      const sent = await say(t, personalMessage(word, { serviceUrl: t.emulator.url, user }));
      expect(cardKind(sent[0]!)).toBe('not-allowed');
    }
    const refused = await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2026', value: '1' }, USERS.adele));
    expect(refused.body[0].id).toBe('not-allowed');
  });

  it('records values, once for a resend, and shows the trend against the target', async () => {
    const first = await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2025', value: '-1,5' }));
    expect(text(first)).toContain('för 2025 är registrerat');
    const second = record(t, {
      indicatorId: 'trygghet-barn-unga',
      period_: 'x',
      'period_trygghet-barn-unga': '2026',
      'value_trygghet-barn-unga': '2',
    });
    await post(t, second);
    const again = await post(t, second);
    const card = text(again);
    expect(card).toContain('2 procentenheter (2026)');
    expect(card).toContain('Når målet');
    expect(card).toContain('↑ Bättre än 2025 (−1,5 procentenheter)');
    expect((card.match(/"title":"2026"/g) ?? []).length).toBe(1);
    const en = await post(t, record(t, { indicatorId: 'gemensam-fortbildning', period: '2026-HT', value: '1' }, USERS.alex, 'en-US'));
    expect(text(en)).toContain('Misses the target');
  });

  it('bad periods and values are named on the card; an identifier in a field is refused by the gate', async () => {
    expect(text(await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2026-HT', value: '1' })))).toContain(
      '2026-HT är ingen period av rätt slag',
    );
    expect(text(await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2027', value: '1' })))).toContain(
      '2027 har inte börjat än',
    );
    expect(text(await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2026', value: 'många' })))).toContain(
      'många är inget tal',
    );
    const refused = await post(t, record(t, { indicatorId: 'trygghet-barn-unga', period: '2026', value: SUBJECTS.a.personnummer }));
    expect(refused.body[0].id).toBe('consent-refusal');
    expect(text(refused)).not.toContain(SUBJECTS.a.personnummer);
    expect((await post(t, record(t, { indicatorId: 'okand', period: '2026', value: '1' }))).body[0].id).toBe('error');
  });
});

describe.each([
  [
    'azurite',
    async () => {
      const store = new TableStore(inject('azuriteConnectionString'), `in${randomBytes(5).toString('hex')}`);
      await store.ensureTables([TABLES.indicatorValues]);
      return new IndicatorStore(store.client(TABLES.indicatorValues));
    },
  ],
  ['memory', async () => memoryStores().indicators],
] as const)('IndicatorStore on %s', (_name, make) => {
  it('records one value per indicator and period, per tenant; readIndicators gives every trend', async () => {
    const s = await make();
    const at = { recordedAt: '2026-12-01T10:00:00.000Z', recordedBy: 'u' };
    await s.record('t1', { indicatorId: 'trygghet-barn-unga', period: '2025', value: 1, ...at });
    await s.record('t1', { indicatorId: 'trygghet-barn-unga', period: '2025', value: -2, ...at });
    await s.record('t1', { indicatorId: 'trygghet-barn-unga', period: '2026', value: 0.5, ...at });
    await s.record('t2', { indicatorId: 'trygghet-barn-unga', period: '2026', value: 9, ...at });
    expect((await s.all('t1')).map((v) => [v.period, v.value])).toEqual([
      ['2025', -2],
      ['2026', 0.5],
    ]);
    const r = loadOrganisation('local-demo');
    if (!r.ok) throw new Error('demo');
    const trends = await readIndicators({ indicators: s, organisation: { ...r.organisation, tenantId: 't1' } });
    expect(trends.map((x) => x.indicator.id)).toEqual(['trygghet-barn-unga', 'gemensam-fortbildning']);
    expect(trends[0]).toMatchObject({ direction: 'up', improving: true, latest: { period: '2026', value: 0.5, met: true } });
  });
});
