import fc from 'fast-check';
import {
  relationTypes,
  type ArgumentMap,
  type Group,
  type MapNode,
  type Relation,
} from '../../src/core/model/types.ts';

/**
 * Generated maps that pass validation (unlike `arbitraryMap`, which exercises the JSON reader with anything
 * the schema allows): texts that say something, relations between distinct existing nodes, undercuts aimed
 * at earlier support or attack relations, groups whose parents come before them. Other formats (Argdown,
 * AIF) round-trip these.
 */

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Any text, including brackets, hashes, comment markers, line breaks and non-Latin scripts. */
const wildText = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' });
const plainText = fc
  .array(
    fc.constantFrom('trust', 'NATO', 'безопасность', 'reset', '2010', '(the alliance)', 'won’t', 'U.S.'),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((words) => words.join(' '));
const someText = fc.oneof(plainText, plainText, wildText).filter((t) => t.trim() !== '');
const tag = fc.constantFrom('key', 'empirical', 'thesis', 'мир', 'two words', 'a/b');

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const arbitraryValidMap: fc.Arbitrary<ArgumentMap> = fc
  .record({
    nodeCount: fc.integer({ min: 2, max: 10 }),
    groupCount: fc.integer({ min: 0, max: 3 }),
    relationCount: fc.integer({ min: 0, max: 10 }),
  })
  .chain(({ nodeCount, groupCount, relationCount }) => {
    const nodeIds = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
    const groupIds = Array.from({ length: groupCount }, (_, i) => `g${i}`);
    const groupId = groupIds.length > 0 ? optional(fc.constantFrom(...groupIds)) : fc.constant(undefined);

    const node = (id: string): fc.Arbitrary<MapNode> =>
      fc
        .record({
          type: fc.constantFrom('statement' as const, 'statement' as const, 'argument' as const),
          text: someText,
          title: optional(someText),
          group: groupId,
          tags: optional(fc.uniqueArray(tag, { minLength: 1, maxLength: 3 })),
          note: optional(someText),
          implicit: optional(fc.constant(true)),
          speaker: optional(fc.oneof(fc.constantFrom('Interviewer', 'Fyodor Lukyanov'), someText)),
        })
        .map((n) => withoutUndefined({ id, ...n }) as MapNode);

    const group = (id: string, index: number): fc.Arbitrary<Group> =>
      fc
        .record({
          title: someText,
          parent: index > 0 ? optional(fc.constantFrom(...groupIds.slice(0, index))) : fc.constant(undefined),
        })
        .map((g) => withoutUndefined({ id, ...g }));

    // Each relation as a recipe; undercuts pick an earlier support or attack once the list is known.
    const recipe = fc.record({
      // Support twice as often as each other kind.
      type: fc.constantFrom('support', ...relationTypes),
      from: fc.uniqueArray(fc.constantFrom(...nodeIds), { minLength: 1, maxLength: 3 }),
      to: fc.constantFrom(...nodeIds),
      pick: fc.nat(),
      tags: optional(fc.uniqueArray(tag, { minLength: 1, maxLength: 2 })),
    });

    return fc
      .record({
        title: optional(someText),
        nodes: fc.tuple(...nodeIds.map(node)),
        groups: groupCount === 0 ? fc.constant([]) : fc.tuple(...groupIds.map(group)),
        recipes: fc.array(recipe, { minLength: relationCount, maxLength: relationCount }),
      })
      .map(({ title, nodes, groups, recipes }) => {
        const relations: Relation[] = [];
        for (const r of recipes) {
          const id = `r${relations.length + 1}`;
          const tags = r.tags ? { tags: r.tags } : {};
          if (r.type === 'undercut') {
            const targets = relations.filter((t) => t.type === 'support' || t.type === 'attack');
            const target = targets[r.pick % Math.max(1, targets.length)];
            if (target && !target.from.includes(r.from[0]!))
              relations.push({ id, type: 'undercut', from: [r.from[0]!], to: target.id });
            continue;
          }
          if (r.type === 'contradiction') {
            if (r.from[0] !== r.to)
              relations.push({ id, type: 'contradiction', from: [r.from[0]!], to: r.to });
            continue;
          }
          const from = r.from.filter((f) => f !== r.to);
          if (from.length > 0)
            relations.push({
              id,
              type: r.type as 'support' | 'attack' | 'entails' | 'contrary',
              from,
              to: r.to,
              ...tags,
            });
        }
        return withoutUndefined({ title, groups, nodes, relations }) as ArgumentMap;
      });
  });
