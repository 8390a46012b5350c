import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildForest, type TreeNode } from '../../src/core/layout/forest.ts';
import { placeTidy, type Spacing } from '../../src/core/layout/tidy.ts';
import { indexMap } from '../../src/core/model/map-index.ts';
import type { NodeId } from '../../src/core/model/types.ts';
import { syntheticMap } from '../bench/synthetic.ts';
import { arbitraryMap } from './arbitraries.ts';

const spacing: Spacing = { linked: 12, sibling: 28, cousin: 40, thesis: 72, level: 64, groupBoundary: 8 };

type Datum =
  TreeNode | { readonly id: ''; readonly children: readonly TreeNode[]; readonly relation: undefined };

/** The same placement by d3-hierarchy's `tree` (Buchheim et al.), which placeTidy reimplements. */
function d3Centres(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<NodeId>,
  breadth: (id: NodeId) => number,
  group: (id: NodeId) => string | undefined,
): Map<NodeId, number> {
  const root: Datum = { id: '', children: roots, relation: undefined };
  const h = hierarchy<Datum>(root, (d) =>
    d.id !== '' && collapsed.has(d.id) ? undefined : d.children.length > 0 ? d.children : undefined,
  );
  const separation = (a: HierarchyPointNode<Datum>, b: HierarchyPointNode<Datum>): number => {
    const half =
      (breadth(a.data.id) + breadth(b.data.id)) / 2 +
      (group(a.data.id) !== group(b.data.id) ? spacing.groupBoundary : 0);
    if (a.parent !== b.parent) return half + spacing.cousin;
    if (a.parent?.data.id === '') return half + spacing.thesis;
    return half + (a.data.relation === b.data.relation ? spacing.linked : spacing.sibling);
  };
  const centres = new Map<NodeId, number>();
  tree<Datum>()
    .nodeSize([1, 1])
    .separation(separation)(h)
    .eachBefore((n) => {
      if (n.data.id !== '') centres.set(n.data.id, n.x);
    });
  return centres;
}

describe('tidy tree', () => {
  it("places every shown node exactly where d3-hierarchy's tree does", () => {
    fc.assert(
      fc.property(
        arbitraryMap,
        fc.array(fc.nat(30), { maxLength: 3 }),
        fc.array(fc.integer({ min: 40, max: 400 }), { minLength: 1, maxLength: 7 }),
        (map, picks, widths) => {
          const forest = buildForest(indexMap(map));
          const collapsed = new Set(picks.map((i) => map.nodes[i % map.nodes.length]!.id));
          const ids = [...forest.all.keys()];
          const breadth = (id: NodeId) => widths[ids.indexOf(id) % widths.length]!;
          const group = (id: NodeId) => map.nodes.find((n) => n.id === id)?.group;
          const placement = placeTidy(
            forest,
            collapsed,
            (node) => ({ breadth: breadth(node.id), depth: 40 }),
            spacing,
            (node) => group(node.id),
          );
          const expected = d3Centres(forest.roots, collapsed, breadth, group);
          for (const node of forest.all.values()) {
            const centre = placement.centre[node.index]!;
            if (expected.has(node.id)) expect(centre, node.id).toBe(expected.get(node.id));
            else expect(centre, node.id).toBeNaN();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same numbers on a 3,000-node map', () => {
    const map = syntheticMap(3000);
    const forest = buildForest(indexMap(map));
    const breadth = (id: NodeId) => 120 + (Number(id.slice(1)) % 7) * 17;
    const placement = placeTidy(
      forest,
      new Set(),
      (node) => ({ breadth: breadth(node.id), depth: 40 }),
      spacing,
    );
    const expected = d3Centres(forest.roots, new Set(), breadth, () => undefined);
    let compared = 0;
    for (const node of forest.all.values()) {
      expect(placement.centre[node.index], node.id).toBe(expected.get(node.id));
      compared++;
    }
    expect(compared).toBe(3000);
  });
});
