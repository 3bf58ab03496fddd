import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../../src/domain/commands/parse';
import { consent } from '../../../../src/features/consent/command';
import { consentRecord } from '../../../../src/features/consent/record-action';
import { consentWithdraw } from '../../../../src/features/consent/withdraw-action';
import type { BotServices } from '../../../../src/features/shared/services';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import { t } from '../../../../src/i18n';
import { ADELE, ALEX, findById, formValues, kindOf, MEGAN, personal, TENANT, turnIn, world, type World } from './setup';

let w: World;
beforeEach(async () => {
  w = await world();
});

const services = () => w.deps as unknown as BotServices;

async function run(info: TurnInfo, command: Command) {
  const turn = turnIn(w, info);
  await consent({ turn, info, services: services(), command });
  expect(turn.sent).toHaveLength(1);
  return turn.sent[0]!;
}

async function record(info: TurnInfo, values = formValues()): Promise<string> {
  const card = await consentRecord.handle({ turn: turnIn(w, info), info, services: services(), data: values });
  expect(kindOf(card)).toBe('consent-recorded');
  return findById(card, 'caseRef')!.text as string;
}

describe('the consent command', () => {
  it('shows the form with the operative group chosen, to a member who may record', async () => {
    const card = await run(personal(MEGAN), { name: 'consent', action: 'form' });
    expect(kindOf(card)).toBe('consent-form');
    const json = JSON.stringify(card);
    expect(json).toContain('Operativ grupp');
    expect(json).toContain('2026-03-10');
  });

  it('refuses a user without the right to record consent, naming who may', async () => {
    const card = await run(personal(ADELE), { name: 'consent', action: 'form' });
    expect(kindOf(card)).toBe('not-allowed');
    const json = JSON.stringify(card);
    expect(json).toContain(t('sv', 'notAllowed.reasons.noConsentRight'));
    expect(json).toContain('Megan Bowen');
  });

  it('refuses a user of another tenant', async () => {
    const card = await run(personal(MEGAN, { tenantId: 'tenant-b' }), { name: 'consent', action: 'list' });
    expect(kindOf(card)).toBe('not-allowed');
    expect(await w.stores.consents.listForGroups('tenant-b', ['operativ'])).toEqual([]);
  });

  it('lists the register, newest first, and audits the listing', async () => {
    const first = await record(personal(MEGAN, { activityId: 'a-1' }));
    w.clock.now = new Date('2026-03-11T09:00:00Z');
    const second = await record(
      personal(MEGAN, { activityId: 'a-2' }),
      formValues({ subjectPersonnummer: '160708-4561', subjectName: '' }),
    );
    const card = await run(personal(MEGAN), { name: 'consent', action: 'list' });
    expect(kindOf(card)).toBe('consent-list');
    const json = JSON.stringify(card);
    expect(json.indexOf(second)).toBeGreaterThan(-1);
    expect(json.indexOf(second)).toBeLessThan(json.indexOf(first));
    expect(json).not.toContain('150312-1236');
    expect(w.stores.audit.entries().filter((e) => e.event === 'consentListed')).toHaveLength(1);
  });

  it('lists a withdrawn consent after those not withdrawn, and says how the register is ordered', async () => {
    const first = await record(personal(MEGAN, { activityId: 'a-1' }));
    w.clock.now = new Date('2026-03-11T09:00:00Z');
    const second = await record(
      personal(MEGAN, { activityId: 'a-2' }),
      formValues({ subjectPersonnummer: '160708-4561', subjectName: '' }),
    );
    // The newest withdrawn: it goes last.
    await run(personal(ALEX), { name: 'consent', action: 'withdraw', caseRef: second });
    const json = JSON.stringify(await run(personal(MEGAN), { name: 'consent', action: 'list' }));
    expect(json.indexOf(first)).toBeGreaterThan(-1);
    expect(json.indexOf(first)).toBeLessThan(json.indexOf(second));
    expect(json.indexOf(t('sv', 'consent.status.inForce'))).toBeLessThan(json.indexOf(t('sv', 'consent.status.withdrawn')));
    expect(json).toContain('de senast registrerade först och de återkallade sist');
  });

  it('shows a convener the gate’s counts for the groups they convene, and a member none', async () => {
    const forAlex = JSON.stringify(await run(personal(ALEX), { name: 'consent', action: 'list' }));
    const forMegan = JSON.stringify(await run(personal(MEGAN), { name: 'consent', action: 'list' }));
    const title = t('sv', 'consent.list.statsTitle', { group: 'Operativ grupp' });
    expect(forAlex).toContain(title);
    expect(forMegan).not.toContain(title);
  });
});

describe('withdrawing a consent', () => {
  it('withdraws it, stores who and when, audits it and shows the register saying so', async () => {
    const ref = await record(personal(MEGAN, { activityId: 'a-1' }));
    const card = await run(personal(ALEX), { name: 'consent', action: 'withdraw', caseRef: ref.toLowerCase() });
    expect(kindOf(card)).toBe('consent-list');
    expect(JSON.stringify(card)).toContain(t('sv', 'consent.withdrawn.message', { caseRef: ref }));
    const stored = await w.stores.consents.get(TENANT, ref);
    expect(stored?.withdrawnBy).toBe(ALEX);
    expect(stored?.withdrawnAt).toBe('2026-03-10T09:00:00.000Z');
    expect(
      w.stores.audit
        .entries()
        .filter((e) => e.event === 'consentWithdrawn')
        .map((e) => e.caseRef),
    ).toEqual([ref]);
  });

  it('says so when the consent is already withdrawn, and writes nothing more', async () => {
    const ref = await record(personal(MEGAN, { activityId: 'a-1' }));
    await consentWithdraw.handle({ turn: turnIn(w, personal(MEGAN)), info: personal(MEGAN), services: services(), data: { caseRef: ref } });
    const again = await consentWithdraw.handle({
      turn: turnIn(w, personal(MEGAN)),
      info: personal(MEGAN),
      services: services(),
      data: { caseRef: ref },
    });
    expect(JSON.stringify(again)).toContain(t('sv', 'consent.withdrawn.already', { caseRef: ref }));
    expect((await w.stores.consents.get(TENANT, ref))?.withdrawnBy).toBe(MEGAN);
    expect(w.stores.audit.entries().filter((e) => e.event === 'consentWithdrawn')).toHaveLength(1);
  });

  it('says an unknown case reference was not found', async () => {
    const card = await run(personal(MEGAN), { name: 'consent', action: 'withdraw', caseRef: 'SAM-ZZZZZZZZ' });
    expect(kindOf(card)).toBe('consent-list');
    expect(JSON.stringify(card)).toContain(t('sv', 'consent.withdrawn.notFound', { caseRef: 'SAM-ZZZZZZZZ' }));
  });

  it('refuses a consent of a group where the user may not withdraw, and leaves it in force', async () => {
    const ref = await record(personal(MEGAN, { activityId: 'a-1' }));
    // A consent stored for a group Megan is not in (as the register may hold after the organisation changed).
    const stored = (await w.stores.consents.get(TENANT, ref))!;
    await w.stores.consents.record({ ...stored, caseRef: 'SAM-OTHER000', scope: { ...stored.scope, groupIds: ['samverkansgrupp'] } });
    const card = await run(personal(MEGAN), { name: 'consent', action: 'withdraw', caseRef: 'SAM-OTHER000' });
    expect(kindOf(card)).toBe('not-allowed');
    expect((await w.stores.consents.get(TENANT, 'SAM-OTHER000'))?.withdrawnAt).toBeUndefined();
  });
});
