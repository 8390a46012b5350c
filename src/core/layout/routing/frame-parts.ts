import type { RowIndex } from './group-frames.ts';

/** A run of a group's boxes in one row that no other box interrupts: indices of its first and last box. */
export interface Piece {
  readonly depth: number;
  readonly first: number;
  last: number;
}

/**
 * One frame's worth of a group: pieces joined through parents. `links` pair the index (in `pieces`) of a
 * parent's piece with that of its child's, one pair per parent–child pair of pieces.
 */
export interface Part {
  readonly pieces: readonly Piece[];
  readonly members: readonly number[];
  readonly links: readonly (readonly [number, number])[];
}

/**
 * The runs of a group's boxes (`list`, indices in pre-order) and which run each box is in. Two boxes of the
 * group share a run when each is the other's neighbour in their row.
 */
export function pieceRuns(
  list: readonly number[],
  rows: RowIndex,
): { pieces: Piece[]; pieceOf: Map<number, number> } {
  const pieces: Piece[] = [];
  const pieceOf = new Map<number, number>();
  const lastInRow = new Map<number, number>();
  for (const m of list) {
    const depth = rows.nodes[m]!.depth;
    const before = lastInRow.get(depth);
    let piece = before !== undefined && rows.next[before] === m ? pieceOf.get(before) : undefined;
    if (piece === undefined) {
      piece = pieces.length;
      pieces.push({ depth, first: m, last: m });
    } else pieces[piece]!.last = m;
    pieceOf.set(m, piece);
    lastInRow.set(depth, m);
  }
  return { pieces, pieceOf };
}

/**
 * The group's parts: runs joined where a box of one is the parent of a box of another, in the order of their
 * first boxes.
 */
export function partsOf(
  { pieces, pieceOf }: { pieces: Piece[]; pieceOf: Map<number, number> },
  list: readonly number[],
  rows: RowIndex,
): Part[] {
  const root = pieces.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const links = new Set<string>();
  const pairs: [number, number][] = [];
  for (const m of list) {
    const parent = rows.parent[m]!;
    const upper = parent >= 0 ? pieceOf.get(parent) : undefined;
    if (upper === undefined) continue;
    const lower = pieceOf.get(m)!;
    const key = `${upper} ${lower}`;
    if (links.has(key)) continue;
    links.add(key);
    pairs.push([upper, lower]);
    root[find(lower)] = find(upper);
  }
  const byRoot = new Map<number, { pieces: number[]; members: number[] }>();
  for (const m of list) {
    const piece = pieceOf.get(m)!;
    const r = find(piece);
    let part = byRoot.get(r);
    if (!part) byRoot.set(r, (part = { pieces: [], members: [] }));
    part.members.push(m);
    if (pieces[piece]!.first === m) part.pieces.push(piece);
  }
  return [...byRoot.values()].map((part) => {
    const local = new Map(part.pieces.map((p, i) => [p, i]));
    return {
      pieces: part.pieces.map((p) => pieces[p]!),
      members: part.members,
      links: pairs.filter(([u]) => local.has(u)).map(([u, l]) => [local.get(u)!, local.get(l)!] as const),
    };
  });
}
