import type { TourStep } from '../../model/types.ts';
import { defineEntries, without } from '../own-keys.ts';

/**
 * The tour in Argdown's front matter, written for people: each step says what it adds to the boxes shown
 * before it (`add: [ids]`) and, where it takes some away, `hide: [ids]`, rather than every box shown so far.
 * A step whose list is not the earlier one with some taken away and some added at the end keeps its full
 * `show` list. argmap JSON (and the front matter of older Argdown) says `show` on every step; the reader takes
 * both forms, step by step.
 */

type StepFields = Record<string, unknown>;

/** The tour's steps as front matter mappings, in the form with `add` and `hide`. */
export function compactTour(tour: readonly TourStep[]): StepFields[] {
  let shown: readonly string[] = [];
  return tour.map((step) => {
    const { extra, show, focus, title, note, minutes } = step;
    const fields: StepFields = {};
    if (title !== undefined) fields.title = title;
    if (focus !== undefined) fields.focus = focus;
    if (show !== undefined) {
      const change = changeFrom(shown, show);
      if (change) {
        fields.add = change.add;
        if (change.hide.length > 0) fields.hide = change.hide;
      } else fields.show = [...show];
      shown = show;
    }
    if (minutes !== undefined) fields.minutes = minutes;
    if (note !== undefined) fields.note = note;
    return defineEntries(fields, extra);
  });
}

/** What a step adds and hides, when its list is the earlier one less `hide`, then `add`; else undefined. */
function changeFrom(
  shown: readonly string[],
  show: readonly string[],
): { add: string[]; hide: string[] } | undefined {
  const now = new Set(show);
  if (now.size !== show.length) return undefined;
  const before = new Set(shown);
  const hide = shown.filter((id) => !now.has(id));
  const add = show.filter((id) => !before.has(id));
  const kept = shown.filter((id) => now.has(id));
  const rebuilt = [...kept, ...add];
  return rebuilt.every((id, i) => id === show[i]) ? { add, hide } : undefined;
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

/**
 * The front matter's tour with every step's `show` list spelt out: a step with `add` or `hide` (and no
 * `show`) shows what the step before showed, less `hide`, then `add`. Steps of the older form pass as they
 * are. `problems` gets a message for each `add` or `hide` that is not a list of ids (left as it is, so the
 * step is checked and kept like any other).
 */
export function expandTour(tour: unknown, problems: string[]): unknown {
  if (!Array.isArray(tour)) return tour;
  let shown: readonly string[] = [];
  return tour.map((step: unknown, index) => {
    if (typeof step !== 'object' || step === null || Array.isArray(step)) return step;
    const fields = step as StepFields;
    if (Object.hasOwn(fields, 'show')) {
      if (isIdList(fields.show)) shown = fields.show;
      return step;
    }
    const add = Object.hasOwn(fields, 'add') ? fields.add : [];
    const hide = Object.hasOwn(fields, 'hide') ? fields.hide : [];
    if (!Object.hasOwn(fields, 'add') && !Object.hasOwn(fields, 'hide')) return step;
    for (const [key, value] of [
      ['add', add],
      ['hide', hide],
    ] as const) {
      if (!isIdList(value)) problems.push(`tour step ${index + 1}: "${key}" should be a list of box ids`);
    }
    if (!isIdList(add) || !isIdList(hide)) return step;
    const hidden = new Set(hide);
    const kept = shown.filter((id) => !hidden.has(id));
    const keptSet = new Set(kept);
    shown = [...kept, ...add.filter((id) => !keptSet.has(id))];
    return defineEntries({ show: shown }, without(fields, ['add', 'hide']));
  });
}
