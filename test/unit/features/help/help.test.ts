import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../src/domain/access';
import { help } from '../../../../src/features/help';
import { helpEntriesFor, roleLine, roleLinesFor } from '../../../../src/features/help/entries';
import { helpRun } from '../../../../src/features/help/run';
import type { BotServices } from '../../../../src/features/shared/services';
import { t } from '../../../../src/i18n';
import { fakeTurn } from '../../../support/turn';
import { ADELE, ALEX, inChannel, kindOf, MEGAN, OPERATIVE_CHANNEL, personal, TACTICAL_CHANNEL, world } from '../consent/setup';

describe('help', async () => {
  const w = await world();
  const turnOf = (info: Parameters<typeof fakeTurn>[0]) => fakeTurn(info, w.deps);

  it('offers a convener in personal chat what they may do anywhere, without linking a channel', async () => {
    const entries = await helpEntriesFor(w.deps, turnOf(personal(ALEX)));
    expect(entries).toEqual([
      'help',
      'group',
      'schedule',
      'meetings',
      'agenda',
      'minutes',
      'review',
      'consent',
      'sip',
      'digest',
      'report',
      'language',
      'plan',
      'indicator',
      'broadcast',
      'concern',
      'contacts',
    ]);
  });

  it('offers linking in a channel, and in a linked channel only what the user may do in its group', async () => {
    expect(await helpEntriesFor(w.deps, turnOf(inChannel(ALEX, OPERATIVE_CHANNEL)))).toContain('groupLink');
    const adeleInOperative = await helpEntriesFor(w.deps, turnOf(inChannel(ADELE, OPERATIVE_CHANNEL)));
    const adeleInTactical = await helpEntriesFor(w.deps, turnOf(inChannel(ADELE, TACTICAL_CHANNEL)));
    expect(adeleInOperative).not.toContain('agenda');
    expect(adeleInTactical).toContain('agenda');
    expect(adeleInTactical).not.toContain('schedule');
  });

  it('offers a user of another tenant help and nothing of the organisation', async () => {
    expect(await helpEntriesFor(w.deps, turnOf(personal(MEGAN, { tenantId: 'tenant-b' })))).toEqual(['help', 'language', 'concern']);
  });

  it('lists the user’s roles, one line each', () => {
    expect(roleLinesFor(turnOf(personal(MEGAN)))).toEqual([
      t('sv', 'roles.member', { group: 'Operativ grupp' }),
      t('sv', 'roles.consent', { group: 'Operativ grupp' }),
    ]);
    const manager: Role = { kind: 'manager', oversees: 'all' };
    expect(roleLine(turnOf(personal(ALEX, { locale: 'en' })), manager)).toBe(t('en', 'roles.manager'));
  });

  it('answers the command with the help card; quick actions only in personal chat', async () => {
    const services = w.deps as unknown as BotServices;
    const inPersonal = turnOf(personal(MEGAN));
    await help({ turn: inPersonal, info: inPersonal.info, services, command: { name: 'help' } });
    const inChannelTurn = turnOf(inChannel(MEGAN, OPERATIVE_CHANNEL));
    await help({ turn: inChannelTurn, info: inChannelTurn.info, services, command: { name: 'help' } });
    expect(inPersonal.sent.map(kindOf)).toEqual(['help']);
    expect(inChannelTurn.sent.map(kindOf)).toEqual(['help']);
    const json = JSON.stringify(inPersonal.sent[0]);
    expect(json).toContain(t('sv', 'roles.consent', { group: 'Operativ grupp' }));
    expect(json).toContain('help.run');
    expect(JSON.stringify(inChannelTurn.sent[0])).not.toContain('help.run');
  });

  it('offers quick buttons as a card verb with the command, never as imBack (which the Agents Playground ignores)', async () => {
    const services = w.deps as unknown as BotServices;
    const turn = turnOf(personal(ALEX));
    await help({ turn, info: turn.info, services, command: { name: 'help' } });
    const actions = turn.sent[0]!.actions as Array<Record<string, any>>;
    expect(actions.map((a) => [a.type, a.verb, a.data.command])).toEqual([
      ['Action.Execute', 'help.run', 'group'],
      ['Action.Execute', 'help.run', 'schedule'],
      ['Action.Execute', 'help.run', 'meetings'],
      ['Action.Execute', 'help.run', 'agenda'],
      // Anyone may report a concern: always a press away.
      ['Action.Execute', 'concern.show', undefined],
    ]);
    expect(actions.map((a) => a.title)).toEqual(['Grupp', 'Boka', 'Möten', 'Dagordning', 'Orosanmälan']);
    expect(JSON.stringify(turn.sent[0])).not.toContain('imBack');
  });

  it('runs a quick button’s command and answers with its card, which carries a button back to help', async () => {
    const services = w.deps as unknown as BotServices;
    const turn = turnOf(personal(ALEX, { locale: 'en' }));
    const card = await helpRun.handle({ turn, info: turn.info, services, data: { command: 'consent' } });
    expect(kindOf(card)).toBe('consent-form');
    expect(turn.sent).toEqual([]);
    const back = (card.actions as Array<Record<string, any>>).at(-1)!;
    expect(back).toMatchObject({ type: 'Action.Execute', verb: 'help.run', title: t('en', 'help.back'), data: { command: 'help' } });
    expect(back.fallback).toMatchObject({ type: 'Action.Submit', data: { command: 'help', verb: 'help.run' } });
    const again = await helpRun.handle({ turn, info: turn.info, services, data: { command: 'help' } });
    expect(kindOf(again)).toBe('help');
  });

  it('runs a command pressed outside personal chat as if typed, its cards sent as messages, and keeps the help card', async () => {
    const services = w.deps as unknown as BotServices;
    const turn = turnOf(inChannel(MEGAN, OPERATIVE_CHANNEL));
    const card = await helpRun.handle({ turn, info: turn.info, services, data: { command: 'consent' } });
    expect(kindOf(card)).toBe('help');
    expect(turn.sent.length).toBeGreaterThan(0);
  });
});
