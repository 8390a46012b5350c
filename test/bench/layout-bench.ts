import dagre from '@dagrejs/dagre';
import { instance as vizInstance } from '@viz-js/viz';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { conclusionOf, indexMap } from '../../src/core/model/map-index.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import {
  crossings,
  drawnCrossings,
  flattenCubic,
  linePolylines,
  type DrawnEdge,
  type Edge,
  type Placed,
} from './metrics.ts';
import { cachedFigures, installedVersion, peerKey, storeFigures } from './peer-cache.ts';
import { syntheticMap } from './synthetic.ts';

export interface EngineResult {
  readonly medianMs: number;
  readonly runs: number;
  /** Crossings of straight centre-to-centre lines: placement alone, the same measure for every engine. */
  readonly crossings: number;
  /** Crossings of the lines each engine draws (its routing included): what a reader sees. */
  readonly drawnCrossings: number;
  readonly area: number;
  /** Set when the figures were not measured in this run but taken from the cache: when they were. */
  readonly cachedOn?: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Median wall time of `runs` runs (awaited one after another) and the last result. */
async function time<T>(runs: number, work: () => Promise<T> | T): Promise<{ medianMs: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), result };
}

/** Premise → conclusion pairs of every relation (contradictions excluded), the graph every engine draws. */
export function edgesOf(map: ArgumentMap): Edge[] {
  const index = indexMap(map);
  return map.relations.flatMap((relation) => {
    if (relation.type === 'contradiction') return [];
    const target = conclusionOf(index, relation);
    return target === undefined ? [] : relation.from.map((premise) => [premise, target] as const);
  });
}

/** What a peer is given: the boxes' sizes (as our text measure makes them) and the edges between them. */
interface PeerInput {
  readonly sizes: ReadonlyMap<string, { width: number; height: number }>;
  readonly edges: readonly Edge[];
}

/**
 * How the peers are run on one map: timed (`runs` > 0, their figures then stored), or not timed and their
 * figures taken from the last run that timed them on the same input (`cached`), or left out.
 */
export interface PeerRuns {
  readonly runs: number;
  readonly cached: boolean;
}

export async function benchLayout(size: number, runs: { ours: number; peers: PeerRuns }) {
  const map = syntheticMap(size);
  const edges = edgesOf(map);
  // Warm-up as many runs as are measured: the JIT settles after a few layouts, and steady state is what the
  // app sees when it lays a map out again (collapsing, expanding; its boxes known). A first layout is timed
  // apart. Peers take a second or more per run, where warming up is lost in the noise.
  for (let i = 0; i < runs.ours; i++) layoutMap(map);
  const ours = await time(runs.ours, () => layoutMap(map));
  const first = await firstLayouts(map);
  const laid = ours.result;
  const sizes = new Map(laid.nodes.map((n) => [n.id, { width: n.width, height: n.height }]));
  const ourPlaced: Placed = {
    centres: new Map(laid.nodes.map((n) => [n.id, { x: n.x + n.width / 2, y: n.y + n.height / 2 }])),
    width: laid.bounds.width,
    height: laid.bounds.height,
  };
  const input: PeerInput = { sizes, edges };
  return {
    size,
    edges: edges.length,
    firstMs: first,
    ours: engineResult(ours.medianMs, ourPlaced, edges, ourDrawnEdges(laid), runs.ours),
    dagre: await peer('dagre', installedVersion('@dagrejs/dagre'), input, runs.peers, runDagre),
    graphviz: await peer('graphviz', installedVersion('@viz-js/viz'), input, runs.peers, runGraphviz),
  };
}

/**
 * Median of three first layouts: each of a copy of the map whose nodes no layout has seen, so that every box
 * is measured and wrapped (laying a map out again reuses the boxes of unchanged nodes, `box-memo.ts`).
 */
async function firstLayouts(map: ArgumentMap): Promise<number> {
  const copies = [0, 1, 2].map(() => structuredClone(map));
  let next = 0;
  return (await time(copies.length, () => layoutMap(copies[next++]!))).medianMs;
}

function engineResult(
  medianMs: number,
  placed: Placed,
  edges: readonly Edge[],
  drawn: DrawnEdge[],
  runs: number,
): EngineResult {
  return {
    medianMs,
    runs,
    crossings: crossings(placed, edges),
    drawnCrossings: drawnCrossings(drawn),
    area: placed.width * placed.height,
  };
}

