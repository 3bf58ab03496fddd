import { describe, expect, it } from 'vitest';
import { detectIdentifiers } from '../../../src/domain/identifiers/detect';

/** A list that counts how often it is read through `map`, which is how the detector derives its sets from it. */
function counted(items: string[]): { list: string[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (key === 'map') reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

describe("the organisation's lists are derived once, however many messages the detector reads", () => {
  const staff = Array.from({ length: 10_000 }, (_, i) => `Person${i} Efternamn${i}`);

  it('the same list in a new options object for every message (each with its own time) is normalised once', () => {
    const names = counted([...staff, 'Ella Lindqvist']);
    const domains = counted(['essunga.se']);
    const text = 'Ella Lindqvist bokar rum till mötet med eleven i 7B.';
    for (let i = 0; i < 50; i++) {
      const findings = detectIdentifiers(text, {
        officialNames: names.list,
        organisationDomains: domains.list,
        now: new Date(),
      });
      // The official's own name is not an identifier.
      expect(findings.filter((f) => text.slice(f.start, f.end).includes('Lindqvist'))).toEqual([]);
    }
    expect(names.reads()).toBe(1);
    // The mail domains are derived when a message first holds an address, and then never again.
    expect(domains.reads()).toBe(0);
    for (let i = 0; i < 50; i++)
      detectIdentifiers('Mamman till eleven i 7B nås på anna.berg@gmail.com eller ella.lindqvist@essunga.se.', {
        organisationDomains: domains.list,
        now: new Date(),
      });
    expect(domains.reads()).toBe(1);
  });

  it('a new organisation (a new list) is derived anew', () => {
    const first = counted(['Ella Lindqvist']);
    const second = counted(['Ella Lindqvist']);
    detectIdentifiers('Hej', { officialNames: first.list, now: new Date() });
    detectIdentifiers('Hej', { officialNames: second.list, now: new Date() });
    expect(first.reads()).toBe(1);
    expect(second.reads()).toBe(1);
  });
});
