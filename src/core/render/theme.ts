import type { RelationType, Role } from '../model/types.ts';

export type ThemeName = 'light' | 'dark' | 'print';

export interface Theme {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly groupFill: string;
  readonly groupStroke: string;
  readonly roles: Readonly<
    Record<Role, { readonly fill: string; readonly stroke: string; readonly label: string }>
  >;
  readonly relations: Readonly<Record<RelationType, string>>;
}

/**
 * Colours from the Okabe–Ito palette (safe for the common colour-vision deficiencies). Roles also differ by
 * border weight and dash and by their printed label, so that a map reads in grayscale too.
 */
export const themes: Readonly<Record<ThemeName, Theme>> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    mutedText: '#57606a',
    groupFill: 'rgba(0, 0, 0, 0.025)',
    groupStroke: '#c4c9d0',
    roles: {
      thesis: { fill: '#e3eef8', stroke: '#0072b2', label: '#005a8c' },
      reason: { fill: '#e2f4ee', stroke: '#009e73', label: '#00704f' },
      objection: { fill: '#fbebe1', stroke: '#d55e00', label: '#a84a00' },
      rebuttal: { fill: '#f6e9f1', stroke: '#cc79a7', label: '#9c4a78' },
    },
    relations: { support: '#009e73', attack: '#d55e00', undercut: '#b8860b', contradiction: '#7f4f9f' },
  },
  dark: {
    background: '#16191d',
    text: '#e6e8eb',
    mutedText: '#9aa3ad',
    groupFill: 'rgba(255, 255, 255, 0.03)',
    groupStroke: '#3d444d',
    roles: {
      thesis: { fill: '#10283a', stroke: '#56b4e9', label: '#8fcdf0' },
      reason: { fill: '#0f2c24', stroke: '#2fc196', label: '#7fdcbf' },
      objection: { fill: '#35200f', stroke: '#f0883e', label: '#f5b07f' },
      rebuttal: { fill: '#33202c', stroke: '#e08fbf', label: '#efbad9' },
    },
    relations: { support: '#2fc196', attack: '#f0883e', undercut: '#e6c14d', contradiction: '#b591d4' },
  },
  print: {
    background: '#ffffff',
    text: '#000000',
    mutedText: '#333333',
    groupFill: 'none',
    groupStroke: '#999999',
    roles: {
      thesis: { fill: '#ffffff', stroke: '#000000', label: '#000000' },
      reason: { fill: '#ffffff', stroke: '#000000', label: '#000000' },
      objection: { fill: '#f0f0f0', stroke: '#000000', label: '#000000' },
      rebuttal: { fill: '#f0f0f0', stroke: '#000000', label: '#000000' },
    },
    relations: { support: '#000000', attack: '#000000', undercut: '#000000', contradiction: '#000000' },
  },
};

/** Border styles per role: the cue that survives grayscale and print. */
export const roleBorder: Readonly<Record<Role, { readonly width: number; readonly dash?: string }>> = {
  thesis: { width: 2.5 },
  reason: { width: 1.5 },
  objection: { width: 1.5, dash: '6 3' },
  rebuttal: { width: 1.5, dash: '2 2' },
};

/** The border of an implicit statement: longer dashes than any role's, so that it reads apart from them. */
export const implicitBorder = { width: 1.5, dash: '9 5' } as const;

/** Line styles per relation type. */
export const relationLine: Readonly<
  Record<RelationType, { readonly width: number; readonly dash?: string }>
> = {
  support: { width: 2 },
  attack: { width: 2, dash: '7 4' },
  undercut: { width: 2, dash: '2 3' },
  contradiction: { width: 1.75, dash: '10 3 2 3' },
};

/** Cross-links (further relations of shared boxes) are lighter than tree connectors, in any relation type. */
export const crossLinkLine = { width: 1.5, opacity: 0.7 } as const;

/** The small words on connectors, as Rationale labels them. */
export const relationWords: Readonly<Record<RelationType, string>> = {
  support: 'because',
  attack: 'but',
  undercut: 'however',
  contradiction: 'contradicts',
};
