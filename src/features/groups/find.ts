import type { Group } from '../../domain/organisation';

/**
 * Which group a user means by what they wrote after `grupp koppla`: its id
 * or its name as the cards show it (any case, spacing, with or without the
 * level in brackets); else the one group close enough to ask "Menade du …?".
 */
export type GroupMatch = { kind: 'exact'; group: Group } | { kind: 'close'; group: Group } | { kind: 'none' };

const norm = (s: string) => s.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

export function findGroupByText(groups: Group[], written: string): GroupMatch {
  const text = norm(written);
  const bare = norm(text.replace(/\([^)]*\)\s*$/, ''));
  const exact = groups.find((g) => [g.id.toLowerCase(), norm(g.name)].some((n) => n === text || n === bare));
  if (exact) return { kind: 'exact', group: exact };
  // The nearest by spelling, or the only one whose name holds the words written (or is held in them).
  const scored = groups
    .map((g) => {
      const names = [g.id.toLowerCase(), norm(g.name)];
      const distance = Math.min(...names.map((n) => editDistance(n, bare)));
      const within = names.some((n) => bare.length >= 4 && (n.includes(bare) || bare.includes(n)));
      return { g, distance, near: within || distance <= Math.max(2, Math.floor(bare.length / 4)) };
    })
    .filter((x) => x.near)
    .sort((a, b) => a.distance - b.distance);
  const [best, next] = scored;
  if (!best || (next && next.distance === best.distance)) return { kind: 'none' };
  return { kind: 'close', group: best.g };
}

/** Levenshtein distance: the fewest single-letter edits from one text to the other. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
