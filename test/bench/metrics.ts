/** Drawing quality figures computed the same way for every engine: straight centre-to-centre edges. */

export interface Placed {
  readonly centres: ReadonlyMap<string, { x: number; y: number }>;
  readonly width: number;
  readonly height: number;
}

export type Edge = readonly [from: string, to: string];

/** Number of pairs of edges whose straight segments cross (edges sharing an end do not count). */
export function crossings(placed: Placed, edges: readonly Edge[]): number {
  const segments = edges.flatMap(([a, b]) => {
    const p = placed.centres.get(a);
    const q = placed.centres.get(b);
    return p && q ? [{ a, b, x1: p.x, y1: p.y, x2: q.x, y2: q.y }] : [];
  });
  // Sweep along x: only segments whose x-ranges overlap can cross.
  const sorted = segments
    .map((s) => ({ ...s, lo: Math.min(s.x1, s.x2), hi: Math.max(s.x1, s.x2) }))
    .sort((s, t) => s.lo - t.lo);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.lo <= s.hi; j++) {
      const t = sorted[j]!;
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      if (intersects(s, t)) count++;
    }
  }
  return count;
}

type Segment = { x1: number; y1: number; x2: number; y2: number };

function intersects(s: Segment, t: Segment): boolean {
  const d1 = cross(t, s.x1, s.y1);
  const d2 = cross(t, s.x2, s.y2);
  const d3 = cross(s, t.x1, t.y1);
  const d4 = cross(s, t.x2, t.y2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function cross(s: Segment, x: number, y: number): number {
  return (s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1);
}
