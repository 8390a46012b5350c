import type { StatementStatus } from '../evaluate/evaluate.ts';
import type { RelationType, Role } from '../model/types.ts';

export type ThemeName = 'light' | 'dark' | 'print';

/** A group frame's colours: a faint fill, its edge, its title. */
export interface GroupTone {
  readonly fill: string;
  readonly stroke: string;
  readonly title: string;
}

const tone = (rgb: string, alpha: number, stroke: string, title: string): GroupTone => ({
  fill: `rgba(${rgb}, ${alpha})`,
  stroke,
  title,
});

export interface Theme {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  /** Colours of group frames, by the group's place in the map's list of groups (taken in turn). */
  readonly groupTones: readonly GroupTone[];
  readonly roles: Readonly<
    Record<Role, { readonly fill: string; readonly stroke: string; readonly label: string }>
  >;
  readonly relations: Readonly<Record<RelationType, string>>;
  /** An evaluation's status pills (their icon and word say the same, for grayscale and print). */
  readonly statuses: Readonly<Record<StatementStatus, string>>;
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
    // Muted hues apart from the roles' colours, so that a frame never reads as a box's role.
    groupTones: [
      tone('63, 95, 143', 0.045, '#a9bad4', '#3f5f8f'),
      tone('150, 120, 30', 0.055, '#d5c38f', '#6f5b14'),
      tone('106, 79, 143', 0.045, '#c4b4d8', '#624a85'),
      tone('47, 111, 115', 0.045, '#a3c6c8', '#2c676b'),
      tone('143, 79, 92', 0.045, '#d8b5bc', '#874a57'),
      tone('95, 107, 47', 0.05, '#bfc79f', '#56612a'),
    ],
    roles: {
      thesis: { fill: '#e3eef8', stroke: '#0072b2', label: '#005a8c' },
      reason: { fill: '#e2f4ee', stroke: '#009e73', label: '#00704f' },
      objection: { fill: '#fbebe1', stroke: '#d55e00', label: '#a84a00' },
      rebuttal: { fill: '#f6e9f1', stroke: '#cc79a7', label: '#9c4a78' },
    },
    relations: {
      support: '#009e73',
      attack: '#d55e00',
      undercut: '#b8860b',
      contradiction: '#7f4f9f',
      entails: '#00704f',
      contrary: '#b0306a',
    },
    statuses: {
      accepted: '#1a7f37',
      rejected: '#cf222e',
      in: '#0072b2',
      supported: '#0072b2',
      unsupported: '#6e7781',
      out: '#a84a00',
      undecided: '#8a6100',
    },
  },
  dark: {
    background: '#16191d',
    text: '#e6e8eb',
    mutedText: '#9aa3ad',
    groupTones: [
      tone('157, 182, 220', 0.05, '#42587a', '#a4bce0'),
      tone('216, 194, 122', 0.045, '#6b5d2e', '#d8c27a'),
      tone('194, 174, 224', 0.05, '#584870', '#c6b3e3'),
      tone('143, 207, 210', 0.045, '#325f62', '#93d0d3'),
      tone('224, 169, 180', 0.045, '#6e434c', '#e2adb8'),
      tone('192, 204, 143', 0.045, '#525d2e', '#c3ce93'),
    ],
    roles: {
      thesis: { fill: '#10283a', stroke: '#56b4e9', label: '#8fcdf0' },
      reason: { fill: '#0f2c24', stroke: '#2fc196', label: '#7fdcbf' },
      objection: { fill: '#35200f', stroke: '#f0883e', label: '#f5b07f' },
      rebuttal: { fill: '#33202c', stroke: '#e08fbf', label: '#efbad9' },
    },
    relations: {
      support: '#2fc196',
      attack: '#f0883e',
      undercut: '#e6c14d',
      contradiction: '#b591d4',
      entails: '#7fdcbf',
      contrary: '#f08fb4',
    },
    statuses: {
      accepted: '#3fb950',
      rejected: '#ff7b72',
      in: '#56b4e9',
      supported: '#56b4e9',
      unsupported: '#8b949e',
      out: '#f0883e',
      undecided: '#e6c14d',
    },
  },
  print: {
    background: '#ffffff',
    text: '#000000',
    mutedText: '#333333',
    groupTones: [{ fill: 'none', stroke: '#999999', title: '#333333' }],
    roles: {
      thesis: { fill: '#ffffff', stroke: '#000000', label: '#000000' },
      reason: { fill: '#ffffff', stroke: '#000000', label: '#000000' },
      objection: { fill: '#f0f0f0', stroke: '#000000', label: '#000000' },
      rebuttal: { fill: '#f0f0f0', stroke: '#000000', label: '#000000' },
    },
    relations: {
      support: '#000000',
      attack: '#000000',
      undercut: '#000000',
      contradiction: '#000000',
      entails: '#000000',
      contrary: '#000000',
    },
    statuses: {
      accepted: '#000000',
      rejected: '#000000',
      in: '#000000',
      supported: '#000000',
      unsupported: '#666666',
      out: '#666666',
      undecided: '#666666',
    },
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
  // Strict mode's kinds: entails a heavier solid line than support (it is a logical step), contrary a
  // dash-dot-dot line, apart from attack's dashes and contradiction's dash-dot in grayscale and print.
  entails: { width: 3 },
  contrary: { width: 2, dash: '7 3 2 3 2 3' },
};

/** Cross-links (further relations of shared boxes) are lighter than tree connectors, in any relation type. */
export const crossLinkLine = { width: 1.5, opacity: 0.7 } as const;

/** The small words on connectors, as Rationale labels them. */
export const relationWords: Readonly<Record<RelationType, string>> = {
  support: 'because',
  attack: 'but',
  undercut: 'however',
  contradiction: 'contradicts',
  entails: 'entails',
  contrary: 'contrary to',
};
