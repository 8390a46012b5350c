import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { gapGeometry } from '../../src/core/layout/routing/gap-geometry.ts';
import type {
  Direction,
  GroupFrame,
  LaidOutMap,
  LaidOutNode,
  Point,
  Rect,
} from '../../src/core/layout/types.ts';
import type { ArgumentMap, Group, MapNode, Relation } from '../../src/core/model/types.ts';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { linePolylines } from '../bench/metrics.ts';
import { random } from '../bench/synthetic.ts';
import { arbitraryMap } from './arbitraries.ts';
import { mapOf, readText } from './helpers.ts';

/** Whether the segment p–q passes through the inside of `rect` (Liang–Barsky clipping, open rectangle). */
function segmentEnters(p: Point, q: Point, rect: Rect): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let lo = 0;
  let hi = 1;
  const clip = (denominator: number, numerator: number): boolean => {
    // The segment's part where denominator * t < numerator.
    if (denominator === 0) return numerator > 0;
    const t = numerator / denominator;
    if (denominator > 0) hi = Math.min(hi, t);
    else lo = Math.max(lo, t);
    return lo < hi;
  };
  return (
    clip(-dx, p.x - rect.x) &&
    clip(dx, rect.x + rect.width - p.x) &&
    clip(-dy, p.y - rect.y) &&
    clip(dy, rect.y + rect.height - p.y)
  );
}

const shrunk = (r: Rect, by: number): Rect => ({
  x: r.x + by,
  y: r.y + by,
  width: r.width - 2 * by,
  height: r.height - 2 * by,
});

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

const measurer = createFontMeasurer();
/** A line along a title's edge touches it, and floating point may put it a hair inside. */
const TOUCHING = 0.01;

/**
 * Where a frame's title is drawn: from its start to the end of its text (semibold), from a full em above the
 * baseline to its descenders (a quarter em below).
 */
function titleArea(frame: GroupFrame): Rect {
  const { size } = gapGeometry.title;
  return {
    x: frame.titleAt.x,
    y: frame.titleAt.y - size,
    width: measurer.width(frame.title, 'semibold', size),
    height: size * 1.25,
  };
}

/**
 * The places where a connector runs through a box not its own, a routed one through a group's title, or a
 * tree line through the title of a frame whose top had room for it elsewhere (drawing down, titles move along
 * the top out of the lines' way; a frame narrower than its title between two lines leaves it where it is).
 *
 * Of the titles of frames around nested groups, only runs along a gap drawing down are checked: those titles
 * are kept out of the band of route tracks, but two things still cross them. Drawing down, such a title lies
 * between the band and the bars of linked premises, and a cross-link dropping from the band onto a bar under
 * it runs through it. Drawing right, such a frame's title band (18 px more per nested level) can reach over a
 * neighbouring box, whose own lines then cross it, and from two nested levels on the title starts before the
 * row, where contradictions between boxes of one row run (`gapGeometry.contradictionLane`).
 */
function violations(map: ArgumentMap, laid: LaidOutMap): string[] {
  const found: string[] = [];
  const treeSegments: [Point, Point, string][] = [];
  const aroundNested = new Set(map.groups.flatMap((g) => (g.parent === undefined ? [] : [g.parent])));
  // Later parts of a group are drawn without a title.
  const titles = laid.groups
    .filter((frame) => frame.part === 1)
    .map((frame) => ({
      frame,
      area: shrunk(titleArea(frame), TOUCHING),
      onlyRuns: aroundNested.has(frame.id),
    }));
  for (const connector of laid.connectors) {
    const own = new Set([...connector.premises, connector.target]);
    const boxes = laid.nodes.filter((node) => !own.has(node.id));
    for (const line of linePolylines(connector.line))
      for (let i = 1; i < line.length; i++) {
        const [p, q] = [line[i - 1]!, line[i]!];
        for (const box of boxes)
          if (segmentEnters(p, q, shrunk(box, 1)))
            found.push(`${connector.kind} ${connector.key} runs through box ${box.id}`);
        if (connector.kind !== 'cross') {
          treeSegments.push([p, q, connector.key]);
          continue;
        }
        const alongGap = laid.direction === 'down' && p.y === q.y;
        for (const { frame, area, onlyRuns } of titles)
          if ((!onlyRuns || alongGap) && segmentEnters(p, q, area))
            found.push(`${connector.key} runs through the title of frame ${frame.key}`);
      }
  }
  for (const { frame, area, onlyRuns } of titles) {
    if (onlyRuns) continue;
    const across = treeSegments.filter(([p, q]) => segmentEnters(p, q, area));
    if (across.length > 0 && roomForTitle(frame, area, treeSegments))
      found.push(
        `tree ${across[0]![2]} runs through the title of frame ${frame.key}, which had room beside it`,
      );
  }
  return [...new Set(found)];
}

