import { boundsOf, union } from '../layout/rect.ts';
import type { GroupFrame, LaidOutConnector, LaidOutMap, Rect } from '../layout/types.ts';
import { clipLine } from './clip-line.ts';

/** Overlapping by more than an edge: a line that only touches the picture's edge is outside it. */
const meets = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/**
 * The part of a laid-out map that can show in `rect`: the boxes, connectors and frames that reach into it,
 * the rest left out, and lines and frames cut at its edges. A picture of part of a map draws only these:
 * the PNG renderer, resvg, fails on drawings that reach outside a picture's clip (a nested picture, an
 * arrowed line beside a long curve or a large frame running past the edges).
 */
export function within(laidOut: LaidOutMap, rect: Rect): LaidOutMap {
  return {
    ...laidOut,
    nodes: laidOut.nodes.filter((node) => meets(node, rect)),
    connectors: laidOut.connectors.flatMap((c) => clipConnector(c, rect)),
    groups: laidOut.groups
      .filter((group) => group.slabs.some((s) => meets(s, rect)))
      .map((group) => clipFrame(group, rect)),
  };
}

/** A connector cut at the picture's edges: its lines drawn up to them, none when it stays outside. */
function clipConnector(connector: LaidOutConnector, rect: Rect): LaidOutConnector[] {
  if (!meets(connector.bounds, rect)) return [];
  const line = clipLine(connector.line, rect);
  if (!line) return [];
  const { x, y } = connector.labelAt;
  const labelShows =
    x - 30 >= rect.x && x + 30 <= rect.x + rect.width && y - 12 >= rect.y && y + 12 <= rect.y + rect.height;
  return [{ ...connector, line, ...(labelShows ? {} : { labelOutside: true }) }];
}

/** A frame cut at the picture's edges (its title kept only where it shows). */
function clipFrame(frame: GroupFrame, rect: Rect): GroupFrame {
  const slabs = frame.slabs.map((s) => clipRect(s, rect)).filter((s) => s.width > 0 && s.height > 0);
  const titleShows = frame.titleAt.y - 12 >= rect.y && frame.titleAt.x >= rect.x;
  // The link between a group's parts is drawn only when it lies wholly in the picture.
  const { link, ...rest } = frame;
  const linkShows = link?.every(
    (p) => p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height,
  );
  return {
    ...rest,
    ...(link && linkShows ? { link } : {}),
    ...boundsOf(slabs),
    slabs,
    head: clipRect(frame.head, rect),
    ...(titleShows ? {} : { title: '' }),
  };
}

function clipRect(r: Rect, to: Rect): Rect {
  const x = Math.max(r.x, to.x);
  const y = Math.max(r.y, to.y);
  const width = Math.min(r.x + r.width, to.x + to.width) - x;
  const height = Math.min(r.y + r.height, to.y + to.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

/** `view` grown until every box it touches (or comes within the picture's margin of) lies inside it. */
export function wholeBoxes(laidOut: LaidOutMap, view: Rect): Rect {
  const near = 12;
  let rect = view;
  for (let grown = true; grown;) {
    grown = false;
    for (const box of laidOut.nodes) {
      const touches =
        box.x < rect.x + rect.width + near &&
        box.x + box.width > rect.x - near &&
        box.y < rect.y + rect.height + near &&
        box.y + box.height > rect.y - near;
      if (!touches) continue;
      const next = union(rect, box);
      if (next.width > rect.width || next.height > rect.height) grown = true;
      rect = next;
    }
  }
  return rect;
}
