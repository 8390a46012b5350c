import {
  isAttackKind,
  isSupportKind,
  type ArgumentMap,
  type Extra,
  type RelationType,
} from '../../model/types.ts';
import type { Data } from './inline.ts';

/**
 * Argdown's interpretation modes (its ModelPlugin's `model.mode`, set in the front matter as
 * `model: {mode: strict}`). In the default loose mode a relation line means what its symbol says: support,
 * attack, contradiction, undercut. In strict mode a support between two statements means `entails` and an
 * attack `contrary`; `><` stays a contradiction, and relations with an argument at either end stay support
 * and attack. A reconstructed argument's outgoing relations count as its conclusion's, so they are between
 * statements too.
 */

/** The polarity a relation symbol writes: `+` support, `-` attack, `><` contradiction, `_` undercut. */
export type SymbolType = 'support' | 'attack' | 'undercut' | 'contradiction';

/** What the ends of a relation line are, as strict mode tells them apart. */
export interface LineEnds {
  /** The premise is a statement, or an argument with a premise–conclusion structure. */
  readonly fromIsStatement: boolean;
  readonly toIsStatement: boolean;
}

/** True when the front matter (or a map's kept front matter keys) says `model: {mode: strict}`. */
export function isStrict(data: Data | Extra | undefined): boolean {
  const model = data?.model;
  return model !== null && typeof model === 'object' && (model as Data).mode === 'strict';
}

/** The relation type a line with this symbol gives between these ends. */
export function kindOfLine(symbol: SymbolType, ends: LineEnds, strict: boolean): RelationType {
  if (!strict || !ends.fromIsStatement || !ends.toIsStatement) return symbol;
  return symbol === 'support' ? 'entails' : symbol === 'attack' ? 'contrary' : symbol;
}

/** The symbol a relation of this type is written with. */
export function symbolTypeOf(type: RelationType): SymbolType {
  return isSupportKind(type) ? 'support' : isAttackKind(type) ? 'attack' : type;
}

/**
 * A type named in a relation line's `{relation: {type: …}}`: honoured when it has the symbol's polarity
 * (`entails` on a `+` line, `support` on a `+` line in strict mode), else undefined.
 */
export function namedKind(named: unknown, symbol: SymbolType): RelationType | undefined {
  if (typeof named !== 'string') return undefined;
  const kinds: readonly string[] =
    symbol === 'support' ? ['support', 'entails'] : symbol === 'attack' ? ['attack', 'contrary'] : [symbol];
  return kinds.includes(named) ? (named as RelationType) : undefined;
}

/** The map has a relation only strict mode writes. */
export const hasStrictKinds = (map: ArgumentMap): boolean =>
  map.relations.some((r) => r.type === 'entails' || r.type === 'contrary');

/**
 * The `model` front matter key a map is written with: strict when it has entails or contrary relations
 * (so that Argdown's tools read them so too), else as the map keeps it.
 */
export function modelSettings(map: ArgumentMap): unknown {
  const kept = map.extra?.model;
  if (!hasStrictKinds(map) || isStrict(map.extra)) return kept;
  const others = kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? kept : {};
  return { ...others, mode: 'strict' };
}

/**
 * The reader's side of `modelSettings`: a map whose strict kinds already say it is strict keeps no
 * `mode: strict` of its own (the writer puts it back), so that a map from JSON or AIF comes back the same.
 */
export function keptModelSettings(model: unknown): unknown {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) return model;
  const { mode: _, ...others } = model as Record<string, unknown>;
  return Object.keys(others).length > 0 ? others : undefined;
}
