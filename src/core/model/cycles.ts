import { parents } from './graph.ts';
import type { MapIndex } from './map-index.ts';
import type { NodeId } from './types.ts';

/**
 * Cycles of the premise → conclusion graph, as strongly connected components with more than one node or a
 * self-loop (Tarjan's algorithm, iterative so that 10,000-deep chains cannot overflow the stack).
 * Cycles are legal input; layout and roles break them deterministically, this only reports them.
 */
export function findCycles(index: MapIndex): NodeId[][] {
  const order = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const cycles: NodeId[][] = [];
  let counter = 0;

  for (const { id: start } of index.map.nodes) {
    if (order.has(start)) continue;
    const work: { id: NodeId; next: NodeId[]; at: number }[] = [];
    const enter = (id: NodeId): void => {
      order.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: parents(index, id), at: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.next.length) {
        const target = frame.next[frame.at++]!;
        if (!order.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(target)!));
        continue;
      }
      work.pop();
      const parentFrame = work[work.length - 1];
      if (parentFrame) low.set(parentFrame.id, Math.min(low.get(parentFrame.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: NodeId[] = [];
      let member: NodeId;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      if (component.length > 1 || frame.next.includes(frame.id)) cycles.push(component.reverse());
    }
  }
  return cycles;
}
