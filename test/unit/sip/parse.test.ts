import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/domain/commands/parse';

describe('sip / sip ny <ref> / sip new <ref>', () => {
  it('lists without arguments, in any case, with or without /', () => {
    for (const text of ['sip', 'SIP', '/sip', ' Sip '])
      expect(parseCommand(text)).toEqual({ kind: 'command', command: { name: 'sip', action: 'list' } });
  });

  it('ny / new takes a case reference, upper-cased', () => {
    for (const text of ['sip ny SAM-7K2M9QXC', 'sip new sam-7k2m9qxc', '/SIP NY SAM-7K2M9QXC'])
      expect(parseCommand(text)).toEqual({ kind: 'command', command: { name: 'sip', action: 'new', caseRef: 'SAM-7K2M9QXC' } });
  });

  it('anything else is the usage, in the language of the word', () => {
    expect(parseCommand('sip ny')).toMatchObject({ kind: 'invalid', name: 'sip', problem: 'caseRef' });
    expect(parseCommand('sip ny !!')).toMatchObject({ kind: 'invalid', name: 'sip', problem: 'caseRef' });
    expect(parseCommand('sip stäng SAM-7K2M9QXC')).toMatchObject({ kind: 'invalid', name: 'sip', problem: 'subcommand' });
  });
});