/**
 * Whether the frame's head (the band over its top row, as wide as it was made) holds a place for its title that no tree line crosses or comes nearer than the
 * title's clearance: a start from the title's inset to the frame's right edge less that inset, with the
 * title's height where it is drawn. Where there is
 * none (a narrow frame under a long title), a line through it cannot be avoided by moving it.
 */
function roomForTitle(frame: GroupFrame, area: Rect, segments: readonly [Point, Point, string][]): boolean {
  const { head } = frame;
  const from = head.x + gapGeometry.title.inset;
  const to = head.x + head.width - gapGeometry.title.inset - area.width;
  const band = { x: head.x, y: area.y, width: head.width, height: area.height };
  const blocked = segments
    .filter(([p, q]) => segmentEnters(p, q, band))
    .map(([p, q]): [number, number] => [Math.min(p.x, q.x), Math.max(p.x, q.x)]);
  const clear = gapGeometry.title.clearance;
  const starts = [from, ...blocked.map(([, right]) => right + clear)].filter((x) => x >= from && x <= to);
  return starts.some((x) =>
    blocked.every(([left, right]) => right <= x - clear || left >= x + area.width + clear),
  );
}

const words = 'trust reset border army veto council reform missile alliance partner'.split(' ');

/**
 * A generated map with a tree (linked premises among them), groups nested up to three deep that hold whole
 * branches or parts of them, cross-links, contradictions and undercuts (of undercuts too), from a seed.
 */
function groupedMap(size: number, groupCount: number, seed: number): ArgumentMap {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const phrase = (most: number) =>
    Array.from({ length: 1 + Math.floor(rand() * most) }, () => pick(words)).join(' ');
  const groups: Group[] = [];
  for (let g = 0; g < groupCount; g++) {
    const parent = g > 0 && rand() < 0.6 ? groups[Math.floor(rand() * g)]!.id : undefined;
    groups.push({ id: `g${g}`, title: phrase(6), ...(parent ? { parent } : {}) });
  }
  const nodes: MapNode[] = [];
  const relations: Relation[] = [];
  const groupOf: (string | undefined)[] = [];
  const node = (i: number, group: string | undefined): void => {
    groupOf[i] = group;
    const title = rand() < 0.3 ? { title: phrase(4) } : {};
    nodes.push({ id: `n${i}`, type: 'statement', text: phrase(25), ...title, ...(group ? { group } : {}) });
  };
  node(0, groups.length > 0 && rand() < 0.5 ? pick(groups).id : undefined);
  for (let i = 1; i < size; i++) {
    const parent = Math.max(0, i - 1 - Math.floor(rand() ** 2 * i));
    const roll = rand();
    node(i, roll < 0.6 ? groupOf[parent] : roll < 0.85 && groups.length > 0 ? pick(groups).id : undefined);
    if (rand() < 0.05) continue; // another thesis
    const sibling = [...relations]
      .reverse()
      .find((r: Relation) => r.type !== 'undercut' && r.type !== 'contradiction' && r.to === `n${parent}`);
    if (sibling && rand() < 0.25) (sibling.from as string[]).push(`n${i}`);
    else
      relations.push({
        id: `r${i}`,
        type: rand() < 0.7 ? 'support' : 'attack',
        from: [`n${i}`],
        to: `n${parent}`,
      });
  }
  const extra = Math.ceil(size * 0.15);
  for (let k = 0; k < extra && size > 1; k++) {
    const from = 1 + Math.floor(rand() * (size - 1));
    const to = Math.floor(rand() * from);
    relations.push({
      id: `x${k}`,
      type: pick(['support', 'attack'] as const),
      from: [`n${from}`],
      to: `n${to}`,
    });
    const a = Math.floor(rand() * size);
    const b = Math.floor(rand() * size);
    if (a !== b) relations.push({ id: `c${k}`, type: 'contradiction', from: [`n${a}`], to: `n${b}` });
  }
  for (let k = 0; k < Math.ceil(size * 0.1); k++) {
    const attacked = pick(relations.filter((r) => r.type !== 'contradiction'));
    if (!attacked) break;
    const id = size + k;
    node(id, rand() < 0.5 ? groupOf[Number(attacked.from[0]!.slice(1))] : undefined);
    relations.push({ id: `u${k}`, type: 'undercut', from: [`n${id}`], to: attacked.id });
  }
  return { groups, nodes, relations };
}

