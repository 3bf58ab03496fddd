import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { loadOrganisation, PRESET_NAMES, type PresetName } from '../../../src/domain/organisation/load';
import { parseOrganisation, serialiseOrganisation } from '../../../src/domain/organisation/parse';
import { membersOf, type Organisation } from '../../../src/domain/organisation/model';
import { nextReview } from '../../../src/domain/organisation/review-cycles';
import { readFileSync } from 'node:fs';
import { presetPath } from '../../../src/domain/organisation/load';

const NOW = DateTime.fromISO('2026-11-22T12:00', { zone: 'Europe/Stockholm' }).toJSDate();

function load(name: PresetName): Organisation {
  const r = loadOrganisation(name);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const group = (org: Organisation, id: string) => {
  const g = org.groups.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id} in ${org.id}`);
  return g;
};
const roleOf = (org: Organisation, personId: string) => org.people.find((p) => p.id === personId)?.role;
const docOf = (org: Organisation, id: string) => {
  const d = org.documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id} in ${org.id}`);
  return d;
};

describe.each(PRESET_NAMES)('preset %s', (name) => {
  it('loads, and round-trips: serialised and parsed back it is equal', () => {
    const org = load(name);
    const again = parseOrganisation(serialiseOrganisation(org), `${name}.roundtrip.yaml`);
    expect(again).toEqual({ ok: true, organisation: org });
  });

  it('says at the top which seed it reproduces, and uses only placeholder addresses', () => {
    const text = readFileSync(presetPath(name), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# (Preset reproducing seed 00[0-4]|The local demo organisation)/);
    for (const p of load(name).people) if (p.upn) expect(p.upn).toMatch(/\.example$/);
  });

  it('gives the contacts card staff to call: the nearest group to the children has placeholder phones and e-mails, and the on-call number', () => {
    const org = load(name);
    // The operative groups, else (Lekeberg has none) the tactical ones.
    const level = org.groups.some((g) => g.level === 'operative') ? 'operative' : 'tactical';
    const nearest = new Set(org.groups.filter((g) => g.level === level).flatMap((g) => membersOf(g)));
    const reachable = org.people.filter((p) => p.phone && p.email);
    expect(reachable.length).toBeGreaterThanOrEqual(2);
    expect(reachable.some((p) => nearest.has(p.id))).toBe(true);
    for (const p of reachable) expect(p.email).toMatch(/@[a-z0-9.-]+\.example$/);
    expect(org.reporting?.onCallPhone).toBeTruthy();
  });
});

type Fact = [string, (org: Organisation) => unknown, unknown];
const FACTS: Record<Exclude<PresetName, 'local-demo'>, Fact[]> = {
  essunga: [
    [
      'three groups with the demo ids',
      (o) => o.groups.map((g) => [g.id, g.level]),
      [
        ['styrgrupp', 'strategic'],
        ['samverkansgrupp', 'tactical'],
        ['operativ', 'operative'],
      ],
    ],
    [
      'the riktlinje: KS 2024-12-04 § 199, Ks 2024/393, tills vidare',
      (o) => {
        const d = docOf(o, 'riktlinje-samverkan');
        return [d.decisionRef, d.decidedOn, d.decidedBy, d.reviewCycle.kind];
      },
      ['Ks 2024/393 § 199', '2024-12-04', 'Kommunstyrelsen', 'untilFurtherNotice'],
    ],
    [
      'the samverkansgrupp is convened by the development lead and the development officer',
      (o) => group(o, 'samverkansgrupp').conveners.map((p) => roleOf(o, p)),
      ['Utvecklingsledare, social sektor', 'Verksamhetsutvecklare, utbildningssektor'],
    ],
    ['the styrgrupp has the five professions', (o) => membersOf(group(o, 'styrgrupp')).length, 5],
    ['the samverkansgrupp has seven professions', (o) => membersOf(group(o, 'samverkansgrupp')).length, 7],
    [
      'the operative group has seven professions, incl. skolkurator and LSS-handläggare',
      (o) => {
        const roles = membersOf(group(o, 'operativ')).map((p) => roleOf(o, p));
        return [roles.length, roles.includes('Skolkurator'), roles.includes('LSS-handläggare')];
      },
      [7, true, true],
    ],
    ['the riktlinje has no review date', (o) => nextReview(docOf(o, 'riktlinje-samverkan'), NOW).status, 'noDate'],
  ],
  'overenskommelse-2020': [
    ['decided by BUN and SN', (o) => docOf(o, 'overenskommelse-2020-2024').decisionRef, 'BUN 2019-12-03 § 121 och SN 2019-11-26 § 464'],
    [
      'valid 2020–2024, last reviewed 2019-11-26',
      (o) => {
        const d = docOf(o, 'overenskommelse-2020-2024');
        return [d.validFrom, d.validUntil, d.lastReviewed];
      },
      ['2020-01-01', '2024-12-31', '2019-11-26'],
    ],
    ['the agreement is expired today', (o) => nextReview(docOf(o, 'overenskommelse-2020-2024'), NOW).status, 'expired'],
    [
      'the handlingsplan is owned by the styrgrupp and revised every school year',
      (o) => {
        const d = docOf(o, 'handlingsplan');
        return [d.ownerGroup, d.reviewCycle.kind];
      },
      ['styrgrupp', 'schoolYear'],
    ],
    ['the yearly report to the boards', (o) => docOf(o, 'redovisning-namnderna').reviewCycle.kind, 'yearly'],
    [
      'the referensgrupp reviews the routines yearly',
      (o) => {
        const d = docOf(o, 'rutiner-samverkan');
        return [d.ownerGroup, d.reviewCycle.kind];
      },
      ['referensgrupp', 'yearly'],
    ],
    [
      'the referensgrupp is led by the development lead and the head of pupil health',
      (o) => group(o, 'referensgrupp').conveners.map((p) => roleOf(o, p)),
      ['Utvecklingsledare, socialförvaltningen', 'Verksamhetschef elevhälsan'],
    ],
    ['SIP agenda: mål, insatser, ansvar, tid', (o) => group(o, 'sip').agendaTemplate, ['Samtycke', 'Mål', 'Insatser', 'Ansvar', 'Tid']],
  ],
  gnesta: [
    [
      'the metodhandbok, decided by the strategigrupp 2023-06-09, until further notice',
      (o) => {
        const d = docOf(o, 'metodhandbok');
        return [d.decidedOn, d.lastReviewed, d.reviewCycle.kind, d.decidedBy];
      },
      ['2023-06-09', '2023-06-09', 'untilFurtherNotice', 'Strategigruppen för fördjupad samverkan BoU och Soc'],
    ],
    [
      'the strategigrupp has the seven functions',
      (o) =>
        membersOf(group(o, 'strategigrupp'))
          .map((p) => roleOf(o, p))
          .sort(),
      [
        'Chef för kvalitet och elevhälsan',
        'Enhetschef barn- och familjeenheten',
        'Enhetschef vuxen- och biståndsenheten',
        'Rektor Frejaskolan',
        'Rektor kulturskolan',
        'Strateg barn- och utbildningsförvaltningen',
        'Utvecklingssekreterare socialförvaltningen',
      ],
    ],
    ['the strategigrupp is strategic', (o) => group(o, 'strategigrupp').level, 'strategic'],
    ['SIP is operative', (o) => group(o, 'sip').level, 'operative'],
    [
      'the situation analysis and the strategiplan are yearly',
      (o) => [docOf(o, 'lagesanalys').reviewCycle.kind, docOf(o, 'strategiplan').reviewCycle.kind],
      ['yearly', 'yearly'],
    ],
  ],
  lekeberg: [
    [
      'three governance levels: the boards, 2 + 2 and the styrgrupp, all strategic',
      (o) => ['namnder', 'tva-plus-tva', 'styrgrupp'].map((id) => group(o, id).level),
      ['strategic', 'strategic', 'strategic'],
    ],
    ['2 + 2 meets three times a year', (o) => group(o, 'tva-plus-tva').cadence, { kind: 'times', timesPerYear: 3 }],
    [
      '2 + 2: the chairs and the heads of administration',
      (o) =>
        membersOf(group(o, 'tva-plus-tva'))
          .map((p) => roleOf(o, p))
          .sort(),
      [
        'Förvaltningschef kultur- och bildningsförvaltningen',
        'Förvaltningschef socialförvaltningen',
        'Ordförande kultur- och bildningsnämnden',
        'Ordförande socialnämnden',
      ],
    ],
    ['the styrgrupp meets at least eight times a year', (o) => group(o, 'styrgrupp').cadence, { kind: 'atLeast', timesPerYear: 8 }],
    [
      'the styrgrupp: heads of administration, enhetschef IFO, verksamhetschef elevhälsan, verksamhetsutvecklare',
      (o) =>
        membersOf(group(o, 'styrgrupp'))
          .map((p) => roleOf(o, p))
          .sort(),
      [
        'Enhetschef IFO',
        'Förvaltningschef kultur- och bildningsförvaltningen',
        'Förvaltningschef socialförvaltningen',
        'Verksamhetschef elevhälsan',
        'Verksamhetsutvecklare socialförvaltningen',
      ],
    ],
    [
      'the plan ran 2020–2023 and is expired today',
      (o) => {
        const d = docOf(o, 'samverkansplan-2020-2023');
        return [d.validFrom, d.validUntil, nextReview(d, NOW).status];
      },
      ['2020-01-01', '2023-12-31', 'expired'],
    ],
    [
      'a yearly activity plan by the styrgrupp',
      (o) => {
        const d = docOf(o, 'aktivitetsplan');
        return [d.ownerGroup, d.reviewCycle.kind];
      },
      ['styrgrupp', 'yearly'],
    ],
  ],
  oxelosund: [
    [
      'three administrations incl. culture and leisure, and BUP, HAB, BVC',
      (o) => o.agencies.map((a) => a.kind).sort(),
      ['child-health', 'child-psychiatry', 'culture-leisure', 'habilitation', 'police', 'school', 'social-services'],
    ],
    ['BRÅ/EST every week', (o) => group(o, 'bra-est').cadence, { kind: 'weekly' }],
    ['VITS spans school, social services, BUP and HAB', (o) => [...group(o, 'vits').agencies].sort(), ['bup', 'hab', 'uf', 'vof']],
    ['Förskole-VITS adds BVC', (o) => group(o, 'forskole-vits').agencies.includes('bvc'), true],
    [
      'VITS, SIP, skolsociala team and field work are operative',
      (o) => ['vits', 'forskole-vits', 'sip', 'skolsocialt-team', 'faltarbete'].map((id) => group(o, id).level),
      ['operative', 'operative', 'operative', 'operative', 'operative'],
    ],
    [
      'the riktlinjer are reviewed once per term of office, by the heads of administration',
      (o) => {
        const d = docOf(o, 'riktlinjer-samverkan');
        return [d.reviewCycle.kind, group(o, d.ownerGroup).conveners.length];
      },
      ['termOfOffice', 3],
    ],
    [
      'the riktlinjer, dated 2023-11-06 in the last term, are due within the first year of the 2026 term',
      (o) => nextReview(docOf(o, 'riktlinjer-samverkan'), NOW).dueDate,
      '2027-10-15',
    ],
  ],
};

describe.each(Object.entries(FACTS))('%s reproduces its document', (name, facts) => {
  const org = load(name as PresetName);
  it.each(facts)('%s', (_what, get, expected) => {
    expect(get(org)).toEqual(expected);
  });
});

describe('the local demo organisation', () => {
  const demo = load('local-demo');
  const essunga = load('essunga');
  const person = (aad: string) => demo.people.find((p) => p.aadObjectId === aad)!;
  const ALEX = '00000000-0000-0000-0000-0000000000020';
  const MEGAN = '00000000-0000-0000-0000-0000000000021';
  const ADELE = '00000000-0000-0000-0000-0000000000022';
  const ISAIAH = '00000000-0000-0000-0000-0000000000023';

  it('is Essunga with the Playground users added, nothing of Essunga lost', () => {
    expect(demo.groups.map((g) => g.id)).toEqual(['styrgrupp', 'samverkansgrupp', 'operativ']);
    for (const p of essunga.people) expect(demo.people).toContainEqual(p);
    expect(demo.documents.map((d) => d.decisionRef)).toEqual(essunga.documents.map((d) => d.decisionRef));
  });

  it('Alex Wilber convenes every group, manages all and may record consent', () => {
    const alex = person(ALEX);
    expect(alex.displayName).toBe('Alex Wilber');
    expect(demo.groups.every((g) => g.conveners.includes(alex.id))).toBe(true);
    expect(demo.managers).toContainEqual({ personId: alex.id, oversees: 'all' });
    expect(alex.mayRecordConsent).toBe(true);
  });

  it('Megan Bowen is in the operative group with consent rights; Adele Vance in the tactical group only; Isaiah Langer in none', () => {
    const groupsOf = (aad: string) => demo.groups.filter((g) => membersOf(g).includes(person(aad).id)).map((g) => g.id);
    expect(groupsOf(MEGAN)).toEqual(['operativ']);
    expect(person(MEGAN).mayRecordConsent).toBe(true);
    expect(groupsOf(ADELE)).toEqual(['samverkansgrupp']);
    expect(person(ADELE).mayRecordConsent).toBeFalsy();
    expect(groupsOf(ISAIAH)).toEqual([]);
  });

  it('every group has a meeting plan from the seeds, so a series can be booked by it', () => {
    const cadence = (id: string) => demo.groups.find((g) => g.id === id)!.cadence;
    expect(cadence('styrgrupp')).toEqual({ kind: 'atLeast', timesPerYear: 8 });
    expect(cadence('samverkansgrupp')).toEqual({ kind: 'times', timesPerYear: 6 });
    expect(cadence('operativ')).toEqual({ kind: 'weekly' });
  });
});
