/** Pieces of Argdown syntax shared by the parser and the serialiser. */

/**
 * Relation symbols, longest first so that `<+` is not read as `<` and `+`. Argdown names them from the child
 * line's point of view: `+`/`<+` the child supports its parent, `+>` the parent supports the child.
 */
export const relationSymbols = ['<+', '<-', '<_', '+>', '->', '_>', '><', '+', '-', '_'] as const;
export type RelationSymbol = (typeof relationSymbols)[number];

export interface SymbolMeaning {
  readonly type: 'support' | 'attack' | 'undercut' | 'contradiction';
  /** True when the child line is the premise (`+ [B]` under `[A]`: B supports A). */
  readonly childIsPremise: boolean;
}

export const symbolMeaning: Readonly<Record<RelationSymbol, SymbolMeaning>> = {
  '+': { type: 'support', childIsPremise: true },
  '<+': { type: 'support', childIsPremise: true },
  '+>': { type: 'support', childIsPremise: false },
  '-': { type: 'attack', childIsPremise: true },
  '<-': { type: 'attack', childIsPremise: true },
  '->': { type: 'attack', childIsPremise: false },
  _: { type: 'undercut', childIsPremise: true },
  '<_': { type: 'undercut', childIsPremise: true },
  '_>': { type: 'undercut', childIsPremise: false },
  '><': { type: 'contradiction', childIsPremise: true },
};

/** ASCII punctuation: a backslash before any of these stands for the character itself. */
export const isEscapable = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c);

/**
 * An id made from a title: lower case, letters and digits of any script kept, everything else folded into
 * single hyphens ("Security deficit (2010)" → "security-deficit-2010").
 */
export function slug(title: string, fallback: string): string {
  const full = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Long texts (untitled statements) give the first words, cut between words.
  const cut =
    full.length <= 48 ? full : full.slice(0, full.lastIndexOf('-', 48) > 0 ? full.lastIndexOf('-', 48) : 48);
  return cut === '' ? fallback : cut;
}

/** White space runs folded to one space, ends trimmed: how Argdown reads the text of a line. */
export const normaliseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();