/** The shared generator's maps, with each group but the first nested in an earlier one or in none. */
const nestedArbitraryMap = fc
  .tuple(arbitraryMap, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }))
  .map(([map, picks]) => ({
    ...map,
    groups: map.groups.map((group, i) => {
      const parent = i > 0 ? picks[i - 1]! % (i + 1) : 0;
      return parent > 0 ? { ...group, parent: map.groups[parent - 1]!.id } : group;
    }),
  }));

const generatedMaps = fc.oneof(
  fc
    .record({
      size: fc.integer({ min: 2, max: 40 }),
      groups: fc.integer({ min: 0, max: 5 }),
      seed: fc.integer(),
    })
    .map(({ size, groups, seed }) => groupedMap(size, groups, seed)),
  nestedArbitraryMap,
);
const directions = fc.constantFrom<Direction>('down', 'right');

describe('the gap geometry', () => {
  const g = gapGeometry;
  const levelGaps = [64, 88];

  it('keeps the band of route tracks between the frames of the row above and the undercuts arriving below', () => {
    for (const gap of levelGaps) {
      expect(g.framePadding).toBeLessThan(gap * g.bandTop);
      expect(g.bandTop).toBeLessThan(g.bandBottom);
      // Junctions sit junctionAbovePremises of the gap above the row below; undercuts arrive that share of the way up.
      const arrival = (1 - g.junctionAbovePremises) * (1 - g.undercutArrival);
      expect(gap * g.bandBottom).toBeLessThan(gap * arrival);
    }
  });

  it('puts a tree label between its bar and the band, and a contradiction lane below the bars', () => {
    for (const gap of levelGaps) {
      const bar = gap * (1 - g.junctionAbovePremises);
      expect(bar - g.labelAboveBar).toBeGreaterThan(gap * g.bandBottom);
      expect(g.contradictionLane).toBeLessThan(gap * g.junctionAbovePremises);
    }
  });

  it('holds a title and its descenders in the title band, and rounds corners within the margin beside boxes', () => {
    expect(g.title.baseline + g.title.size / 4).toBeLessThanOrEqual(g.titleBand);
    expect(g.title.baseline - g.title.size).toBeGreaterThanOrEqual(0);
    expect(g.routeCornerRadius).toBeLessThanOrEqual(g.boxMargin);
  });
});

describe('the generated maps', () => {
  it('hold nested groups, cross-links, contradictions and undercuts', () => {
    const maps = fc.sample(generatedMaps, { numRuns: 200, seed: 17 });
    const laid = maps.map((map) => layoutMap(map));
    const drawn = (type: string, kind: string) =>
      laid.some((l) => l.connectors.some((c) => c.type === type && c.kind === kind));
    const nested = (map: ArgumentMap) => new Set(map.groups.flatMap((g) => (g.parent ? [g.parent] : [])));
    expect(laid.some((l, i) => l.groups.some((frame) => nested(maps[i]!).has(frame.id)))).toBe(true);
    expect(laid.some((l) => l.groups.length > 1)).toBe(true);
    expect(drawn('support', 'cross')).toBe(true);
    expect(drawn('contradiction', 'cross')).toBe(true);
    expect(drawn('undercut', 'tree')).toBe(true);
  });
});

