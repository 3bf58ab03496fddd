import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../src/domain/organisation/load';
import { parseOrganisation } from '../../../src/domain/organisation/parse';

const GOOD = `
id: essunga
name: Essunga kommun
people:
  - { id: karin, displayName: Karin Holm, role: Chef social sektor }
  - { id: per, displayName: Per Lund, role: Chef utbildningssektor }
  - { id: emma, displayName: Emma Varg, role: Skolkurator }
agencies:
  - { id: soc, name: Social sektor, kind: social-services }
groups:
  - { id: styrgrupp, name: Styrgrupp, level: strategic, conveners: [karin], members: [per], cadence: at least 8 times a year }
  - { id: samverkansgrupp, name: Samverkansgrupp, level: tactical, conveners: [per], cadence: monthly }
  - { id: operativ, name: Operativ grupp, level: operative, conveners: [emma], agencies: [soc], cadence: "RRULE:FREQ=WEEKLY;BYDAY=TU" }
managers:
  - { personId: karin, oversees: all }
documents:
  - { id: riktlinje, title: Riktlinje, ownerGroup: styrgrupp, decidedOn: 2024-12-04, reviewCycle: { kind: untilFurtherNotice } }
`;

const errorsOf = (text: string, file = 'essunga.yaml') => {
  const r = parseOrganisation(text, file);
  return r.ok ? [] : r.errors;
};

