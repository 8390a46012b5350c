import fc from 'fast-check';
import {
  relationTypes,
  type ArgumentMap,
  type Extra,
  type Group,
  type MapNode,
  type Relation,
  type RelationType,
  type TourStep,
} from '../../src/core/model/types.ts';

/** Generated maps for property tests: structurally valid, with unknown keys in every object. */

const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Unknown keys, including names that are dangerous in JavaScript objects. */
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'x-custom', 'reviewed', 'layout'),
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x-${key}`),
);
// JSON has no -0 nor undefined: pass values through JSON so the expected model is what a file can hold.
const jsonValue = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const extra = optional(
  fc
    .uniqueArray(fc.tuple(extraKey, jsonValue), { maxLength: 3, selector: ([key]) => key, minLength: 1 })
    .map((entries): Extra => Object.fromEntries(entries)),
);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const arbitraryMap: fc.Arbitrary<ArgumentMap> = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 12 }),
    groupCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ nodeCount, groupCount }) => {
    const nodeIds = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
    const groupIds = Array.from({ length: groupCount }, (_, i) => `g${i}`);
    const nodeId = fc.constantFrom(...nodeIds);
    const groupId = groupIds.length > 0 ? optional(fc.constantFrom(...groupIds)) : fc.constant(undefined);
    const tags = optional(
      fc.uniqueArray(fc.constantFrom('key', 'empirical', 'thesis', 'мир'), { maxLength: 3 }),
    );

    const node = (id: string): fc.Arbitrary<MapNode> =>
      fc
        .record({
          type: fc.constantFrom('statement' as const, 'argument' as const),
          text,
          title: optional(text),
          group: groupId,
          tags,
          quote: optional(text),
          note: optional(text),
          implicit: optional(fc.boolean()),
          speaker: optional(text),
          premises: optional(fc.array(nodeId, { maxLength: 3 })),
          conclusion: optional(nodeId),
          extra,
        })
        .map(
          ({ premises, conclusion, ...rest }) =>
            withoutUndefined(
              rest.type === 'argument' ? { id, ...rest, premises, conclusion } : { id, ...rest },
            ) as MapNode,
        );

    const relation = (id: string): fc.Arbitrary<Relation> =>
      fc
        .record({
          type: fc.constantFrom<RelationType>(...relationTypes),
          from: fc.uniqueArray(nodeId, { minLength: 1, maxLength: 3 }),
          to: nodeId,
          tags,
          note: optional(text),
          extra,
        })
        .map((r) => withoutUndefined({ id, ...r }) as Relation);

    const group = (id: string): fc.Arbitrary<Group> =>
      fc.record({ title: text, note: optional(text), extra }).map((g) => withoutUndefined({ id, ...g }));

    const step: fc.Arbitrary<TourStep> = fc
      .record({
        focus: optional(nodeId),
        show: optional(fc.uniqueArray(nodeId, { maxLength: 4 })),
        title: optional(text),
        note: optional(text),
        minutes: optional(fc.double({ min: 0.25, max: 90, noNaN: true })),
        extra,
      })
      .map(withoutUndefined);

    return fc
      .record({
        title: optional(text),
        source: optional(
          fc
            .record({
              title: optional(text),
              author: optional(text),
              interviewer: optional(text),
              text: optional(text),
              extra,
            })
            .map(withoutUndefined),
        ),
        nodes: fc.tuple(...nodeIds.map(node)),
        relations: fc
          .integer({ min: 0, max: 10 })
          .chain((n) =>
            n === 0
              ? fc.constant<Relation[]>([])
              : fc.tuple(...Array.from({ length: n }, (_, i) => relation(`r${i}`))),
          ),
        groups: groupCount === 0 ? fc.constant([]) : fc.tuple(...groupIds.map(group)),
        tour: optional(fc.array(step, { maxLength: 3 })),
        extra,
      })
      .map((map) => withoutUndefined(map) as ArgumentMap);
  });
