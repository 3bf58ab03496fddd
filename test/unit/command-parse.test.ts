import { describe, expect, it } from 'vitest';
import { normaliseCommandText, parseCommand, type ParseResult } from '../../src/domain/commands/parse';
import { COMMAND_NAMES, COMMAND_WORDS, commandForWord, type CommandName } from '../../src/domain/commands/words';

const nameOf = (r: ParseResult): CommandName | undefined =>
  r.kind === 'none' ? undefined : r.kind === 'command' ? r.command.name : r.name;
const command = (text: string) => {
  const r = parseCommand(text);
  if (r.kind !== 'command') throw new Error(`expected a command from ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r.command;
};
const problemOf = (text: string) => {
  const r = parseCommand(text);
  if (r.kind !== 'invalid') throw new Error(`expected invalid from ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r.problem;
};

/** Every command word from the contract (SPEC section 5), both languages. */
const WORDS: Array<[string, CommandName]> = [
  ['hjälp', 'help'],
  ['help', 'help'],
  ['grupp', 'group'],
  ['group', 'group'],
  ['boka', 'schedule'],
  ['schedule', 'schedule'],
  ['möten', 'meetings'],
  ['meetings', 'meetings'],
  ['dagordning', 'agenda'],
  ['agenda', 'agenda'],
  ['protokoll', 'minutes'],
  ['minutes', 'minutes'],
  ['översyn', 'review'],
  ['review', 'review'],
  ['samtycke', 'consent'],
  ['consent', 'consent'],
  ['sammanfattning', 'digest'],
  ['digest', 'digest'],
  ['språk', 'language'],
  ['language', 'language'],
  ['oro', 'concern'],
  ['concern', 'concern'],
  ['kontakt', 'contacts'],
  ['contacts', 'contacts'],
  ['rapport', 'report'],
  ['report', 'report'],
  ['sip', 'sip'],
  ['plan', 'plan'],
  ['handlingsplan', 'plan'],
  ['indikator', 'indicator'],
  ['indicator', 'indicator'],
  ['utskick', 'broadcast'],
  ['broadcast', 'broadcast'],
];

const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase('sv') + w.slice(1);

describe('command words', () => {
  it('the vocabulary covers every command of the contract in both languages', () => {
    expect(new Set(WORDS.map(([, n]) => n))).toEqual(new Set(COMMAND_NAMES));
    for (const [word, name] of WORDS) expect(commandForWord(word)).toBe(name);
    for (const name of COMMAND_NAMES) {
      expect(commandForWord(COMMAND_WORDS[name].sv)).toBe(name);
      expect(commandForWord(COMMAND_WORDS[name].en)).toBe(name);
    }
  });

  describe.each(WORDS)('%s', (word, name) => {
    it.each([
      ['bare', word],
      ['with a slash', `/${word}`],
      ['upper case', word.toLocaleUpperCase('sv')],
      ['capitalised', upperFirst(word)],
      ['slash and upper case', `/${word.toLocaleUpperCase('sv')}`],
      ['surrounded by spaces', `  ${word}  `],
      ['followed by a newline', `${word}\n`],
    ])('%s', (_how, text) => {
      expect(nameOf(parseCommand(text))).toBe(name);
    });
  });

  it.each([
    ['hjalp', 'help'],
    ['HJALP', 'help'],
    ['moten', 'meetings'],
    ['/Moten', 'meetings'],
    ['oversyn', 'review'],
    ['OVERSYN', 'review'],
    ['hjälp?', 'help'],
    ['?', 'help'],
    ['/?', 'help'],
  ])('accepts the spelling %s', (text, name) => {
    expect(nameOf(parseCommand(text))).toBe(name);
  });

  it('reads decomposed å/ä/ö (NFD, as some keyboards send them) like composed ones', () => {
    expect(nameOf(parseCommand('hja\u0308lp'))).toBe('help');
    expect(nameOf(parseCommand('/O\u0308VERSYN'))).toBe('review');
    expect(nameOf(parseCommand('mo\u0308ten'))).toBe('meetings');
  });

  it('ignores NBSPs and zero-width characters Teams leaves around a mention', () => {
    expect(nameOf(parseCommand('\u00A0hjälp\u00A0'))).toBe('help');
    expect(nameOf(parseCommand('\u200Bhjälp'))).toBe('help');
    expect(nameOf(parseCommand('\uFEFF/help\u200D'))).toBe('help');
    expect(nameOf(parseCommand('hj\u200Cälp'))).toBe('help');
    expect(command('boka\u00A02026-12-10\u00A013:00\u00A090')).toMatchObject({
      action: 'quick',
      date: '2026-12-10',
      time: '13:00',
      durationMinutes: 90,
    });
    expect(normaliseCommandText('\u200B\u00A0 x\u00A0')).toBe('x');
  });
});

describe('not commands', () => {
  it.each([
    'bokade du mötet?',
    'Bokade du mötet?',
    'hjälpte det?',
    'helping hand',
    'grupper är bra',
    'samtycket finns',
    'Kan du hjälpa mig?',
    'Vi ses på mötet. hjälp',
    'protokollet är klart',
    'consenting adults',
    '',
    '   ',
    '/',
    '//help',
    '??',
    '123',
    'hjälp!',
    '2026-12-10 boka',
  ])('%j is no command', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'none' });
  });

  it('is total on strange input', () => {
    expect(parseCommand(undefined as unknown as string)).toEqual({ kind: 'none' });
    expect(parseCommand(42 as unknown as string)).toEqual({ kind: 'none' });
    expect(nameOf(parseCommand(`hjälp ${'x'.repeat(100_000)}`))).toBe('help');
  });
});

