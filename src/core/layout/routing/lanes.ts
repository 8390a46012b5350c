/**
 * A route's run along a gap, from breadth `a` to breadth `b`. At each end the route turns off the run
 * upwards (towards the row above) or downwards (to the row below, or a point deeper in the gap).
 */
export interface LaneRun {
  readonly a: number;
  readonly b: number;
  readonly aDown: boolean;
  readonly bDown: boolean;
}

/** Refinement passes over the order of runs: each re-inserts every run where it crosses fewest. */
const PASSES = 2;

/**
 * More runs than this along one gap get plain tracks (`plainTracks`): ordering them against crossings takes
 * time and memory quadratic in the runs, which a map of tens of thousands of cross-links would not survive.
 */
export const maxOrderedRuns = 256;

/**
 * Tracks for the runs along one gap, track 0 nearest the top of the gap (channel routing). Runs cross where
 * one turns off across another: a run turning down at breadth x crosses every run below it whose span holds x,
 * and one turning up crosses those above it. So the order of runs from top to bottom decides crossings among
 * them (the lines going straight through the gap are crossed whatever the order). The order is chosen by
 * inserting each run where it crosses fewest (runs turning up first), refined by re-inserting each run while
 * that helps; then each run takes the first track below every earlier run its span meets, so runs side by side
 * share a track and overlapping runs never run on top of each other. Quadratic in the runs of one gap, which
 * are a few dozen on most maps and stay in the low hundreds on the largest maps searched; beyond
 * `maxOrderedRuns` the runs get plain tracks.
 */
export function assignTracks(runs: readonly LaneRun[]): { track: Int32Array; tracks: number } {
  const n = runs.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = Math.min(runs[i]!.a, runs[i]!.b);
    hi[i] = Math.max(runs[i]!.a, runs[i]!.b);
  }
  if (n > maxOrderedRuns) return plainTracks(lo, hi);
  // meets[r * n + s]: spans meet (end to end counts); above[r * n + s]: crossings when r runs above s.
  const meets = new Uint8Array(n * n);
  const above = new Int8Array(n * n);
  const inside = (x: number, s: number) => x > lo[s]! && x < hi[s]!;
  for (let r = 0; r < n; r++) {
    const R = runs[r]!;
    for (let s = 0; s < n; s++) {
      if (s === r || lo[r]! > hi[s]! || lo[s]! > hi[r]!) continue;
      const S = runs[s]!;
      meets[r * n + s] = 1;
      above[r * n + s] =
        (R.aDown && inside(R.a, s) ? 1 : 0) +
        (R.bDown && inside(R.b, s) ? 1 : 0) +
        (!S.aDown && inside(S.a, r) ? 1 : 0) +
        (!S.bDown && inside(S.b, r) ? 1 : 0);
    }
  }

  // The cheapest position for run r among the others in `order` (r not in it); its cost goes in `bestCost`,
  // and the cost at position `current` (where r was) in `currentCost`, so that a run moves only if that helps.
  let bestCost = 0;
  let currentCost = 0;
  const bestPlace = (order: readonly number[], r: number, current: number): number => {
    let cost = 0;
    for (const s of order) cost += above[r * n + s]!;
    let best = 0;
    bestCost = cost;
    currentCost = cost;
    for (let p = 0; p < order.length; p++) {
      const s = order[p]!;
      cost += above[s * n + r]! - above[r * n + s]!;
      if (p + 1 === current) currentCost = cost;
      if (cost < bestCost) {
        best = p + 1;
        bestCost = cost;
      }
    }
    return best;
  };
  const downs = (r: number) => (runs[r]!.aDown ? 1 : 0) + (runs[r]!.bDown ? 1 : 0);
  const byTurns = Array.from({ length: n }, (_, i) => i).sort((r, s) => downs(r) - downs(s) || r - s);
  const order: number[] = [];
  for (const r of byTurns) order.splice(bestPlace(order, r, 0), 0, r);
  for (let pass = 0, moved = true; moved && pass < PASSES; pass++) {
    moved = false;
    for (const r of byTurns) {
      const at = order.indexOf(r);
      order.splice(at, 1);
      const best = bestPlace(order, r, at);
      if (bestCost < currentCost) {
        order.splice(best, 0, r);
        moved = true;
      } else order.splice(at, 0, r);
    }
  }

  const track = new Int32Array(n);
  let tracks = 0;
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    let t = 0;
    // Runs that meet (even end to end) take different tracks, or they would read as one line.
    for (let j = 0; j < i; j++) {
      const s = order[j]!;
      if (meets[r * n + s]) t = Math.max(t, track[s]! + 1);
    }
    track[r] = t;
    tracks = Math.max(tracks, t + 1);
  }
  return { track, tracks };
}

/**
 * Tracks for many runs in n log n: runs taken from left to right, each on the track that came free first
 * (a min-heap of track ends), a new track when none is free. Runs that meet still never share a track;
 * crossings are not weighed.
 */
export function plainTracks(lo: Float64Array, hi: Float64Array): { track: Int32Array; tracks: number } {
  const n = lo.length;
  const byStart = Array.from({ length: n }, (_, i) => i).sort((r, s) => lo[r]! - lo[s]! || r - s);
  const track = new Int32Array(n);
  // heap of tracks by the end of their last run
  const heap: number[] = [];
  const ends: number[] = [];
  const less = (a: number, b: number) => ends[heap[a]!]! < ends[heap[b]!]!;
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const smallest = l + 1 < heap.length && less(l + 1, l) ? l + 1 : l;
      if (smallest >= heap.length || !less(smallest, at)) return;
      swap(smallest, at);
      at = smallest;
    }
  };
  for (const r of byStart) {
    let t: number;
    // Runs that meet, even end to end, take different tracks.
    if (heap.length > 0 && ends[heap[0]!]! < lo[r]!) {
      t = heap[0]!;
      ends[t] = hi[r]!;
      down(0);
    } else {
      t = ends.length;
      ends.push(hi[r]!);
      heap.push(t);
      for (let at = heap.length - 1; at > 0 && less(at, (at - 1) >> 1); at = (at - 1) >> 1)
        swap(at, (at - 1) >> 1);
    }
    track[r] = t;
  }
  return { track, tracks: ends.length };
}
