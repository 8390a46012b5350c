import type { ArgumentMap, MapNode, Relation } from '../../src/core/model/types.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every run lays out the same maps. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'trust security deficit alliance reset mediation conflict partnership border strategy cooperation ' +
  'independence tension missile defence neighbours rhetoric foundation architecture council veto army reform'
).split(' ');

/**
 * A synthetic argument map of `size` nodes: a tree (each node supports or attacks an earlier one, a few
 * theses, branching like real maps), texts of 3–40 words so boxes vary, about 5 % extra relations as
 * cross-links, and some linked premise pairs.
 */
export function syntheticMap(size: number, seed = 42): ArgumentMap {
  const rand = random(seed);
  const nodes: MapNode[] = [];
  const relations: Relation[] = [];
  for (let i = 0; i < size; i++) {
    const length = 3 + Math.floor(rand() ** 2 * 38);
    const text = Array.from({ length }, () => words[Math.floor(rand() * words.length)]).join(' ');
    nodes.push({ id: `n${i}`, type: 'statement', text });
    if (i === 0 || rand() < 0.002) continue; // a thesis
    // Prefer recent nodes as parents: trees a few levels deep with real fan-out.
    const parent = Math.max(0, i - 1 - Math.floor(rand() ** 3 * Math.min(i, 400)));
    relations.push({
      id: `r${i}`,
      type: rand() < 0.7 ? 'support' : 'attack',
      from: [`n${i}`],
      to: `n${parent}`,
    });
  }
  // Linked pairs: merge some sibling premises into one relation.
  for (let k = 0; k < size * 0.03; k++) {
    const a = relations[Math.floor(rand() * relations.length)]!;
    const b = relations.find((r) => r !== a && r.to === a.to && r.from.length === 1 && r.type === a.type);
    if (b && a.from.length === 1) {
      relations[relations.indexOf(a)] = { ...a, from: [...a.from, ...b.from] };
      relations.splice(relations.indexOf(b), 1);
    }
  }
  const crossLinks = Math.round(size * 0.05);
  for (let k = 0; k < crossLinks; k++) {
    const from = 1 + Math.floor(rand() * (size - 1));
    const to = Math.floor(rand() * from);
    relations.push({
      id: `x${k}`,
      type: rand() < 0.5 ? 'support' : 'attack',
      from: [`n${from}`],
      to: `n${to}`,
    });
  }
  return { groups: [], nodes, relations };
}