describe('connectors, group frames and their titles', () => {
  it('no connector runs through a box other than its own ends, no routed one through a group title, no tree line through a title that had room', () => {
    fc.assert(
      fc.property(generatedMaps, directions, (map, direction) => {
        expect(violations(map, layoutMap(map, { direction }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each(['data/trenin-2010.argmap.json', 'data/example.argmap.json'])('hold on %s', (path) => {
    const map = mapOf(readText(path));
    for (const direction of ['down', 'right'] as const)
      expect(violations(map, layoutMap(map, { direction })), direction).toEqual([]);
  });
});

/** Rectangles overlapping by more than an edge. */
const overlapping = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width - TOUCHING &&
  a.x + a.width > b.x + TOUCHING &&
  a.y < b.y + b.height - TOUCHING &&
  a.y + a.height > b.y + TOUCHING;

/** Rectangles sharing a stretch of edge (not only a corner), so that the region they make hangs together. */
const sharingEdge = (a: Rect, b: Rect): boolean => {
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);
  const meetX = a.x + a.width === b.x || b.x + b.width === a.x;
  const meetY = a.y + a.height === b.y || b.y + b.height === a.y;
  return (
    (meetX && overlap(a.y, a.y + a.height, b.y, b.y + b.height) > 0) ||
    (meetY && overlap(a.x, a.x + a.width, b.x, b.x + b.width) > 0)
  );
};

/** How many pieces a set of rectangles falls into, joined where they share an edge. */
function regions(rects: readonly Rect[]): number {
  const root = rects.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  rects.forEach((a, i) =>
    rects.forEach((b, j) => {
      if (j > i && sharingEdge(a, b)) root[find(j)] = find(i);
    }),
  );
  return new Set(rects.map((_, i) => find(i))).size;
}

/** What is wrong with a frame's shape: slabs that overlap, a region in pieces, a box of another group inside. */
function shapeFaults(map: ArgumentMap, laid: LaidOutMap): string[] {
  const found: string[] = [];
  const groupOf = new Map(map.nodes.map((n) => [n.id, n.group]));
  const parentOf = new Map(map.groups.map((g) => [g.id, g.parent]));
  const within = (group: string | undefined, id: string): boolean => {
    for (let g = group, seen = 0; g !== undefined && seen < 50; g = parentOf.get(g), seen++)
      if (g === id) return true;
    return false;
  };
  for (const frame of laid.groups) {
    const { slabs } = frame;
    slabs.forEach((a, i) =>
      slabs.forEach((b, j) => {
        if (j > i && overlapping(a, b)) found.push(`${frame.key}: slabs ${i} and ${j} overlap`);
      }),
    );
    if (regions(slabs) !== 1) found.push(`${frame.key}: falls into ${regions(slabs)} pieces`);
    for (const node of laid.nodes)
      if (!within(groupOf.get(node.id), frame.id) && slabs.some((s) => overlapping(s, node)))
        found.push(`${frame.key}: takes in ${node.id}`);
  }
  return found;
}

/**
 * The parts a layout forces on each group, found without the frames: the group's boxes (those of groups nested
 * in it too) hang together through a parent and its child, or through neighbours in a row with no other box
 * between them. One frame can hold each such part and nothing else.
 */
function forcedParts(map: ArgumentMap, laid: LaidOutMap): Map<string, number> {
  const groupOf = new Map(map.nodes.map((n) => [n.id, n.group]));
  const parentOf = new Map(map.groups.map((g) => [g.id, g.parent]));
  const inGroup = (id: string, group: string) => {
    for (let g = groupOf.get(id), seen = 0; g !== undefined && seen < 50; g = parentOf.get(g), seen++)
      if (g === group) return true;
    return false;
  };
  const along = (n: LaidOutNode) => (laid.direction === 'down' ? n.x : n.y);
  const rows = new Map<number, LaidOutNode[]>();
  for (const n of laid.nodes) rows.set(n.depth, [...(rows.get(n.depth) ?? []), n]);
  for (const row of rows.values()) row.sort((a, b) => along(a) - along(b));
  const parts = new Map<string, number>();
  for (const group of map.groups) {
    const members = laid.nodes.filter((n) => inGroup(n.id, group.id)).map((n) => n.id);
    if (members.length === 0) continue;
    const root = new Map(members.map((id) => [id, id]));
    const find = (id: string): string => (root.get(id) === id ? id : find(root.get(id)!));
    const join = (a: string, b: string) => root.set(find(a), find(b));
    for (const n of laid.nodes)
      if (n.parent !== undefined && root.has(n.id) && root.has(n.parent)) join(n.id, n.parent);
    for (const row of rows.values())
      row.forEach((n, i) => {
        const next = row[i + 1];
        if (next && root.has(n.id) && root.has(next.id)) join(n.id, next.id);
      });
    parts.set(group.id, new Set(members.map(find)).size);
  }
  return parts;
}

describe('group titles', () => {
  it.each(['data/trenin-2010.argmap.json', 'data/example.argmap.json'])(
    'on %s keep clear of the frames of other groups, so that each reads as its own frame’s',
    (path) => {
      const laid = layoutMap(mapOf(readText(path)));
      const margin = gapGeometry.title.inset / 2;
      const nested = (a: GroupFrame, b: GroupFrame) =>
        a.nodes.some((id) => b.nodes.includes(id)) || b.nodes.some((id) => a.nodes.includes(id));
      const faults = laid.groups.flatMap((frame) => {
        if (!frame.title || frame.part > 1) return [];
        const area = titleArea(frame);
        const near = {
          x: area.x - margin,
          y: area.y - margin,
          width: area.width + 2 * margin,
          height: area.height + 2 * margin,
        };
        return laid.groups
          .filter((other) => other.id !== frame.id && !nested(frame, other))
          .filter((other) => other.slabs.some((slab) => overlaps(slab, near)))
          .map((other) => `${frame.key} over ${other.key}`);
      });
      expect(faults).toEqual([]);
    },
  );
});

describe('group frames', () => {
  it('are rectangles that never overlap, hang together and take in no box of another group', () => {
    fc.assert(
      fc.property(generatedMaps, directions, (map, direction) => {
        expect(shapeFaults(map, layoutMap(map, { direction }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each(['data/trenin-2010.argmap.json', 'data/example.argmap.json'])(
    'on %s: one frame per part the layout forces on a group, no more',
    (path) => {
      const map = mapOf(readText(path));
      for (const direction of ['down', 'right'] as const) {
        const laid = layoutMap(map, { direction });
        expect(shapeFaults(map, laid), direction).toEqual([]);
        const forced = forcedParts(map, laid);
        const splits = [...forced.values()].reduce((sum, parts) => sum + parts - 1, 0);
        const groups = forced.size;
        console.log(
          `${path} (${direction}): ${laid.groups.length} frames for ${groups} groups, ${splits} split(s) forced by the layout`,
        );
        expect(laid.groups.length).toBeLessThanOrEqual(groups + splits);
        for (const [id, parts] of forced)
          expect(
            laid.groups.filter((f) => f.id === id),
            id,
          ).toHaveLength(parts);
      }
    },
  );

  it('on generated maps: as many frames per group as the parts the layout forces', () => {
    fc.assert(
      fc.property(generatedMaps, directions, (map, direction) => {
        const laid = layoutMap(map, { direction });
        for (const [id, parts] of forcedParts(map, laid))
          expect(
            laid.groups.filter((f) => f.id === id),
            id,
          ).toHaveLength(parts);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