describe('reading an organisation file', () => {
  it('a good file parses, with the default time zone and the cadences read', () => {
    const r = parseOrganisation(GOOD, 'essunga.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.organisation.timeZone).toBe('Europe/Stockholm');
    expect(r.organisation.groups.map((g) => g.cadence.kind)).toEqual(['atLeast', 'monthly', 'rrule']);
  });

  it('JSON works too', () => {
    const r = parseOrganisation(JSON.stringify({ id: 'x', name: 'X', groups: [] }), 'x.json');
    expect(r).toMatchObject({ ok: true, organisation: { id: 'x', people: [], groups: [] } });
  });

  it.each<[string, string, string]>([
    [
      'an unknown convener',
      GOOD.replace('conveners: [emma]', 'conveners: [anna]'),
      'essunga.yaml: groups[2].conveners[0]: unknown person "anna"',
    ],
    [
      'an unknown member',
      GOOD.replace('members: [per]', 'members: [per, nils]'),
      'essunga.yaml: groups[0].members[1]: unknown person "nils"',
    ],
    [
      'a duplicate person id',
      GOOD.replace('{ id: emma,', '{ id: per,'),
      'essunga.yaml: people[2].id: duplicate person id "per" (also people[1])',
    ],
    [
      'a duplicate group id',
      GOOD.replace('id: samverkansgrupp,', 'id: styrgrupp,'),
      'essunga.yaml: groups[1].id: duplicate group id "styrgrupp" (also groups[0])',
    ],
    [
      'a bad level',
      GOOD.replace('level: tactical', 'level: taktisk'),
      'essunga.yaml: groups[1].level: bad level "taktisk" (expected strategic, tactical or operative)',
    ],
    [
      'a bad RRULE',
      GOOD.replace('FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TU;FOO=1'),
      'essunga.yaml: groups[2].cadence: bad RRULE "RRULE:FREQ=WEEKLY;BYDAY=TU;FOO=1": Unknown RRULE property \'FOO\'',
    ],
    [
      'an RRULE without FREQ',
      GOOD.replace('RRULE:FREQ=WEEKLY;BYDAY=TU', 'RRULE:BYDAY=TU'),
      'essunga.yaml: groups[2].cadence: cannot read cadence "RRULE:BYDAY=TU" (try "at least 8 times a year", "3 times a year", "weekly", "monthly", "as needed" or "RRULE:FREQ=…")',
    ],
    [
      'an unreadable cadence',
      GOOD.replace('cadence: monthly', 'cadence: now and then'),
      'essunga.yaml: groups[1].cadence: cannot read cadence "now and then" (try "at least 8 times a year", "3 times a year", "weekly", "monthly", "as needed" or "RRULE:FREQ=…")',
    ],
    [
      'a date that is not in the calendar',
      GOOD.replace('decidedOn: 2024-12-04', 'decidedOn: 2023-02-29'),
      'essunga.yaml: documents[0].decidedOn: bad date "2023-02-29" (expected a real calendar date, YYYY-MM-DD)',
    ],
    [
      'a date in another format',
      GOOD.replace('decidedOn: 2024-12-04', 'decidedOn: 4/12/2024'),
      'essunga.yaml: documents[0].decidedOn: bad date "4/12/2024" (expected a real calendar date, YYYY-MM-DD)',
    ],
    [
      'an unknown owner group',
      GOOD.replace('ownerGroup: styrgrupp', 'ownerGroup: ledningsgrupp'),
      'essunga.yaml: documents[0].ownerGroup: unknown group "ledningsgrupp"',
    ],
    [
      'a manager of an unknown group',
      GOOD.replace('oversees: all', 'oversees: [styrgrupp, elevhalsa]'),
      'essunga.yaml: managers[0].oversees[1]: unknown group "elevhalsa"',
    ],
    ['an unknown agency', GOOD.replace('agencies: [soc]', 'agencies: [bup]'), 'essunga.yaml: groups[2].agencies[0]: unknown agency "bup"'],
    ['a misspelt field', GOOD.replace('conveners: [per]', 'convener: [per]'), 'essunga.yaml: groups[1]: unknown field "convener"'],
    ['a missing cadence', GOOD.replace(', cadence: monthly', ''), 'essunga.yaml: groups[1].cadence: cadence is required'],
    [
      'a bad review cycle kind',
      GOOD.replace('kind: untilFurtherNotice', 'kind: sometimes'),
      'essunga.yaml: documents[0].reviewCycle.kind: bad kind "sometimes" (expected yearly, schoolYear, termOfOffice, fixedValidity or untilFurtherNotice)',
    ],
    [
      'fixed validity without an end',
      GOOD.replace('kind: untilFurtherNotice', 'kind: fixedValidity'),
      'essunga.yaml: documents[0].validUntil: validUntil is required for a fixedValidity review cycle',
    ],
    [
      'an unknown time zone',
      GOOD.replace('name: Essunga kommun', 'name: Essunga kommun\ntimeZone: Europe/Essunga'),
      'essunga.yaml: timeZone: unknown time zone "Europe/Essunga" (expected an IANA zone such as Europe/Stockholm)',
    ],
    ['a YAML syntax error', GOOD.replace('people:', 'people: [').replace('agencies:', ''), ''],
  ])('%s gives the expected message', (_what, text, message) => {
    const errors = errorsOf(text);
    if (message) expect(errors).toContain(message);
    else expect(errors[0]).toMatch(/^essunga\.yaml: line \d+, column \d+: /);
  });

  it('reports every problem at once, shape and references together', () => {
    const text = GOOD.replace('level: tactical', 'level: taktisk')
      .replace('conveners: [emma]', 'conveners: [anna]')
      .replace('decidedOn: 2024-12-04', 'decidedOn: 2024-13-01');
    expect(errorsOf(text)).toEqual([
      'essunga.yaml: groups[1].level: bad level "taktisk" (expected strategic, tactical or operative)',
      'essunga.yaml: documents[0].decidedOn: bad date "2024-13-01" (expected a real calendar date, YYYY-MM-DD)',
      'essunga.yaml: groups[2].conveners[0]: unknown person "anna"',
    ]);
  });

  it('two people with the same Entra object id are refused', () => {
    const text = GOOD.replace('role: Chef social sektor', 'role: Chef social sektor, aadObjectId: ABC').replace(
      'role: Skolkurator',
      'role: Skolkurator, aadObjectId: abc',
    );
    expect(errorsOf(text)).toEqual(['essunga.yaml: people[2].aadObjectId: duplicate aadObjectId "abc" (also people[0])']);
  });

  it('bad JSON names the file', () => {
    expect(errorsOf('{"id": ', 'org.json')[0]).toMatch(/^org\.json: not valid JSON: /);
  });
});

describe('files that build on a preset (extends)', () => {
  it('an overlay adds people and conveners to a preset', () => {
    const r = parseOrganisation(
      'extends: essunga\nid: min-kommun\naddPeople: [{ id: ny, displayName: Ny Person, role: Kurator, aadObjectId: x-1 }]\nupdateGroups: { operativ: { addMembers: [ny] } }\n',
      'min.yaml',
      {
        resolvePreset: (name) => (name === 'essunga' ? { text: GOOD, fileName: 'essunga.yaml' } : undefined),
      },
    );
    expect(r.ok && r.organisation.groups.find((g) => g.id === 'operativ')?.members).toEqual(['ny']);
  });

  it('an overlay naming an unknown group or person or preset is refused', () => {
    const opts = { resolvePreset: (name: string) => (name === 'essunga' ? { text: GOOD, fileName: 'essunga.yaml' } : undefined) };
    const bad = parseOrganisation('extends: essunga\nupdateGroups: { operative: { addMembers: [emma] } }\n', 'min.yaml', opts);
    expect(bad).toEqual({ ok: false, errors: ['min.yaml: updateGroups.operative: unknown group "operative"'] });
    const badRef = parseOrganisation('extends: essunga\nupdateGroups: { operativ: { addMembers: [anna] } }\n', 'min.yaml', opts);
    expect(badRef.ok ? [] : badRef.errors[0]).toMatch(/^min\.yaml \(extends essunga\): groups\[2\]\.members\[0\]: unknown person "anna"$/);
    expect(parseOrganisation('extends: nowhere\n', 'min.yaml', opts)).toEqual({
      ok: false,
      errors: ['min.yaml: extends: unknown preset "nowhere"'],
    });
  });
});

describe('loading from disk', () => {
  it('a preset by name, a missing file by path', () => {
    expect(loadOrganisation('gnesta').ok).toBe(true);
    expect(loadOrganisation('/nonexistent/org.yaml')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^\/nonexistent\/org\.yaml: no such file \(and not a preset: essunga, /)],
    });
  });
});
