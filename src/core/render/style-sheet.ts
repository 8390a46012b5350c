import { boxStyle } from '../layout/box-style.ts';
import { strictRelationTypes, type RelationType } from '../model/types.ts';
import { crossLinkLine, implicitBorder, relationLine, roleBorder, type Theme } from './theme.ts';
import { gapGeometry } from '../layout/routing/gap-geometry.ts';
import { CONNECTOR_LABEL, PILL } from './render-model.ts';
import { WORDS_SIZE } from './status-legend.ts';

/**
 * The map's CSS for a theme: inlined in exported files, set as text of a style element in the app. The
 * rules of an evaluation's marks are left out of a picture that draws none (`evaluation: false`).
 */
export function styleSheet(
  theme: Theme,
  {
    evaluation = true,
    strictKinds = strictRelationTypes,
  }: {
    evaluation?: boolean;
    /** Strict Argdown's kinds to write line rules for (a file: those it draws; the app: both). */
    strictKinds?: readonly RelationType[];
  } = {},
): string {
  const rules = [
    `text{font-family:Inter,'Inter Variable',Arial,sans-serif;font-kerning:none;font-variant-ligatures:none;fill:${theme.text}}`,
    `.group .frame{stroke-width:1}`,
    `.group .link{fill:none;stroke-width:1.5;stroke-dasharray:1 5;stroke-linecap:round}`,
    `.group text{font-size:${gapGeometry.title.size}px;font-weight:600}`,
    ...theme.groupTones.map(
      (tone, i) =>
        `.tone-${i} .frame{fill:${tone.fill};stroke:${tone.stroke}}.tone-${i} .link{stroke:${tone.stroke}}.tone-${i} text{fill:${tone.title}}`,
    ),
    `.connector{fill:none;stroke-linecap:round;stroke-linejoin:round}`,
    // Upright, not italic: muted, lower-case and on their line they already read as connectives, and the
    // bundled font has no italic face (a synthesised slant differs between the browser and the PNG renderer).
    `.connector-label{font-size:${CONNECTOR_LABEL.size}px;fill:${theme.mutedText};paint-order:stroke;stroke:${theme.background};stroke-width:4px;stroke-linejoin:round}`,
    `.node .label{font-size:${boxStyle.labelSize}px;font-weight:600;letter-spacing:0}`,
    `.node .title{font-size:${boxStyle.titleSize}px;font-weight:600}`,
    `.node .text{font-size:${boxStyle.textSize}px}`,
    `.node .speaker{font-size:${boxStyle.labelSize}px;fill:${theme.mutedText}}`,
    `.badge text{font-size:${PILL.textSize}px;font-weight:600;fill:${theme.background}}`,
  ];
  for (const [role, colours] of Object.entries(theme.roles)) {
    const border = roleBorder[role as keyof typeof roleBorder];
    rules.push(
      `.role-${role} rect.box{fill:${colours.fill};stroke:${colours.stroke};stroke-width:${border.width}${border.dash ? `;stroke-dasharray:${border.dash}` : ''}}`,
      `.role-${role} .label{fill:${colours.label}}`,
      `.role-${role} .badge rect{fill:${colours.stroke}}`,
    );
  }
  // After the roles' rules, and more specific: an implicit statement is dashed and hollow whatever its role,
  // its role still in its colour and label.
  rules.push(
    `.node.implicit rect.box{fill:${theme.background};stroke-width:${implicitBorder.width};stroke-dasharray:${implicitBorder.dash}}`,
  );
  for (const [type, colour] of Object.entries(theme.relations)) {
    const kind = type as RelationType;
    if (strictRelationTypes.includes(kind) && !strictKinds.includes(kind)) continue;
    const line = relationLine[type as keyof typeof relationLine];
    rules.push(
      `.connector.${type}{stroke:${colour};stroke-width:${line.width}${line.dash ? `;stroke-dasharray:${line.dash}` : ''}}`,
    );
  }
  // Cross-links (a shared box's further relations) are drawn lighter than the tree they run through, so that
  // a long route along a gap does not read as part of the tree. Contradictions keep their own line; the rule
  // is written without `:not()`, which resvg (the PNG renderer) does not read.
  rules.push(
    `.connector.cross{stroke-width:${crossLinkLine.width};stroke-opacity:${crossLinkLine.opacity}}`,
    `.connector.cross.contradiction{stroke-width:${relationLine.contradiction.width};stroke-opacity:1}`,
  );
  if (evaluation) rules.push(...statusRules(theme));
  return rules.join('');
}

/**
 * An evaluation's marks: each status pill in its colour; what does not hold (rejected, defeated, unsupported)
 * drawn faded but readable; relations that are not active faded further. The pill's icon and word say the
 * status without colour.
 */
function statusRules(theme: Theme): string[] {
  return [
    ...Object.entries(theme.statuses).map(
      ([status, colour]) =>
        `.node .badge.status-${status} rect,.status-legend .badge.status-${status} rect{fill:${colour}}`,
    ),
    `.node.status-rejected,.node.status-out,.node.status-unsupported{opacity:0.6}`,
    `.connector.inactive{opacity:0.25}`,
    `.status-legend .legend-words{font-size:${WORDS_SIZE}px;fill:${theme.mutedText}}`,
  ];
}
