import { framePoint, type FramePoint } from '../frame.ts';

/**
 * The geometry of the gaps between rows, in one place. Rows of boxes are separated by gaps of `spacing.level`
 * px (64 drawing down, 88 drawing right; deeper where a group title needs room, see `withTitleRoom`);
 * everything that is not a box lives in them, top to bottom (seen from the row above, drawing down):
 *
 *   row above ─ its boxes' bottom ("row end")
 *     frames of its groups reach `framePadding` below (`framePaddingPerNesting` more per level of groups
 *     nested inside: the lower edges of frames around nested groups may lie in the band)
 *     band of route tracks, from `bandTop` to `bandBottom` of the gap, `trackSpacing` apart
 *     middle of the tree lines, where undercuts arrive (`undercutArrival` of the way up from the junction)
 *     labels of tree connectors, `labelAboveBar` above their bar
 *     junctions: the bars of linked premises, `junctionAbovePremises` of the gap above the row below
 *     group titles, in their frame's `titleBand`, above `framePadding`
 *     contradictions between boxes of one row, `contradictionLane` above it
 *   row below ─ its boxes' top
 *
 * Shares are of the gap; lengths are px. The layout, the router, the group frames and their titles' room read
 * these; `title` is where the renderers draw a group's title. The relations between them (the band above the
 * undercuts' arrival, the title inside its band) are checked by `test/unit/frames-and-labels.test.ts`.
 */
export const gapGeometry = {
  /**
   * Where the bar joining a relation's premises sits: this share of the gap above the premises' row. Below the
   * middle of the gap, so that the line up to the target is long enough to carry its label and the undercuts
   * arriving at its middle, and above the group titles over the premises' row.
   */
  junctionAbovePremises: 0.4,
  /**
   * Where undercuts arrive on the line they attack: this share of the way from its junction to its target's
   * end, the middle, where an undercut's arrowhead reads as aimed at the line and not at either box. With the
   * junction at 0.6 of the gap below the row above, that is 0.3 of the gap: below the band of route tracks.
   */
  undercutArrival: 0.5,
  /**
   * The band of tracks routes run along a gap in: from this share of the gap below the row above... Near the
   * top, where tree lines have nearly reached their targets' columns (so a run crosses them where they are
   * upright and easy to follow), below the frames of that row's groups (10 px: 0.16 of the 64 px gap drawing
   * down) and above the undercuts' arrival.
   */
  bandTop: 0.18,
  /** ...to this share (see `bandTop`). */
  bandBottom: 0.28,
  /**
   * Px between neighbouring tracks in the band: 3 px keeps thin lines apart. Where a gap has more runs than
   * the band holds at this spacing, tracks squeeze closer so that routes stay in the band.
   */
  trackSpacing: 3,
  /**
   * Routes not searched (very large maps) take turns on this many tracks along each gap: enough to tell two
   * runs apart, where ordering runs is not worth its cost.
   */
  plainTracks: 2,
  /**
   * Px above a row where a contradiction between two of its boxes runs: close to the row, below the bars of
   * linked premises higher up in the gap (junctions sit 0.4 of the gap, over 25 px, above the row).
   */
  contradictionLane: 10,
  /** Px of the rounded corners of routes: round enough to read a route as one line, under the 8 px margin. */
  routeCornerRadius: 6,
  /**
   * Px kept free beside boxes where routes pass through a row: room for the corner radius, and enough that a
   * route passing a box does not read as touching it.
   */
  boxMargin: 8,
  /**
   * Px above its bar where a tree connector's label sits: the label (11 px) fits between the bar and
   * the band of route tracks.
   */
  labelAboveBar: 14,
  /** Px of a route's step a label needs to sit on (the longest label word, "contradicts", with room on each side). */
  routeLabelRoom: 64,
  /**
   * Px between a group's boxes and its frame. A frame around groups nested inside it is wider by
   * `framePaddingPerNesting` per level, so that both frames and both titles show: frames of nested groups
   * reach further below their boxes than 10 px, into the band of route tracks when nested deep enough.
   */
  framePadding: 10,
  /** See `framePadding`. */
  framePaddingPerNesting: 8,
  /**
   * Px at the top of a frame, above its padding, that hold the group's title: one line of 12 px text. A frame
   * around nested groups has one band more per level, so that its title sits above theirs.
   */
  titleBand: 18,
  /**
   * The title in its band, from the frame's top left corner: `inset` px in (clear of the frame's 10 px rounded
   * corner), the baseline `baseline` px down, so that the 12 px text (and its descenders) stays in the band.
   * A tree line rising through the band keeps `clearance` px from the title, which moves along the top to
   * make room (`placeTitles`).
   */
  title: { inset: 10, baseline: 15, size: 12, clearance: 6 },
} as const;

export type GapGeometry = typeof gapGeometry;

/**
 * The point `share` of the way from a to z (written so that a share of 0.5 gives exactly the midpoint
 * (a + z) / 2).
 */
export const pointAlong = (a: FramePoint, z: FramePoint, share: number): FramePoint =>
  framePoint(a.b * (1 - share) + z.b * share, a.d * (1 - share) + z.d * share);
