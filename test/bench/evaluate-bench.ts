import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/core/evaluate/evaluate.ts';
import { sensitivity } from '../../src/core/evaluate/sensitivity.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { syntheticMap } from './synthetic.ts';

export interface EvaluationFigures {
  /** Median ms of a first evaluation of the 10,000-box synthetic map (its inference graph built), nothing assumed. */
  readonly evaluate10000Ms: number;
  /** The same map evaluated again with a premise rejected (its graph known): what a click in the Evaluate mode costs. */
  readonly evaluate10000ClickMs: number;
  /** Median ms of the Trenin map's critical-premises ranking (one evaluation per statement). */
  readonly treninSensitivityMs: number;
  readonly treninStatements: number;
}

function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/** The Evaluate mode's costs (docs/EVALUATION.md): a whole evaluation, and the sensitivity ranking. */
export function benchEvaluation(): EvaluationFigures {
  const large = syntheticMap(10000);
  const premise = large.relations.find((r) => r.type === 'support')?.from[0];
  const rejected = new Map(premise ? [[premise, 'rejected' as const]] : []);
  const trenin: ArgumentMap = parseArgmapJson(
    readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
  ).map!;
  // A few runs first, so that the timed ones measure compiled code.
  medianMs(5, () => evaluate({ ...large }, new Map()));
  return {
    // A copy is a map not seen before: its graph is built again, as for a map just opened.
    evaluate10000Ms: medianMs(21, () => evaluate({ ...large }, new Map())),
    evaluate10000ClickMs: medianMs(21, () => evaluate(large, rejected)),
    treninSensitivityMs: medianMs(21, () => sensitivity(trenin, new Map())),
    treninStatements: trenin.nodes.length,
  };
}