/** A peer's figures: timed now and stored, or the stored ones of the same peer version and input. */
async function peer(
  name: string,
  version: string,
  input: PeerInput,
  runs: PeerRuns,
  run: (input: PeerInput, runs: number) => Promise<EngineResult>,
): Promise<EngineResult | undefined> {
  const key = peerKey(name, version, JSON.stringify({ sizes: [...input.sizes], edges: input.edges }));
  if (runs.runs > 0) {
    const figures = await run(input, runs.runs);
    storeFigures(key, figures);
    return figures;
  }
  if (!runs.cached) return undefined;
  const stored = cachedFigures<EngineResult>(key);
  return stored ? { ...stored.figures, cachedOn: stored.date } : undefined;
}

async function runDagre({ sizes, edges }: PeerInput, runs: number): Promise<EngineResult> {
  const dagreRun = await time(runs, () => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 64 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const [id, box] of sizes) g.setNode(id, { ...box });
    for (const [premise, target] of edges) g.setEdge(target, premise);
    dagre.layout(g);
    return g;
  });
  const g = dagreRun.result;
  const dagreDrawn = edges.map(([premise, target]) => ({
    from: premise,
    to: target,
    points: g.edge(target, premise).points ?? [],
  }));
  const dagrePlaced: Placed = {
    centres: new Map([...sizes.keys()].map((id) => [id, { x: g.node(id).x, y: g.node(id).y }])),
    width: g.graph().width ?? 0,
    height: g.graph().height ?? 0,
  };
  return engineResult(dagreRun.medianMs, dagrePlaced, edges, dagreDrawn, runs);
}

async function runGraphviz({ sizes, edges }: PeerInput, runs: number): Promise<EngineResult> {
  const viz = await vizInstance();
  const dot =
    'digraph G { graph [rankdir=TB nodesep=0.39 ranksep=0.89]; node [shape=box fixedsize=true label=""];\n' +
    [...sizes]
      .map(([id, b]) => `"${id}" [width=${(b.width / 72).toFixed(3)} height=${(b.height / 72).toFixed(3)}];`)
      .join('\n') +
    '\n' +
    edges.map(([premise, target]) => `"${target}" -> "${premise}";`).join('\n') +
    '\n}';
  const vizRun = await time(
    runs,
    () =>
      viz.renderJSON(dot) as {
        bb: string;
        objects?: { name: string; pos?: string }[];
        edges?: { tail: number; head: number; pos?: string }[];
      },
  );
  const [, , bw, bh] = vizRun.result.bb.split(',').map(Number);
  const vizPlaced: Placed = {
    centres: new Map(
      (vizRun.result.objects ?? []).flatMap((o) => {
        if (!o.pos) return [];
        const [x, y] = o.pos.split(',').map(Number);
        return [[o.name, { x: (x! * 96) / 72, y: (y! * 96) / 72 }]];
      }),
    ),
    width: (bw! * 96) / 72,
    height: (bh! * 96) / 72,
  };
  const names = (vizRun.result.objects ?? []).map((o) => o.name);
  const vizDrawn = (vizRun.result.edges ?? []).map((e) => ({
    from: names[e.head]!,
    to: names[e.tail]!,
    points: splinePoints(e.pos ?? ''),
  }));
  return engineResult(vizRun.medianMs, vizPlaced, edges, vizDrawn, runs);
}

/**
 * Our connectors as premise → conclusion polylines: a tree connector is one stub per premise up to its bar and
 * the line on to the conclusion (the line's last piece); a cross-link is its route.
 */
export function ourDrawnEdges(laid: ReturnType<typeof layoutMap>): DrawnEdge[] {
  return laid.connectors.flatMap((c) => {
    if (c.type === 'contradiction') return [];
    const lines = linePolylines(c.line);
    if (c.kind === 'cross') return [{ from: c.premises[0]!, to: c.target, points: lines.flat() }];
    const line = lines[lines.length - 1]!;
    return c.premises.map((premise, i) => ({ from: premise, to: c.target, points: [...lines[i]!, ...line] }));
  });
}

/** Graphviz's edge spline ("e,x,y x0,y0 x1,y1 …": a B-spline as cubic pieces, in points) in px. */
function splinePoints(pos: string): { x: number; y: number }[] {
  const controls = pos
    .split(' ')
    .filter((part) => !part.startsWith('e,') && !part.startsWith('s,'))
    .map((part) => {
      const [x, y] = part.split(',').map(Number);
      return { x: (x! * 96) / 72, y: (y! * 96) / 72 };
    });
  if (controls.length === 0) return [];
  const points = [controls[0]!];
  for (let i = 1; i + 2 < controls.length; i += 3)
    flattenCubic(points[points.length - 1]!, controls[i]!, controls[i + 1]!, controls[i + 2]!, points);
  return points;
}
