import type { StatementStatus } from '../evaluate/evaluate.ts';
import type { LaidOutMap } from '../layout/types.ts';
import { px } from '../round.ts';
import { createFontMeasurer } from '../text/measure.ts';
import { escapeXml } from './escape.ts';
import {
  PILL,
  pill,
  statusPillWidth,
  statusText,
  type Badge,
  type EvaluationMarks,
  type TextAt,
} from './render-model.ts';
import type { Theme } from './theme.ts';

/*
 * The legend of an evaluated picture (docs/EVALUATION.md): the statuses the picture shows, each as the pill
 * its boxes carry, and the faded line of an inactive relation when one is drawn. A picture without an
 * evaluation has none. Exports draw it in a band under the map; pages beside their caption.
 */

/** The statuses in the order the legend names them: what holds, then what the user assumed, then what fails. */
const ORDER: readonly StatementStatus[] = [
  'in',
  'supported',
  'accepted',
  'rejected',
  'unsupported',
  'out',
  'undecided',
];

export interface StatusLegend {
  readonly statuses: readonly StatementStatus[];
  /** Whether some relation drawn is inactive (drawn faded). */
  readonly inactive: boolean;
}

/** What a legend names for the boxes and relations of `laidOut`: only what the picture shows. */
export function statusLegend(laidOut: LaidOutMap, marks: EvaluationMarks): StatusLegend {
  const shown = new Set(laidOut.nodes.map((n) => marks.statements.get(n.id)));
  return {
    statuses: ORDER.filter((status) => shown.has(status)),
    inactive: laidOut.connectors.some((c) => marks.relations.get(c.relationId) === 'inactive'),
  };
}

const GAP = 8;
const ROW = 26;
const INACTIVE_LINE = 28;
const INACTIVE_WORDS = 'inactive relation';
/** The words' size, as the style sheet sets it (`.legend-words`). */
export const WORDS_SIZE = PILL.textSize + 1;

/** A legend's mark, placed: a status pill, or the sample of an inactive relation's line with its words. */
export type LegendMark =
  | { readonly type: 'pill'; readonly status: StatementStatus; readonly pill: Badge }
  | {
      readonly type: 'inactive';
      /** The line's left end, and its length. */
      readonly x: number;
      readonly y: number;
      readonly length: number;
      readonly words: TextAt;
    };

interface LegendItem {
  readonly width: number;
  readonly place: (x: number, y: number) => LegendMark;
}

/** The legend's pills and line sample, in order, each with its width. */
function items(legend: StatusLegend): LegendItem[] {
  const pills: LegendItem[] = legend.statuses.map((status) => {
    const text = statusText(status);
    const width = statusPillWidth(text);
    return { width, place: (x, y) => ({ type: 'pill', status, pill: pill(x, y, width, text) }) };
  });
  if (!legend.inactive) return pills;
  const wordsWidth = createFontMeasurer().width(INACTIVE_WORDS, 'regular', WORDS_SIZE);
  return [
    ...pills,
    {
      width: INACTIVE_LINE + 6 + wordsWidth,
      place: (x, y) => ({
        type: 'inactive',
        x,
        y: y + PILL.height / 2,
        length: INACTIVE_LINE,
        words: { x: x + INACTIVE_LINE + 6, y: y + PILL.baseline, text: INACTIVE_WORDS },
      }),
    },
  ];
}

/** The items placed in rows `width` wide, from the left: each item's offset and row. */
function rows(list: readonly LegendItem[], width: number): { item: LegendItem; x: number; row: number }[] {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of list) {
    if (x > 0 && x + item.width > width) {
      x = 0;
      row += 1;
    }
    placed.push({ item, x, row });
    x += item.width + GAP;
  }
  return placed;
}

/** How tall the legend's band is in a picture `width` wide (padding included); 0 when it names nothing. */
export function statusLegendHeight(legend: StatusLegend, width: number): number {
  const list = items(legend);
  if (list.length === 0) return 0;
  const placed = rows(list, Math.max(1, width - 2 * GAP));
  return GAP + ROW * (placed[placed.length - 1]!.row + 1);
}

/** The legend's marks placed in a band from `top`, across `width` from `x`. */
export function statusLegendMarks(
  legend: StatusLegend,
  band: { readonly x: number; readonly top: number; readonly width: number },
): LegendMark[] {
  const placed = rows(items(legend), Math.max(1, band.width - 2 * GAP));
  return placed.map(({ item, x, row }) =>
    item.place(band.x + GAP + x, band.top + GAP + row * ROW + (ROW - PILL.height) / 2),
  );
}

/** The legend drawn in a band from `top`, across `width` from `x`. */
export function statusLegendSvg(
  legend: StatusLegend,
  band: { readonly x: number; readonly top: number; readonly width: number },
  theme: Theme,
): string {
  const marks = statusLegendMarks(legend, band);
  if (marks.length === 0) return '';
  const drawn = marks.map((mark) =>
    mark.type === 'pill'
      ? pillSvg(mark.pill, mark.status)
      : `<path class="connector support inactive" d="M${px(mark.x)},${px(mark.y)}h${mark.length}"/>` +
        `<text class="legend-words" x="${px(mark.words.x)}" y="${px(mark.words.y)}">${escapeXml(mark.words.text)}</text>`,
  );
  return `<g class="status-legend" aria-label="Statuses" fill="${theme.mutedText}">${drawn.join('')}</g>`;
}

/** Every word an evaluated picture may write (pills and legend), for the fonts an export embeds. */
export const evaluationText: readonly string[] = [...ORDER.map(statusText), INACTIVE_WORDS];

function pillSvg(b: Badge, status: StatementStatus): string {
  return (
    `<g class="badge status status-${status}"><rect x="${px(b.x)}" y="${px(b.y)}" width="${px(b.width)}" height="${b.height}" rx="${b.rx}"/>` +
    `<text x="${px(b.text.x)}" y="${px(b.text.y)}" text-anchor="middle">${escapeXml(b.text.text)}</text></g>`
  );
}
