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
  const shown: Shown = { list: [], set: new Set() };
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
    }
    if (minutes !== undefined) fields.minutes = minutes;
    if (note !== undefined) fields.note = note;
    return defineEntries(fields, extra);
  });
}

/** The boxes the steps so far show, as a list and as a set. */
interface Shown {
  list: readonly string[];
  set: Set<string>;
}

/**
 * What a step adds and hides, when its list is the earlier one less `hide`, then `add`; else undefined.
 * `shown` becomes the step's list.
 */
function changeFrom(shown: Shown, show: readonly string[]): { add: string[]; hide: string[] } | undefined {
  // Most tours only add: the list before starts this one, and only the added ids need a look.
  if (show.length >= shown.list.length && shown.list.every((id, i) => id === show[i])) {
    const add = show.slice(shown.list.length);
    const fresh = add.every((id) => !shown.set.has(id) && (shown.set.add(id), true));
    shown.list = show;
    if (fresh) return { add, hide: [] };
    shown.set = new Set(show);
    return undefined;
  }
  const now = new Set(show);
  const hide = shown.list.filter((id) => !now.has(id));
  const add = show.filter((id) => !shown.set.has(id));
  const kept = shown.list.filter((id) => now.has(id));
  const rebuilt = [...kept, ...add];
  shown.list = show;
  shown.set = now;
  const same = now.size === show.length && rebuilt.every((id, i) => id === show[i]);
  return same ? { add, hide } : undefined;
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
  // The set is made only when a step of the new form needs it: older tours never do.
  let shown: { list: readonly string[]; set: Set<string> | undefined } = { list: [], set: undefined };
  return tour.map((step: unknown, index) => {
    if (typeof step !== 'object' || step === null || Array.isArray(step)) return step;
    const fields = step as StepFields;
    if (Object.hasOwn(fields, 'show')) {
      if (isIdList(fields.show)) shown = { list: fields.show, set: undefined };
      return step;
    }
    if (!Object.hasOwn(fields, 'add') && !Object.hasOwn(fields, 'hide')) return step;
    const add = Object.hasOwn(fields, 'add') ? fields.add : [];
    const hide = Object.hasOwn(fields, 'hide') ? fields.hide : [];
    for (const [key, value] of [
      ['add', add],
      ['hide', hide],
    ] as const) {
      if (!isIdList(value)) problems.push(`tour step ${index + 1}: "${key}" should be a list of box ids`);
    }
    if (!isIdList(add) || !isIdList(hide)) return step;
    let list = shown.list;
    if (hide.length > 0) {
      const hidden = new Set(hide);
      list = list.filter((id) => !hidden.has(id));
    }
    const set = hide.length > 0 || !shown.set ? new Set(list) : shown.set;
    const added = add.filter((id) => !set.has(id) && (set.add(id), true));
    shown = { list: [...list, ...added], set };
    return defineEntries({ show: shown.list }, without(fields, ['add', 'hide']));
  });
}
