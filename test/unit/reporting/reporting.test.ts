import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/domain/commands/parse';
import { parseOrganisation } from '../../../src/domain/organisation';
import { withinOfficeHours } from '../../../src/domain/reporting/office-hours';

const TZ = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);

describe('withinOfficeHours', () => {
  it('is true on a weekday between start and end, local time, across daylight saving', () => {
    expect(withinOfficeHours(at('2026-12-02T07:00:00Z'), '08:00-16:30', TZ)).toBe(true); // 08:00 CET
    expect(withinOfficeHours(at('2026-12-02T06:59:00Z'), '08:00-16:30', TZ)).toBe(false); // 07:59
    expect(withinOfficeHours(at('2026-12-02T15:29:00Z'), '08:00-16:30', TZ)).toBe(true); // 16:29
    expect(withinOfficeHours(at('2026-12-02T15:30:00Z'), '08:00-16:30', TZ)).toBe(false); // 16:30: closed
    expect(withinOfficeHours(at('2026-06-03T06:00:00Z'), '08:00-16:30', TZ)).toBe(true); // 08:00 CEST
    expect(withinOfficeHours(at('2026-06-03T05:59:00Z'), '08:00-16:30', TZ)).toBe(false);
  });

  it('is false on weekends, public holidays and the eves offices close', () => {
    expect(withinOfficeHours(at('2026-12-05T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // Saturday
    expect(withinOfficeHours(at('2026-12-06T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // Sunday
    expect(withinOfficeHours(at('2026-12-24T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // julafton, Thursday
    expect(withinOfficeHours(at('2026-12-25T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // juldagen, Friday
    expect(withinOfficeHours(at('2026-06-19T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // midsommarafton
    expect(withinOfficeHours(at('2026-05-01T10:00:00Z'), '08:00-16:30', TZ)).toBe(false); // första maj, Friday
    expect(withinOfficeHours(at('2026-12-28T10:00:00Z'), '08:00-16:30', TZ)).toBe(true); // an ordinary Monday
  });

  it('is undefined without office hours', () => {
    expect(withinOfficeHours(at('2026-12-02T10:00:00Z'), undefined, TZ)).toBeUndefined();
    expect(withinOfficeHours(at('2026-12-02T10:00:00Z'), 'kontorstid', TZ)).toBeUndefined();
  });
});

const base = ['id: x', 'name: X kommun', 'people:', '  - { id: a, displayName: A B, role: Kurator'];

describe('the organisation file: reporting, phone and e-mail', () => {
  it('accepts a reporting route and staff phone and e-mail', () => {
    const r = parseOrganisation(
      [
        'id: x',
        'name: X kommun',
        'reporting:',
        '  eServiceUrl: https://example.se/orosanmalan',
        '  phone: "08-000 00 00"',
        '  officeHours: "08:00-16:30"',
        '  onCallPhone: "+46 8 000 00 01"',
        '  onCallName: Socialjouren',
        'people:',
        '  - { id: a, displayName: A B, role: Kurator, phone: "0512-000 00", email: a.b@example.se }',
      ].join('\n'),
      'x.yaml',
    );
    expect(r.ok ? r.organisation.reporting : r.errors).toEqual({
      eServiceUrl: 'https://example.se/orosanmalan',
      phone: '08-000 00 00',
      officeHours: '08:00-16:30',
      onCallPhone: '+46 8 000 00 01',
      onCallName: 'Socialjouren',
    });
    expect(r.ok && r.organisation.people[0]).toMatchObject({ phone: '0512-000 00', email: 'a.b@example.se' });
  });

  it.each([
    ['reporting:\n  eServiceUrl: http://example.se/x', 'reporting.eServiceUrl'],
    ['reporting:\n  eServiceUrl: "javascript:alert(1)"', 'reporting.eServiceUrl'],
    ['reporting:\n  officeHours: "16:30-08:00"', 'reporting.officeHours'],
    ['reporting:\n  officeHours: "kontorstid"', 'reporting.officeHours'],
    ['reporting:\n  phone: "ring mig"', 'reporting.phone'],
    ['reporting:\n  fax: "08"', 'reporting'],
  ])('refuses %j, naming %s', (yaml, where) => {
    const r = parseOrganisation(['id: x', 'name: X kommun', yaml].join('\n'), 'x.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain(`x.yaml: ${where}`);
  });

  it.each([
    [', email: "inte en adress" }', 'people[0].email'],
    [', phone: "<a href=x>" }', 'people[0].phone'],
  ])('refuses a person%s', (tail, where) => {
    const r = parseOrganisation([...base.slice(0, 3), `${base[3]}${tail}`].join('\n'), 'x.yaml');
    expect(!r.ok && r.errors.join('\n')).toContain(`x.yaml: ${where}`);
  });

  it("an overlay may set the reporting route and people's contact details", () => {
    const r = parseOrganisation(
      [
        'extends: essunga',
        'reporting: { phone: "08-000 00 00", onCallPhone: "08-000 00 01" }',
        'updatePeople:',
        '  emma.varg: { phone: "0512-1" }',
      ].join('\n'),
      'o.yaml',
      {
        resolvePreset: (name) => ({
          text: require('node:fs').readFileSync(
            require('node:path').resolve(__dirname, `../../../src/domain/organisation/presets/${name}.yaml`),
            'utf8',
          ),
          fileName: `${name}.yaml`,
        }),
      },
    );
    expect(r.ok ? r.organisation.reporting?.onCallPhone : r.errors).toBe('08-000 00 01');
    expect(r.ok && r.organisation.people.find((p) => p.id === 'emma.varg')?.phone).toBe('0512-1');
  });
});

describe('the command words', () => {
  it('oro / concern take no arguments they keep; kontakt / contacts take a query', () => {
    expect(parseCommand('oro')).toEqual({ kind: 'command', command: { name: 'concern' } });
    expect(parseCommand('/Concern')).toEqual({ kind: 'command', command: { name: 'concern' } });
    expect(parseCommand('oro något mer')).toEqual({ kind: 'command', command: { name: 'concern' } });
    expect(parseCommand('kontakt')).toEqual({ kind: 'command', command: { name: 'contacts' } });
    expect(parseCommand('contacts  social   services')).toEqual({
      kind: 'command',
      command: { name: 'contacts', query: 'social services' },
    });
    expect(parseCommand('kontakter kurator')).toEqual({ kind: 'command', command: { name: 'contacts', query: 'kurator' } });
  });
});

describe('the presets', () => {
  it('each of the five gives a reporting route (placeholders) with an https e-service, office hours and the on-call', async () => {
    const { loadOrganisation } = await import('../../../src/domain/organisation');
    for (const name of ['essunga', 'overenskommelse-2020', 'gnesta', 'lekeberg', 'oxelosund']) {
      const r = loadOrganisation(name);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      const rep = r.organisation.reporting;
      expect(rep?.eServiceUrl, name).toMatch(/^https:\/\/[a-z.-]+\.example\//);
      expect(rep?.officeHours, name).toBe('08:00-16:30');
      expect(rep?.phone, name).toMatch(/-000 00$/);
      expect(rep?.onCallPhone, name).toMatch(/-000 99$/);
    }
    const essunga = loadOrganisation('essunga');
    expect(essunga.ok && essunga.organisation.people.filter((p) => p.phone).map((p) => p.id)).toEqual(['sofia.hed', 'emma.varg']);
  });
});
