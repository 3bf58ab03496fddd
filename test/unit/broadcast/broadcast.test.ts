import { describe, expect, it } from 'vitest';
import {
  allRecipients,
  broadcastId,
  broadcastReadLines,
  parseGroupIds,
  parsePersonIds,
  percent,
  PERSONAL_ROW,
  personalRecipients,
  readAmong,
  readRates,
  validUrl,
  type Broadcast,
} from '../../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { loadOrganisation, type Organisation } from '../../../src/domain/organisation';

const ct = (s: string) => s as CheckedText;
function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

describe('broadcasts (§11, telling staff)', () => {
  const org = demo();

  it('names groups by id, once each, and lists what names none', () => {
    expect(parseGroupIds(org, 'operativ, samverkansgrupp;operativ')).toEqual({ ids: ['operativ', 'samverkansgrupp'], unknown: [] });
    expect(parseGroupIds(org, 'Operativ okänd')).toEqual({ ids: ['operativ'], unknown: ['okänd'] });
    expect(parseGroupIds(org, '  ')).toEqual({ ids: [], unknown: [] });
  });

  it('takes an empty link or an https one, nothing else', () => {
    expect(validUrl('')).toBe(true);
    expect(validUrl('https://example.se/rutin.pdf')).toBe(true);
    expect(validUrl('http://example.se/rutin.pdf')).toBe(false);
    expect(validUrl('javascript:alert(1)')).toBe(false);
    expect(validUrl('https://example.se/a b')).toBe(false);
    expect(validUrl(`https://example.se/${'a'.repeat(600)}`)).toBe(false);
  });

  it('gives a resent broadcast the same id, whatever the order of its groups, and another sender another', () => {
    const b = { title: ct('Rutin'), text: ct('Text'), url: '', groupIds: ['operativ', 'styrgrupp'] };
    expect(broadcastId('u1', b)).toBe(broadcastId('u1', { ...b, groupIds: ['styrgrupp', 'operativ'] }));
    expect(broadcastId('u1', b)).not.toBe(broadcastId('u2', b));
    expect(broadcastId('u1', b)).not.toBe(broadcastId('u1', { ...b, title: ct('Rutin 2') }));
    expect(broadcastId('u1', b)).toMatch(/^b-[0-9a-f]{16}$/);
  });

  it('counts a reader in every group of the broadcast they are a member of, conveners included, and nobody else', () => {
    const rates = readRates(
      org,
      { groupIds: ['operativ', 'samverkansgrupp', 'gone'] },
      new Set(['megan.bowen', 'alex.wilber', 'isaiah.langer']),
    );
    expect(rates).toEqual([
      { groupId: 'operativ', recipients: 9, read: 2 },
      { groupId: 'samverkansgrupp', recipients: 9, read: 1 },
    ]);
    expect(percent(2, 9)).toBe(22);
    expect(percent(0, 0)).toBeNull();
    expect(percent(12, 9)).toBe(100);
  });

  it('names people by id, once each, and lists what names nobody', () => {
    expect(parsePersonIds(org, 'isaiah.langer, megan.bowen;isaiah.langer')).toEqual({ ids: ['isaiah.langer', 'megan.bowen'], unknown: [] });
    expect(parsePersonIds(org, 'Isaiah.Langer nobody')).toEqual({ ids: ['isaiah.langer'], unknown: ['nobody'] });
    expect(parsePersonIds(org, '')).toEqual({ ids: [], unknown: [] });
  });

  it('reaches personally every member of the member groups, conveners included, then the people chosen, each once', () => {
    const operativ = org.groups.find((g) => g.id === 'operativ')!;
    const people = personalRecipients(org, { memberGroupIds: ['operativ'], personIds: ['megan.bowen', 'isaiah.langer', 'gone'] });
    expect(people).toHaveLength(new Set([...operativ.conveners, ...operativ.members]).size + 1);
    expect(people.filter((p) => p === 'megan.bowen')).toHaveLength(1);
    expect(people.at(-1)).toBe('isaiah.langer');
    expect(people).not.toContain('gone');
    expect(personalRecipients(org, {})).toEqual([]);
    // Everyone it was for: the channel groups' members too.
    const all = allRecipients(org, { groupIds: ['samverkansgrupp'], personIds: ['isaiah.langer'] });
    expect(all.has('adele.vance')).toBe(true);
    expect(all.has('isaiah.langer')).toBe(true);
    expect(all.has('megan.bowen')).toBe(false);
  });

  it('keeps the id of a broadcast to channels only, and gives another recipient set another id', () => {
    const b = { title: ct('Rutin'), text: ct(''), url: '', groupIds: ['operativ'] };
    expect(broadcastId('u1', { ...b, memberGroupIds: [], personIds: [] })).toBe(broadcastId('u1', b));
    expect(broadcastId('u1', { ...b, personIds: ['isaiah.langer'] })).not.toBe(broadcastId('u1', b));
    expect(broadcastId('u1', { ...b, personIds: ['a', 'b'] })).toBe(broadcastId('u1', { ...b, personIds: ['b', 'a'] }));
    expect(broadcastId('u1', { ...b, memberGroupIds: ['operativ'] })).not.toBe(broadcastId('u1', { ...b, personIds: ['operativ'] }));
  });

  it('counts member groups like channel groups, and people chosen outside them in one row of their own, nobody twice', () => {
    const rates = readRates(
      org,
      { groupIds: ['operativ'], memberGroupIds: ['samverkansgrupp', 'operativ'], personIds: ['isaiah.langer', 'megan.bowen'] },
      new Set(['megan.bowen', 'isaiah.langer']),
    );
    expect(rates).toEqual([
      { groupId: 'operativ', recipients: 9, read: 1 },
      { groupId: 'samverkansgrupp', recipients: 9, read: 0 },
      // megan.bowen is in operativ and counted there; isaiah.langer is in no chosen group.
      { groupId: PERSONAL_ROW, recipients: 1, read: 1 },
    ]);
    expect(readRates(org, { groupIds: [], personIds: ['isaiah.langer', 'adele.vance'] }, new Set())).toEqual([
      { groupId: PERSONAL_ROW, recipients: 2, read: 0 },
    ]);
  });

  it("counts a broadcast's readers among some groups' members: the people it was for there, each once", () => {
    const b = { groupIds: ['operativ', 'samverkansgrupp'], personIds: ['isaiah.langer'] };
    const readers = new Set(['megan.bowen', 'adele.vance', 'isaiah.langer']);
    expect(readAmong(org, b, readers, new Set(['operativ']))).toEqual({ recipients: 9, read: 1 });
    const both = readAmong(org, b, readers, new Set(['operativ', 'samverkansgrupp']))!;
    const union = new Set(
      ['operativ', 'samverkansgrupp'].flatMap((id) => {
        const g = org.groups.find((x) => x.id === id)!;
        return [...g.conveners, ...g.members];
      }),
    );
    expect(both).toEqual({ recipients: union.size, read: 2 });
    // Sent to none of the groups: nothing, unless someone in them was chosen by name.
    expect(readAmong(org, { groupIds: [], personIds: ['isaiah.langer'] }, readers, new Set(['operativ']))).toBeUndefined();
    expect(readAmong(org, { groupIds: [], personIds: ['megan.bowen'] }, readers, new Set(['operativ']))).toEqual({
      recipients: 1,
      read: 1,
    });
  });

  it('lists the recent broadcasts that reached the groups, newest first, and leaves out older ones and those for others', () => {
    const mk = (id: string, sentAt: string, over: Partial<Broadcast> = {}): Broadcast => ({
      id,
      title: ct(id),
      text: ct(''),
      url: '',
      groupIds: ['operativ'],
      sentAt,
      sentBy: 'u1',
      ...over,
    });
    const sent = [
      { broadcast: mk('old', '2026-10-01T08:00:00.000Z'), readers: new Set<string>() },
      { broadcast: mk('first', '2026-11-20T08:00:00.000Z'), readers: new Set(['megan.bowen']) },
      { broadcast: mk('second', '2026-11-28T08:00:00.000Z'), readers: new Set<string>() },
      {
        broadcast: mk('elsewhere', '2026-11-29T08:00:00.000Z', { groupIds: [], personIds: ['isaiah.langer'] }),
        readers: new Set<string>(),
      },
    ];
    const lines = broadcastReadLines(org, sent, new Set(['operativ']), '2026-11-02T10:00:00.000Z');
    expect(lines.map((l) => [l.id, l.read, l.recipients])).toEqual([
      ['second', 0, 9],
      ['first', 1, 9],
    ]);
  });
});
