import { describe, expect, it } from 'vitest';
import { cardBytes } from '../../../src/cards/size';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { newSip, type Sip } from '../../../src/domain/sip/sip';
import { sipFormCard, sipListCard, sipPlanCard, type SipView } from '../../../src/features/sip/cards';
import { sipHtml } from '../../../src/sip-endpoint';
import { expectValidCard } from '../../support/cards';

const ct = (s: string) => s as CheckedText;
const AT = new Date('2026-03-10T09:00:00Z');
const base = newSip({
  id: 'operativ.abcdefghij',
  tenantId: 't',
  groupId: 'operativ',
  caseRef: 'SAM-7K2M9QXC',
  agencies: ['bup'],
  family: ['guardian1', 'child'],
  by: 'u',
  at: AT,
});
const planned: Sip = {
  ...base,
  status: 'planned',
  meetingId: 'operativ.m000000001',
  printToken: 'x'.repeat(43),
  plan: {
    needs: ct('Stöd i skolan <b>och</b> hemma'),
    municipalityProvides: ct('Familjebehandling'),
    regionProvides: ct('Utredning på BUP'),
    othersProvide: ct(''),
    overallResponsibility: ct('Socialtjänsten'),
    coordinator: ct('Sofia Hed, socialsekreterare'),
    participation: ct('Vårdnadshavare 1 och barnet deltog'),
    followUpDate: '2026-06-01',
    plannedAt: AT.toISOString(),
    plannedBy: 'u',
  },
};
const view: SipView = {
  groupName: 'Operativ grupp',
  agencyNames: ['BUP Sörmland'],
  meetingWhen: '2026-03-17 13:00',
  printUrl: 'https://samverkan.test/sip/abc.html',
  systemUrl: 'https://prator.example.se/',
};

describe('the SIP cards', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`are valid Adaptive Cards 1.5 of their kind, within the size limit (${locale})`, () => {
      const cards = [
        sipListCard(locale, [{ sip: planned, view }], { groupNames: ['Operativ grupp'], systemUrl: view.systemUrl }),
        sipListCard(locale, [], { groupNames: ['Operativ grupp'] }),
        sipFormCard(locale, {
          caseRef: 'SAM-7K2M9QXC',
          groupId: 'operativ',
          groupName: 'Operativ grupp',
          consentUntil: '2026-12-31',
          coveredAgencyNames: ['Social sektor'],
          agencies: [{ id: 'bup', name: 'BUP Sörmland' }],
          problems: ['Samtycket omfattar inte BUP Sörmland.'],
        }),
        sipPlanCard(locale, planned, view, { notice: 'Sparad' }),
        sipPlanCard(locale, base, { ...view, printUrl: undefined, systemUrl: undefined }),
        sipPlanCard(locale, { ...planned, status: 'closed', closedAt: AT.toISOString() }, view),
      ];
      for (const card of cards) {
        expectValidCard(card);
        expect(cardBytes(card)).toBeLessThan(28_000);
      }
      expect(cards.map((c) => c.body[0]!.id)).toEqual(['sip-list', 'sip-list', 'sip-form', 'sip-plan', 'sip-plan', 'sip-plan']);
    });
  }

  it('the plan card offers saving, closing, printing and the SIP system while open, and only the links when closed', () => {
    const open = JSON.stringify(sipPlanCard('sv', planned, view));
    for (const s of ['"verb":"sip.plan"', '"verb":"sip.close"', 'https://samverkan.test/sip/abc.html', 'https://prator.example.se/'])
      expect(open).toContain(s);
    const shut = JSON.stringify(sipPlanCard('sv', { ...planned, status: 'closed', closedAt: AT.toISOString() }, view));
    expect(shut).not.toContain('"verb":"sip.plan"');
    expect(shut).toContain('Avslutad 2026-03-10.');
    expect(shut).toContain('Utredning på BUP');
  });

  it('the form offers the agencies and the family by role, never a name field', () => {
    const form = sipFormCard('en', {
      caseRef: 'SAM-7K2M9QXC',
      groupId: 'operativ',
      groupName: 'Operativ grupp',
      consentUntil: '2026-12-31',
      coveredAgencyNames: [],
      agencies: [{ id: 'bup', name: 'BUP Sörmland' }],
    });
    const json = JSON.stringify(form);
    for (const s of [
      '"value":"bup"',
      '"value":"guardian1"',
      '"value":"guardian2"',
      '"value":"child"',
      '"value":"relative"',
      '"verb":"sip.create"',
    ])
      expect(json).toContain(s);
    expect(json).not.toMatch(/"id":"(name|subjectName|guardianName)"/);
  });
});

describe('the printable plan', () => {
  it('holds the four items, the coordinator, participation and follow-up, escaped; the family by role', () => {
    const html = sipHtml(planned, view);
    for (const s of [
      'SIP · SAM-7K2M9QXC',
      'Stöd i skolan &lt;b&gt;och&lt;/b&gt; hemma',
      'Familjebehandling',
      'Utredning på BUP',
      'Socialtjänsten',
      'Sofia Hed, socialsekreterare',
      '2026-06-01',
      'Vårdnadshavare 1',
      'Barnet',
      'BUP Sörmland',
      'https://prator.example.se/',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain('<b>och</b>');
  });
});
