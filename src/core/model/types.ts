/**
 * The argument model. Everything is read-only data; kinds are discriminated by `type`.
 * Unknown keys found in a file are kept in `extra` so that a round trip never drops them.
 */

export type NodeId = string;
export type RelationId = string;
export type GroupId = string;

/** Keys a newer version of the format (or another tool) wrote and this version does not know. */
export type Extra = Readonly<Record<string, unknown>>;

interface NodeBase {
  readonly id: NodeId;
  readonly text: string;
  readonly title?: string;
  readonly group?: GroupId;
  readonly tags?: readonly string[];
  /** A verbatim passage of the map's source text that this box stands for. */
  readonly quote?: string;
  /** Speaker note for presentations. */
  readonly note?: string;
  /**
   * A premise the reconstruction adds because the text leaves it unstated: it has no quote, and is drawn
   * dashed with the word "implicit".
   */
  readonly implicit?: boolean;
  /** Who asserts it; absent means the source's author (an interview's questions are the interviewer's). */
  readonly speaker?: string;
  readonly extra?: Extra;
}

/** A claim in one box. */
export interface StatementNode extends NodeBase {
  readonly type: 'statement';
}

/** A named argument (Argdown's `<Title>`), with a gist and optionally a premise–conclusion reconstruction. */
export interface ArgumentNode extends NodeBase {
  readonly type: 'argument';
  readonly premises?: readonly NodeId[];
  readonly conclusion?: NodeId;
}

export type MapNode = StatementNode | ArgumentNode;
export type NodeType = MapNode['type'];

/** Every relation kind, in the order the formats list them (the JSON schema, Argdown's inference types). */
export const relationTypes = [
  'support',
  'attack',
  'undercut',
  'contradiction',
  'entails',
  'contrary',
] as const;

export type RelationType = (typeof relationTypes)[number];

interface RelationBase {
  readonly id: RelationId;
  /** One premise, or several linked co-premises that only jointly support/attack. Never empty. */
  readonly from: readonly NodeId[];
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly extra?: Extra;
}

export interface SupportRelation extends RelationBase {
  readonly type: 'support';
  readonly to: NodeId;
}
export interface AttackRelation extends RelationBase {
  readonly type: 'attack';
  readonly to: NodeId;
}
/** An attack on an inference: `to` is the id of the relation attacked, not of a node. */
export interface UndercutRelation extends RelationBase {
  readonly type: 'undercut';
  readonly to: RelationId;
}
/** Symmetric: the two claims cannot both hold. */
export interface ContradictionRelation extends RelationBase {
  readonly type: 'contradiction';
  readonly to: NodeId;
}
/**
 * Argdown's strict mode (`model: {mode: strict}`) between statements: if the premise holds, so does the
 * target (a logical, not a defeasible, support). Drawn, laid out and evaluated as a support.
 */
export interface EntailsRelation extends RelationBase {
  readonly type: 'entails';
  readonly to: NodeId;
}
/**
 * Argdown's strict mode between statements: the two cannot both hold, though both may fail (a contradiction
 * says exactly one holds). Drawn in the tree from premise to target like an attack; evaluated as a mutual
 * attack (docs/EVALUATION.md).
 */
export interface ContraryRelation extends RelationBase {
  readonly type: 'contrary';
  readonly to: NodeId;
}

export type Relation =
  | SupportRelation
  | AttackRelation
  | UndercutRelation
  | ContradictionRelation
  | EntailsRelation
  | ContraryRelation;

/** Relation kinds that only Argdown's strict mode writes (between statements). */
export const strictRelationTypes: readonly RelationType[] = ['entails', 'contrary'];

/** Support and entails: the premise speaks for the target (a reason). */
export const isSupportKind = (type: RelationType): type is 'support' | 'entails' =>
  type === 'support' || type === 'entails';

/** Attack and contrary: the premise speaks against the target (an objection). */
export const isAttackKind = (type: RelationType): type is 'attack' | 'contrary' =>
  type === 'attack' || type === 'contrary';

export interface Group {
  readonly id: GroupId;
  readonly title: string;
  /** Enclosing group (Argdown headings nest). */
  readonly parent?: GroupId;
  readonly note?: string;
  readonly extra?: Extra;
}

export interface Source {
  readonly title?: string;
  readonly author?: string;
  readonly publisher?: string;
  /** ISO date, e.g. 2010-11-23. */
  readonly date?: string;
  readonly url?: string;
  readonly attribution?: string;
  /** The interviewer, when the source is an interview: the question paragraphs of its text are theirs. */
  readonly interviewer?: string;
  /** Path of the source text, relative to the map file. */
  readonly textFile?: string;
  /** The source text inline, instead of `textFile`. */
  readonly text?: string;
  readonly extra?: Extra;
}

/** One step of a guided walk through the map (presentation mode). */
export interface TourStep {
  readonly focus?: NodeId;
  /** Every node visible at this step. */
  readonly show?: readonly NodeId[];
  readonly title?: string;
  readonly note?: string;
  /** How long the speaker plans to spend on this step, in minutes (> 0); see presentation/plan.ts. */
  readonly minutes?: number;
  readonly extra?: Extra;
}

export interface ArgumentMap {
  readonly title?: string;
  readonly source?: Source;
  readonly groups: readonly Group[];
  readonly nodes: readonly MapNode[];
  readonly relations: readonly Relation[];
  readonly tour?: readonly TourStep[];
  /** Unknown top-level keys (and `$schema`), kept for round trips. */
  readonly extra?: Extra;
}

export type Role = 'thesis' | 'reason' | 'objection' | 'rebuttal';

/** Relations that make a premise a child of its target in the tree (contradiction is a side link). */
export function isInferential(relation: Relation): relation is Exclude<Relation, ContradictionRelation> {
  return relation.type !== 'contradiction';
}
