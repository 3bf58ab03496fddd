import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/domain/access';
import { parseCommand } from '../../../src/domain/commands/parse';
import { loadOrganisation } from '../../../src/domain/organisation/load';
import { helpCard } from '../../../src/features/help/card';

/** Who may compile the report to the boards, and how the command is written. */

const org = (() => {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
})();
const actor = (n: number) => ({ aadObjectId: `00000000-0000-0000-0000-00000000000${20 + n}` });

describe('report.view', () => {
  it('allows the strategic group’s conveners and the managers, and refuses the rest with who may', () => {
    // Alex convenes the styrgrupp and is a manager.
    expect(authorize(org, actor(0), 'report.view')).toMatchObject({ allowed: true });
    for (const n of [1, 2, 3]) {
      const d = authorize(org, actor(n), 'report.view');
      expect(d).toMatchObject({ allowed: false, reason: 'notStrategicOrManager' });
      expect(d.allowed ? [] : d.whoMay).toContain('Alex Wilber');
    }
  });

  it('refuses a user of another tenant', () => {
    const tenanted = { ...org, tenantId: 'tenant-a' };
    expect(authorize(tenanted, { ...actor(0), tenantId: 'tenant-b' }, 'report.view')).toMatchObject({
      allowed: false,
      reason: 'otherTenant',
    });
  });
});

describe('rapport / report', () => {
  it('takes a year and, optionally, the interim period in either language', () => {
    expect(parseCommand('rapport 2026')).toEqual({ kind: 'command', command: { name: 'report', year: 2026, interim: false } });
    expect(parseCommand('/Rapport 2025 delår')).toEqual({ kind: 'command', command: { name: 'report', year: 2025, interim: true } });
    expect(parseCommand('report 2026 interim')).toEqual({ kind: 'command', command: { name: 'report', year: 2026, interim: true } });
    expect(parseCommand('rapport 2026 DELAR')).toEqual({ kind: 'command', command: { name: 'report', year: 2026, interim: true } });
  });

  it('names what is wrong: no year, not a year, an unknown word', () => {
    expect(parseCommand('rapport')).toMatchObject({ kind: 'invalid', name: 'report', problem: 'year', wordLanguage: 'sv' });
    expect(parseCommand('report 26')).toMatchObject({ kind: 'invalid', problem: 'year', wordLanguage: 'en' });
    expect(parseCommand('rapport 2026 helår')).toMatchObject({ kind: 'invalid', problem: 'subcommand' });
  });
});

describe('the help card', () => {
  it('lists rapport for a manager but offers no button for it (it needs a year)', () => {
    for (const locale of ['sv', 'en'] as const) {
      const card = JSON.stringify(helpCard(locale, { entries: ['help', 'review', 'digest', 'report'], roles: [], quickActions: true }));
      expect(card).toContain(locale === 'sv' ? '**rapport**' : '**report**');
      expect(card).toContain('"command":"digest"');
      expect(card).not.toContain('"command":"report"');
    }
  });
});