describe('arguments', () => {
  it('commands without arguments ignore trailing words', () => {
    expect(command('hjälp mig')).toEqual({ name: 'help' });
    expect(command('protokoll')).toEqual({ name: 'minutes' });
    expect(command('översyn')).toEqual({ name: 'review' });
    expect(command('digest')).toEqual({ name: 'digest' });
  });

  describe('grupp', () => {
    it('without arguments shows the group', () => {
      expect(command('grupp')).toEqual({ name: 'group', action: 'show' });
      expect(command('/group')).toEqual({ name: 'group', action: 'show' });
    });
    it('koppla/link <id> links, lower-casing the id', () => {
      expect(command('grupp koppla operativ-ost')).toEqual({ name: 'group', action: 'link', groupId: 'operativ-ost' });
      expect(command('GRUPP KOPPLA Operativ_1')).toEqual({ name: 'group', action: 'link', groupId: 'operativ_1' });
      expect(command('/group link styrgrupp')).toEqual({ name: 'group', action: 'link', groupId: 'styrgrupp' });
      expect(command('group  link   styrgrupp  ')).toEqual({ name: 'group', action: 'link', groupId: 'styrgrupp' });
    });
    it('links by the name as the cards show it, and alone shows the link form', () => {
      expect(command('grupp koppla Operativ  grupp')).toEqual({ name: 'group', action: 'link', groupId: 'operativ grupp' });
      expect(command('grupp koppla')).toEqual({ name: 'group', action: 'link' });
      expect(command('group link 2 + 2-möte')).toEqual({ name: 'group', action: 'link', groupId: '2 + 2-möte' });
    });
    it('a bad name, or an unknown subcommand, is invalid', () => {
      expect(problemOf('grupp koppla -bad')).toBe('groupId');
      expect(problemOf('grupp koppla <script>')).toBe('groupId');
      expect(problemOf(`grupp koppla ${'x'.repeat(101)}`)).toBe('groupId');
      expect(problemOf('grupp visa')).toBe('subcommand');
      expect(problemOf('group kopplar x')).toBe('subcommand');
    });
  });

  describe('boka', () => {
    it('without arguments asks for the form', () => {
      expect(command('boka')).toEqual({ name: 'schedule', action: 'form' });
      expect(command('/Schedule')).toEqual({ name: 'schedule', action: 'form' });
    });
    it('date, time and minutes book one meeting', () => {
      expect(command('boka 2026-12-10 13:00 90')).toEqual({
        name: 'schedule',
        action: 'quick',
        date: '2026-12-10',
        time: '13:00',
        durationMinutes: 90,
      });
      expect(command('/SCHEDULE 2026-12-10 13:00 90')).toMatchObject({ action: 'quick', durationMinutes: 90 });
    });
    it('the duration defaults to 60 minutes, a one-digit hour gets its zero, the rest is the location', () => {
      expect(command('boka 2026-12-10 13:00')).toMatchObject({ durationMinutes: 60 });
      expect(command('boka 2026-12-10 9:30 45')).toMatchObject({ time: '09:30', durationMinutes: 45 });
      expect(command('boka 2026-12-10 13:00 90 Stora salen, plan 2')).toMatchObject({ location: 'Stora salen, plan 2' });
    });
    it('leap days are real only in leap years', () => {
      expect(command('boka 2028-02-29 10:00')).toMatchObject({ date: '2028-02-29' });
      expect(problemOf('boka 2026-02-29 10:00')).toBe('date');
    });
    it.each([
      ['boka 2026-02-30 10:00', 'date'],
      ['boka 2026-13-01 10:00', 'date'],
      ['boka 2026-04-31 10:00', 'date'],
      ['boka 2026-00-10 10:00', 'date'],
      ['boka 26-12-10 10:00', 'date'],
      ['boka 2026/12/10 10:00', 'date'],
      ['boka 10 december 13:00', 'date'],
      ['boka imorgon', 'date'],
      ['boka 2026-12-10 24:00', 'time'],
      ['boka 2026-12-10 13:60', 'time'],
      ['boka 2026-12-10 1300', 'time'],
      ['boka 2026-12-10 13.00', 'time'],
      ['boka 2026-12-10', 'time'],
      ['boka 2026-12-10 13:00 10', 'duration'],
      ['boka 2026-12-10 13:00 14', 'duration'],
      ['boka 2026-12-10 13:00 481', 'duration'],
      ['boka 2026-12-10 13:00 45.5', 'duration'],
      ['boka 2026-12-10 13:00 0', 'duration'],
      ['boka 2026-12-10 13:00 -30', 'duration'],
    ])('%s is invalid (%s)', (text, problem) => {
      expect(problemOf(text)).toBe(problem);
    });
    it('a word for the duration is invalid', () => {
      expect(parseCommand('boka 2026-12-10 13:00 nittio')).toEqual({
        kind: 'invalid',
        name: 'schedule',
        problem: 'duration',
        wordLanguage: 'sv',
      });
    });
    it('the bounds 15 and 480 minutes are allowed', () => {
      expect(command('boka 2026-12-10 13:00 15')).toMatchObject({ durationMinutes: 15 });
      expect(command('boka 2026-12-10 13:00 480')).toMatchObject({ durationMinutes: 480 });
    });
    it('flytta/move and ställ in/cancel keep their arguments', () => {
      expect(command('boka flytta m1 2026-12-11')).toEqual({ name: 'schedule', action: 'move', args: 'm1 2026-12-11' });
      expect(command('schedule move m1')).toEqual({ name: 'schedule', action: 'move', args: 'm1' });
      expect(command('boka ställ in m1')).toEqual({ name: 'schedule', action: 'cancel', args: 'm1' });
      expect(command('boka stall in m1')).toEqual({ name: 'schedule', action: 'cancel', args: 'm1' });
      expect(command('schedule cancel')).toEqual({ name: 'schedule', action: 'cancel', args: '' });
    });
  });

  describe('möten', () => {
    it('lists, or makes a new calendar link', () => {
      expect(command('möten')).toEqual({ name: 'meetings', action: 'list' });
      expect(command('möten ny-länk')).toEqual({ name: 'meetings', action: 'newLink' });
      expect(command('meetings new-link')).toEqual({ name: 'meetings', action: 'newLink' });
      expect(problemOf('möten igår')).toBe('subcommand');
    });
  });

  describe('dagordning', () => {
    it('shows, or proposes with + text', () => {
      expect(command('dagordning')).toEqual({ name: 'agenda', action: 'show' });
      expect(command('dagordning + Rutin vid hög frånvaro')).toEqual({ name: 'agenda', action: 'propose', text: 'Rutin vid hög frånvaro' });
      expect(command('agenda +Attendance routine')).toEqual({ name: 'agenda', action: 'propose', text: 'Attendance routine' });
      expect(command('DAGORDNING   +   två\nrader')).toEqual({ name: 'agenda', action: 'propose', text: 'två\nrader' });
    });
    it('+ without text, or other words, are invalid', () => {
      expect(problemOf('dagordning +')).toBe('text');
      expect(problemOf('dagordning +   ')).toBe('text');
      expect(problemOf('dagordning visa')).toBe('subcommand');
    });
  });

  describe('samtycke', () => {
    it('without arguments asks for the form', () => {
      expect(command('samtycke')).toEqual({ name: 'consent', action: 'form' });
      expect(command('/consent')).toEqual({ name: 'consent', action: 'form' });
    });
    it('lista/list lists', () => {
      expect(command('samtycke lista')).toEqual({ name: 'consent', action: 'list' });
      expect(command('SAMTYCKE LISTA')).toEqual({ name: 'consent', action: 'list' });
      expect(command('consent list')).toEqual({ name: 'consent', action: 'list' });
    });
    it('återkalla/aterkalla/withdraw <ref> withdraws, upper-casing the reference', () => {
      expect(command('samtycke återkalla SAM-2026-0001')).toEqual({ name: 'consent', action: 'withdraw', caseRef: 'SAM-2026-0001' });
      expect(command('samtycke ÅTERKALLA sam-2026-0001')).toEqual({ name: 'consent', action: 'withdraw', caseRef: 'SAM-2026-0001' });
      expect(command('samtycke aterkalla sam-2026-0001')).toMatchObject({ caseRef: 'SAM-2026-0001' });
      expect(command('/consent withdraw SAM-X1Y2')).toMatchObject({ caseRef: 'SAM-X1Y2' });
    });
    it('a missing or malformed reference, or another word, is invalid', () => {
      expect(problemOf('samtycke återkalla')).toBe('caseRef');
      expect(problemOf('samtycke återkalla 19781122-1234 nu')).toBe('caseRef');
      expect(problemOf('samtycke återkalla SAM_1')).toBe('caseRef');
      expect(problemOf('samtycke ge')).toBe('subcommand');
    });
  });
});
