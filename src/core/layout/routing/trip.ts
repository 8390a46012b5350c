import type { RowPlaces } from './row-places.ts';

/*
 * One route's search: where it starts and ends and how far its layers are computed (`Trip`), the cheapest
 * way found so far (`BestWay`), and what the search returns, the rows the route passes (`Pass`). Plain
 * routes, on maps too large to search, pass each row nearest the straight line (`Trip.plainPasses`).
 */

/** A route's passage through a row, upwards or downwards, at breadth `b`. */
export class Pass {
  constructor(
    readonly row: number,
    readonly up: boolean,
    readonly b: number,
  ) {}
}

/** A route being searched: its ends, its direction, and how many rising layers are computed so far. */
export class Trip {
  readonly up: boolean;
  /** Rows between the start and the end (at least 1): the straight line's slope is per row of this. */
  readonly span: number;
  layers = 1;

  constructor(
    readonly fromLevel: number,
    readonly fromB: number,
    readonly endB: number,
    readonly endGap: number,
  ) {
    this.up = endGap <= fromLevel;
    this.span = Math.max(1, Math.abs(fromLevel - endGap));
  }

  /** No choice to weigh: each row passed at the free place nearest the straight line. */
  plainPasses(rows: RowPlaces): Pass[] {
    const { fromLevel, fromB, endB, endGap, up, span } = this;
    const passes: Pass[] = [new Pass(fromLevel, up, fromB)];
    const last = up ? fromLevel - endGap : endGap - 1 - fromLevel;
    for (let i = 1; i <= last; i++) {
      const row = this.rowOf(i);
      passes.push(new Pass(row, up, rows.freeAt(row, fromB + ((endB - fromB) * i) / span)));
    }
    return passes;
  }

  /** The row of rising layer i. */
  rowOf(i: number): number {
    return this.up ? this.fromLevel - i : this.fromLevel + i;
  }
}

/**
 * The cheapest way to the end found so far: its cost, the place of the last rising layer it leaves from, and
 * where it turns down beside the end (`turnRow` -1: it goes straight in; `turnDown`: the place of the descent).
 */
export class BestWay {
  cost = Infinity;
  from = 0;
  turnRow = -1;
  turnDown = 0;
}
