import { buildForest, type TreeNode } from '../layout/forest.ts';
import { indexMap } from '../model/map-index.ts';
import type { ArgumentMap, NodeId } from '../model/types.ts';
import { drawnPart } from '../model/in-map.ts';

export interface PresentationStep {
  /** The box the step is about: the camera frames it with what it reveals. */
  readonly focus: NodeId;
  /** Every box visible at this step (earlier ones stay, dimmed). */
  readonly show: readonly NodeId[];
  readonly title?: string;
  readonly note?: string;
  /** Minutes the tour plans for this step (only a tour's steps have them). */
  readonly minutes?: number;
}

/**
 * The steps of a presentation: the map's own tour when it has one (steps naming unknown boxes are left out);
 * otherwise an automatic order that shows each box exactly once: a thesis first, then each reason and
 * objection with its own support, depth first, in file order (the drawn tree's order).
 */
export function presentationSteps(map: ArgumentMap): PresentationStep[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const tour = (map.tour ?? []).flatMap((step): PresentationStep[] => {
    const show = (step.show ?? []).filter((id) => ids.has(id));
    const focus = step.focus !== undefined && ids.has(step.focus) ? step.focus : show[show.length - 1];
    if (focus === undefined) return [];
    return [
      {
        focus,
        show: show.includes(focus) ? show : [...show, focus],
        ...(step.title !== undefined ? { title: step.title } : {}),
        ...(step.note !== undefined ? { note: step.note } : {}),
        ...(step.minutes !== undefined ? { minutes: step.minutes } : {}),
      },
    ];
  });
  if (tour.length > 0) return tour;

  // The default tour steps through the boxes drawn, in tree order.
  const index = indexMap(drawnPart(map));
  const steps: PresentationStep[] = [];
  const shown: NodeId[] = [];
  // Depth first, iteratively: a long chain must not overflow the stack.
  const stack: TreeNode[] = [...buildForest(index).roots].reverse();
  while (stack.length > 0) {
    const tree = stack.pop()!;
    shown.push(tree.id);
    const node = index.node(tree.id);
    steps.push({
      focus: tree.id,
      show: [...shown],
      ...(node?.title !== undefined ? { title: node.title } : {}),
      ...(node?.note !== undefined ? { note: node.note } : {}),
    });
    for (let i = tree.children.length - 1; i >= 0; i--) stack.push(tree.children[i]!);
  }
  return steps;
}
