import type { LaidOutMap } from '../layout/types.ts';
import { indexMap } from '../model/map-index.ts';
import { rolesOf } from '../model/roles.ts';
import type { ArgumentMap, NodeId } from '../model/types.ts';
import { jsonPointer, type Problem } from '../problems.ts';
import {
  essentials,
  fitsRoom,
  layoutBoxes,
  stepScene,
  stepTree,
  type Room,
  type SceneInput,
} from './step-scene.ts';
import { presentationSteps, type PresentationStep } from './steps.ts';

/**
 * The room a step has on a projector, in map units. With the camera's margin and the caption's band, it is
 * drawn at least 16/14 of its size on a 1280×720 screen and 22/14 on a 1920×1080 one: body text of 14 px
 * at 16 px and 22 px on screen (docs/ARCHITECTURE.md, "Presenting").
 */
export const PROJECTOR_ROOM: Room = { width: 1080, height: 560 };

/** One screen of a presentation: a step, or a part of a step too large for one screen. */
export interface StepPage extends PresentationStep {
  /** The step's place in the tour (from 0). */
  readonly step: number;
  /** The page's place in its step (from 0), and the step's number of pages. */
  readonly page: number;
  readonly pages: number;
  /** How the room calls it: "5", or "5a", "5b" for a step shown in parts. */
  readonly label: string;
  /** The boxes this page is about: what it reveals, and the step's focus. */
  readonly current: readonly NodeId[];
  /** Every box the talk has shown by the end of this page: the step's, less what its later pages reveal. */
  readonly revealed: readonly NodeId[];
  /** The page as drawn: a compact map of its own that fits the room. */
  readonly scene: LaidOutMap;
}

/**
 * The room the steps have: one for all (a screen), or each step its own (a handout's page gives a step's
 * picture what its note and quotes leave), given the step and the one before it.
 */
export type StepRoom = Room | ((step: PresentationStep, before: PresentationStep | undefined) => Room);

/**
 * The pages of a presentation: each step laid out for the screen (`stepScene`); a step whose new boxes do not
 * fit the room even without context is split into pages in the tree's order, never shrunk.
 */
export function stepPages(
  map: ArgumentMap,
  steps: readonly PresentationStep[] = presentationSteps(map),
  room: StepRoom = PROJECTOR_ROOM,
): StepPage[] {
  return stepParts(map, steps, room).flatMap(({ base, step, parts }, i) =>
    parts.map((part, page): StepPage => {
      // What later pages of the step reveal is not shown yet, not even folded.
      const later = new Set(parts.slice(page + 1).flat());
      const revealed = step.show.filter((id) => !later.has(id));
      return {
        ...step,
        step: i,
        page,
        pages: parts.length,
        label: parts.length > 1 ? `${i + 1}${pageLetter(page)}` : `${i + 1}`,
        current: part,
        revealed,
        scene: stepScene({ ...base, revealed: new Set(revealed), current: part }),
      };
    }),
  );
}

interface StepParts {
  readonly base: Omit<SceneInput, 'revealed' | 'current'>;
  readonly step: PresentationStep;
  /** The boxes each page of the step is about. */
  readonly parts: readonly NodeId[][];
}

/** How each step is split into pages, without laying the pages out. */
function stepParts(map: ArgumentMap, steps: readonly PresentationStep[], room: StepRoom): StepParts[] {
  const index = indexMap(map);
  const tree = stepTree(index);
  const roles = rolesOf(index);
  return steps.map((step, i) => {
    const base = { index, tree, roles, room: typeof room === 'function' ? room(step, steps[i - 1]) : room };
    const current = about(step, steps[i - 1]).sort((a, b) => tree.order(a) - tree.order(b));
    return { base, step, parts: pageParts({ ...base, revealed: new Set(step.show), current }, current) };
  });
}

/** The boxes a step is about: the ones it reveals (not shown by the step before), and its focus. */
export function about(step: PresentationStep, before: PresentationStep | undefined): NodeId[] {
  const earlier = new Set(before?.show ?? []);
  return step.show.filter((id) => !earlier.has(id) || id === step.focus);
}

/** The step's boxes in parts that each fit the room with the boxes they hang under; one part when all fit. */
function pageParts(input: SceneInput, current: readonly NodeId[]): NodeId[][] {
  const fits = (part: readonly NodeId[]) =>
    fitsRoom(layoutBoxes(input, essentials(input.index, input.tree, part)), input.room);
  if (current.length <= 1 || fits(current)) return [[...current]];
  const parts: NodeId[][] = [];
  let part: NodeId[] = [];
  for (const id of current) {
    if (part.length > 0 && !fits([...part, id])) {
      parts.push(part);
      part = [];
    }
    part.push(id);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** a, b, …, z, then aa, ab, …: a step would need more than 26 pages only on a screen far too small. */
function pageLetter(page: number): string {
  const letter = String.fromCharCode(97 + (page % 26));
  return page < 26 ? letter : pageLetter(Math.floor(page / 26) - 1) + letter;
}

/**
 * The page an address names: "5b" that page, "5" the first page of step 5; -1 when there is none (the step
 * is past the end, or the step has no such page).
 */
export function pageNamed(pages: readonly StepPage[], label: string): number {
  const exact = pages.findIndex((page) => page.label === label);
  if (exact >= 0) return exact;
  const step = /^\d+$/.test(label) ? Number(label) - 1 : -1;
  return pages.findIndex((page) => page.step === step && page.page === 0);
}

/**
 * A warning for each tour step too large for one projector screen (docs/ARCHITECTURE.md, "Presenting"): it
 * is shown in parts (5a, 5b, …), and the author may rather split it. Lays out the boxes each step is about.
 */
export function pagedStepWarnings(map: ArgumentMap): Problem[] {
  const tour = map.tour ?? [];
  // Where each presented step stands in the tour: steps naming no known box are left out.
  const positions = tour.flatMap((step, i) =>
    presentationSteps({ ...map, tour: [step] }).length > 0 ? [i] : [],
  );
  return stepParts(map, presentationSteps(map), PROJECTOR_ROOM).flatMap(({ step, parts }, i): Problem[] => {
    const at = positions[i];
    if (parts.length === 1 || at === undefined) return [];
    const page = (n: number) => `${i + 1}${pageLetter(n)}`;
    const name = step.title !== undefined ? ` ("${step.title}")` : '';
    return [
      {
        severity: 'warning',
        code: 'step-paged',
        pointer: jsonPointer(['tour', at]),
        message:
          `tour step ${i + 1}${name} does not fit one projector screen: ` +
          `it is shown in ${parts.length} parts, ${page(0)} to ${page(parts.length - 1)}`,
      },
    ];
  });
}
