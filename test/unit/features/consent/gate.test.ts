import { beforeEach, describe, expect, it } from 'vitest';
import { gateMessage, gateText } from '../../../../src/features/consent/gate';
import { recordConsent } from '../../../../src/features/consent/record';
import { gateSubmittedMessage } from '../../../../src/features/consent/value-gate';
import { t } from '../../../../src/i18n';
import {
  ALEX,
  formValues,
  inChannel,
  kindOf,
  MEGAN,
  OPERATIVE_CHANNEL,
  personal,
  TACTICAL_CHANNEL,
  turnIn,
  world,
  type World,
} from './setup';

let w: World;
beforeEach(async () => {
  w = await world();
});

const CHILD = '150312-1236';
const ABOUT_CHILD = `${CHILD} har hög frånvaro igen, mamma har ringt skolan.`;
const noIdentifying = () => [] as const;

describe('the gate on one text', () => {
  it('lets a text that identifies nobody pass, and writes no audit row', async () => {
    const result = await gateText(w.deps, turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL)), 'Vi ses på torsdag kl 9.');
    expect(result).toMatchObject({ allowed: true, identifiable: false, caseRefs: [] });
    expect(w.stores.audit.entries()).toEqual([]);
    expect(w.channel.sent).toEqual([]);
  });

  it('refuses a child without consent in the operative channel, audits it and tells the conveners but the writer', async () => {
    const info = inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-1', userName: 'Megan Bowen' });
    const result = await gateText(w.deps, turnIn(w, info), ABOUT_CHILD);
    expect(result).toMatchObject({ allowed: false, reason: 'noConsent', groupId: 'operativ', categories: ['personnummer'] });
    if (result.allowed) return;
    expect(kindOf(result.card)).toBe('consent-refusal');
    expect(JSON.stringify(result.card)).not.toContain(CHILD);
    expect(w.stores.audit.entries()).toMatchObject([{ event: 'refusal', groupId: 'operativ', userId: MEGAN, reason: 'noConsent' }]);
    expect(w.channel.toldTo(ALEX)).toHaveLength(1);
    expect(w.channel.toldTo(MEGAN)).toEqual([]);
    const notice = JSON.stringify(w.channel.toldTo(ALEX)[0]!.message);
    expect(notice).toContain('Operativ grupp');
    expect(notice).toContain('Megan Bowen');
    expect(notice).not.toContain(CHILD);
  });

  it('tells the conveners under the same key when Teams resends the refused message', async () => {
    const info = inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-1' });
    await gateText(w.deps, turnIn(w, info), ABOUT_CHILD);
    await gateText(w.deps, turnIn(w, info), ABOUT_CHILD);
    const told = w.channel.toldTo(ALEX);
    expect(told).toHaveLength(2);
    expect(told[1]!.key).toBe(told[0]!.key);
  });

  it('refuses a child in the tactical channel even under consent: never on this level', async () => {
    await recordConsent(w.deps, turnIn(w, personal(MEGAN, { activityId: 'r-1' })), formValues());
    const result = await gateText(w.deps, turnIn(w, inChannel(ALEX, TACTICAL_CHANNEL)), ABOUT_CHILD);
    expect(result).toMatchObject({ allowed: false, reason: 'neverOnThisLevel', groupId: 'samverkansgrupp' });
  });

  it('allows the child in the operative channel once a consent is in force, naming its case', async () => {
    const card = await recordConsent(w.deps, turnIn(w, personal(MEGAN, { activityId: 'r-1' })), formValues());
    const ref = JSON.stringify(card).match(/SAM-[0-9A-Z]{8}/)![0];
    const result = await gateText(w.deps, turnIn(w, inChannel(ALEX, OPERATIVE_CHANNEL)), ABOUT_CHILD);
    expect(result).toMatchObject({ allowed: true, identifiable: true, caseRefs: [ref] });
    expect(w.stores.audit.entries().filter((e) => e.event === 'allowedUnderConsent')).toMatchObject([
      { groupId: 'operativ', caseRef: ref },
    ]);
  });

  it('refuses in personal chat without telling anyone', async () => {
    const result = await gateText(w.deps, turnIn(w, personal(MEGAN)), ABOUT_CHILD);
    expect(result.allowed).toBe(false);
    expect(w.stores.audit.entries()).toMatchObject([{ event: 'refusal', groupId: '' }]);
    expect(w.channel.sent).toEqual([]);
  });
});

describe('the gate on a message', () => {
  it('answers a refused message with the refusal card in its conversation', async () => {
    const turn = turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL, { activityId: 'm-2' }));
    expect(await gateMessage(w.deps, turn, ABOUT_CHILD)).toEqual({ identifiable: true });
    expect(turn.sent.map(kindOf)).toEqual(['consent-refusal']);
  });

  it('answers nothing to a message that identifies nobody', async () => {
    const turn = turnIn(w, personal(MEGAN));
    expect(await gateMessage(w.deps, turn, 'Hej!')).toEqual({ identifiable: false });
    expect(turn.sent).toEqual([]);
  });
});

describe('the gate on submitted values', () => {
  it('refuses an identifier in any string of a card submit, and ends the turn', async () => {
    const turn = turnIn(w, inChannel(MEGAN, OPERATIVE_CHANNEL));
    const goOn = await gateSubmittedMessage(
      w.deps,
      turn,
      { type: 'message', value: { verb: 'agenda.propose', items: [{ text: ABOUT_CHILD }] } },
      noIdentifying,
    );
    expect(goOn).toBe(false);
    expect(turn.sent.map(kindOf)).toEqual(['consent-refusal']);
  });

  it('leaves the fields a verb takes as identifiers on purpose to that verb', async () => {
    const turn = turnIn(w, personal(MEGAN));
    const identifyingOf = (verb: string) => (verb === 'consent.record' ? ['subjectPersonnummer', 'subjectName'] : []);
    const submit = { type: 'message', value: { verb: 'consent.record', ...formValues() } };
    expect(await gateSubmittedMessage(w.deps, turn, submit, identifyingOf)).toBe(true);
    // With text the submit takes no verb route, so nothing is left out.
    expect(await gateSubmittedMessage(w.deps, turn, { ...submit, text: 'skicka' }, identifyingOf)).toBe(false);
    expect(turn.sent.map(kindOf)).toEqual(['consent-refusal']);
    expect(JSON.stringify(turn.sent)).toContain(t('sv', 'gate.categories.personnummer'));
  });

  it('lets a message without a value through untouched', async () => {
    const turn = turnIn(w, personal(MEGAN));
    expect(await gateSubmittedMessage(w.deps, turn, { type: 'message', text: ABOUT_CHILD }, noIdentifying)).toBe(true);
    expect(turn.sent).toEqual([]);
  });
});
