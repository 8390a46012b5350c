import type { Data } from './inline.ts';

/**
 * The document the line reader (`read.ts`) makes of an Argdown text: every statement and argument named or
 * written, headings, relation-tree edges and premise–conclusion steps, in text order. Nothing is resolved yet;
 * `build.ts` turns it into a map.
 */

export interface Place {
  readonly line: number;
  readonly column: number;
}

export interface Entry {
  readonly kind: 'statement' | 'argument';
  readonly title: string | undefined;
  /** Texts given to it, in order (a statement may be defined more than once). */
  readonly texts: { text: string; place: Place }[];
  readonly tags: string[];
  data: Data | undefined;
  /** Index of the heading whose section it was first defined (or else first named) in. */
  heading: number | undefined;
  readonly place: Place;
  definedAt: Place | undefined;
  /** An argument drawn as a box: it has a text, tags or data, or a relation of its own. */
  usedAsNode: boolean;
  /** Premise–conclusion steps of an argument's reconstruction. */
  readonly steps: Step[];
}

/** An entry named at a place of the text. */
export interface Use {
  readonly entry: number;
  readonly place: Place;
}

export interface Step {
  readonly premises: readonly Use[];
  readonly conclusion: Use;
  readonly data: Data | undefined;
  readonly rule: string;
  readonly place: Place;
}

export type RelationRecord =
  | {
      readonly kind: 'tree';
      readonly type: 'support' | 'attack' | 'undercut' | 'contradiction';
      readonly from: Use;
      readonly to: Use;
      readonly place: Place;
      /** `{relation: {id, tags, note, …}}` in the data of the line's element: the relation's own. */
      readonly details?: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'inference'; readonly argument: number; readonly step: number; readonly place: Place }
  | {
      /** `_ [U]` indented under an inference line: U undercuts that step of the reconstruction. */
      readonly kind: 'inference-undercut';
      readonly from: Use;
      readonly argument: number;
      readonly step: number;
      readonly place: Place;
    };

export interface Heading {
  readonly title: string;
  readonly level: number;
  readonly data: Data | undefined;
  readonly place: Place;
}

export interface ArgdownDocument {
  readonly entries: readonly Entry[];
  readonly relations: readonly RelationRecord[];
  readonly headings: readonly Heading[];
}

/** Reports a problem at a place of the text: how the build stage (`build.ts`) reports. */
export type Report = (severity: 'error' | 'warning', place: Place, message: string) => void;
