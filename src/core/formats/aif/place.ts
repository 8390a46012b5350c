import type { Problem } from '../../problems.ts';
import type { AifPlaces } from './parse.ts';
import { extensionKey } from './types.ts';

/**
 * Moves a problem about the map read from an AIF file (a pointer into the map, as `validateMap` gives it:
 * `/nodes/3/text`, `/relations/2/to`, `/groups/0/title`) to where that element is in the file: its AIF node
 * (`/AIF/nodes/7`, with `/text` kept for texts) or the `argmap` extension. `locatePointers` then gives it a
 * line:column. A pointer that names nothing read from the file is left as it is.
 */
export function placeAifProblem(problem: Problem, places: AifPlaces): Problem {
  const pointer = problem.pointer;
  if (pointer === undefined) return problem;
  const element = /^\/(nodes|relations)\/(\d+)(\/.*)?$/.exec(pointer);
  if (element) {
    const list = element[1] === 'nodes' ? places.nodes : places.relations;
    const at = list[Number(element[2])];
    if (at === undefined) return problem;
    return { ...problem, pointer: at + (element[1] === 'nodes' && element[3] === '/text' ? '/text' : '') };
  }
  if (/^\/(title|source|groups|tour)(\/|$)/.test(pointer)) {
    // Without the extension, a source can only come from OVA3's analysed text.
    return { ...problem, pointer: places.extension ? `/${extensionKey}${pointer}` : '/text' };
  }
  return problem;
}
