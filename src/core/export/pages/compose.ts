import { plainText } from '../../text/inline-runs.ts';
import { layoutMap } from '../../layout/layout.ts';
import { attributionOf } from '../export-svg.ts';
import type { LaidOutMap, Rect } from '../../layout/types.ts';
import { wholeBoxes, within } from '../../render/within.ts';
import { indexMap } from '../../model/map-index.ts';
import { descendants } from '../../model/graph.ts';
import { rolesOf } from '../../model/roles.ts';
import type { ArgumentMap, NodeId, Role } from '../../model/types.ts';
import { cutMap } from '../../presentation/step-map.ts';
import { overviewLayout } from '../../presentation/overview.ts';
import { about, PROJECTOR_ROOM, stepPages, type StepPage } from '../../presentation/step-pages.ts';
import type { Room } from '../../presentation/step-scene.ts';
import { presentationSteps, type PresentationStep } from '../../presentation/steps.ts';
import type { EvaluationMarks } from '../../render/render-model.ts';
import type { ThemeName } from '../../render/theme.ts';
import { createFontMeasurer, type TextMeasurer } from '../../text/measure.ts';
import { fitted } from '../../text/fitted.ts';
import { wrapText } from '../../text/wrap.ts';
import { mapParts } from './map-pages.ts';
import {
  PAGE_SIZES,
  type ComposedDocument,
  type ComposedPage,
  type PageName,
  type PageQuote,
  type PageSize,
} from './page.ts';
import {
  captionHeight,
  fitScale,
  mapArea,
  MIN_PAGE_SCALE,
  PAGE_MARGIN,
  pageSvg,
  type Caption,
  type TextBlock,
} from './page-svg.ts';

export interface ComposeOptions {
  readonly theme?: ThemeName;
  /** False leaves the caption out. */
  readonly caption?: boolean;
  readonly page?: PageName;
  /** An evaluation's statuses, drawn on every page's map with a legend (docs/EVALUATION.md). */
  readonly evaluation?: EvaluationMarks;
}

/** The caption of a page of the map: its title, a subtitle, the source's attribution, the page's number. */
function captionOf(map: ArgumentMap, subtitle: string | undefined, n: number, total: number): Caption {
  const attribution = attributionOf(map);
  return {
    ...(map.title !== undefined ? { title: map.title } : {}),
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...(attribution ? { attribution } : {}),
    ...(total > 1 ? { number: `${n} / ${total}` } : {}),
  };
}

/** The map units a page's area holds at the least scale text may have. */
const roomOf = (area: Rect): Room => ({
  width: area.width / MIN_PAGE_SCALE,
  height: area.height / MIN_PAGE_SCALE,
});

/** The texts of the boxes of a layout, in reading order, and the quotes of the boxes in `about`. */
function contentOf(map: ArgumentMap, laidOut: LaidOutMap, about: readonly NodeId[]) {
  const index = indexMap(map);
  const texts = laidOut.nodes.flatMap((n) => [...n.titleLines, ...n.textLines]);
  const quotes: PageQuote[] = about.flatMap((id) => {
    const quote = index.node(id)?.quote;
    return quote ? [{ nodeId: id, text: quote }] : [];
  });
  return { texts, quotes };
}

interface Sheet {
  readonly laidOut: LaidOutMap;
  readonly title: string;
  readonly label?: string;
  readonly subtitle?: string;
  readonly note?: string;
  readonly about: readonly NodeId[];
  readonly lit?: ReadonlySet<string>;
  /** Text beneath the map (a handout's note and quotes), and the share of the page the map keeps then. */
  readonly beneath?: (area: Rect) => { readonly map: Rect; readonly blocks: readonly TextBlock[] };
}

/** Sheets drawn onto pages of one size, numbered, captioned. */
function pagesOf(
  map: ArgumentMap,
  sheets: readonly Sheet[],
  size: PageSize,
  options: ComposeOptions,
  first = 0,
): ComposedPage[] {
  const total = sheets.length + first;
  return sheets.map((sheet, i) => {
    const caption =
      options.caption === false ? undefined : captionOf(map, sheet.subtitle, first + i + 1, total);
    const area = mapArea(size, caption);
    const split = sheet.beneath?.(area);
    const svg = pageSvg({
      size,
      theme: options.theme ?? 'light',
      map: {
        laidOut: sheet.laidOut,
        area: split?.map ?? area,
        ...(sheet.lit ? { lit: sheet.lit } : {}),
        ...(options.evaluation ? { evaluation: options.evaluation } : {}),
      },
      ...(split ? { blocks: split.blocks } : {}),
      ...(caption ? { caption } : {}),
    });
    return {
      size,
      svg,
      title: sheet.title,
      ...(sheet.label !== undefined ? { label: sheet.label } : {}),
      ...(sheet.note !== undefined ? { note: sheet.note } : {}),
      ...contentOf(map, sheet.laidOut, sheet.about),
    };
  });
}

const stepTitle = (page: StepPage) => `${page.label}. ${page.title ?? ''}`.trim();

/**
 * The step pages of a map, laid out for the room a page of `size` gives (with its caption): as the
 * presentation shows them when the page holds the projector's room (16:9 does).
 */
function stepSheets(map: ArgumentMap, size: PageSize, options: ComposeOptions): StepPage[] {
  const caption = options.caption === false ? undefined : captionOf(map, 'step', 1, 2);
  const own = roomOf(mapArea(size, caption));
  const projector = own.width >= PROJECTOR_ROOM.width && own.height >= PROJECTOR_ROOM.height;
  return stepPages(map, presentationSteps(map), projector ? PROJECTOR_ROOM : own);
}

/**
 * The deck (docs/ARCHITECTURE.md, "Pages"): a title page with the map's title, its source and the talk's
 * contents, then a page per step of the tour (or of the automatic order) as the presentation shows it, 16:9
 * unless another size is asked for.
 */
export function composeDeck(map: ArgumentMap, options: ComposeOptions = {}): ComposedDocument {
  const size = PAGE_SIZES[options.page ?? '16:9'];
  const sheets = stepSheets(map, size, options).map(deckSheet);
  const titles = presentationSteps(map).map((step) => step.title ?? titleOfBox(map, step.focus));
  const pages = [
    titlePage(map, size, options, titles, sheets.length + 1),
    ...pagesOf(map, sheets, size, options, 1),
  ];
  return documentOf(map, pages);
}

/** A page of the presentation as a page of the deck. */
const deckSheet = (page: StepPage): Sheet => ({
  laidOut: page.scene,
  title: page.title ?? stepTitle(page),
  label: page.label,
  subtitle: stepTitle(page),
  ...(page.note !== undefined ? { note: page.note } : {}),
  about: page.current,
  lit: new Set(page.current),
});

/** A box's title, or the first words of its text. */
function titleOfBox(map: ArgumentMap, id: NodeId): string {
  const node = indexMap(map).node(id);
  return node?.title ?? (node ? plainText(node.text) : id);
}

function documentOf(map: ArgumentMap, pages: readonly ComposedPage[]): ComposedDocument {
  const author = map.source?.author;
  return { title: map.title ?? 'Argument map', ...(author ? { author } : {}), pages };
}

/**
 * The deck's first page: the map's title and source; beneath, the steps' titles, a table of contents of the
 * talk, and on the left the whole map's overview when it reads at 12 pt there (else the contents take the
 * page).
 */
function titlePage(
  map: ArgumentMap,
  size: PageSize,
  options: ComposeOptions,
  steps: readonly string[],
  total: number,
): ComposedPage {
  const measure = createFontMeasurer();
  const width = size.width - 2 * PAGE_MARGIN;
  const wrap = (
    text: string,
    weight: 'regular' | 'semibold',
    fontSize: number,
    maxWidth: number,
    maxLines: number,
  ) => wrapText(text, measure, { weight, size: fontSize, maxWidth, maxLines }).lines;
  const heading = wrap(map.title ?? 'Argument map', 'semibold', 56, width, 2);
  const source = map.source;
  // The source's title is left out when it is the map's, already the page's heading.
  const sourceTitle = source?.title !== map.title ? source?.title : undefined;
  const byline = [source?.author, sourceTitle, source?.publisher, source?.date].filter(Boolean).join(' · ');
  const blocks: TextBlock[] = [
    { x: PAGE_MARGIN, y: PAGE_MARGIN, lines: heading, size: 56, weight: 'semibold', lineHeight: 68 },
  ];
  let top = heading.length * 68 + 16;
  if (byline) {
    const lines = wrap(byline, 'regular', 28, width, 2);
    blocks.push({ x: PAGE_MARGIN, y: PAGE_MARGIN + top, lines, size: 28, weight: 'regular', lineHeight: 36 });
    top += lines.length * 36;
  }
  top += 40;
  const caption = options.caption === false ? undefined : { number: `1 / ${total}` };
  const area = mapArea(size, caption, top);
  const overviewArea = { ...area, width: area.width * 0.5 - 24 };
  const overview = overviewLayout(map, overviewArea, MIN_PAGE_SCALE);
  // An overview too large to read at 12 pt in its half of the page is left out: the contents take the page.
  const readable = overview.nodes.length > 0 && fitScale(overview, overviewArea) >= MIN_PAGE_SCALE;
  const contents = readable ? { ...area, x: area.x + area.width * 0.5, width: area.width * 0.5 } : area;
  blocks.push(...contentsBlocks(steps, contents, measure));
  const svg = pageSvg({
    size,
    theme: options.theme ?? 'light',
    ...(readable ? { map: { laidOut: overview, area: overviewArea } } : {}),
    blocks,
    ...(caption ? { caption } : {}),
  });
  const drawn = readable ? contentOf(map, overview, []) : { texts: [], quotes: [] };
  return { size, svg, title: map.title ?? 'Argument map', ...drawn };
}

/**
 * The steps' titles, numbered, in as many columns as the area needs: each column as wide as its longest line
 * when they all fit so, else the area shared equally and each line cut to its column.
 */
function contentsBlocks(steps: readonly string[], area: Rect, measure: TextMeasurer): TextBlock[] {
  const size = 24;
  const lineHeight = 34;
  const gap = 24;
  const perColumn = Math.max(1, Math.floor((area.height - 48) / lineHeight));
  const columns = Array.from({ length: Math.ceil(steps.length / perColumn) }, (_, c) =>
    steps.slice(c * perColumn, (c + 1) * perColumn).map((title, i) => `${c * perColumn + i + 1}  ${title}`),
  );
  const natural = columns.map((lines) =>
    Math.max(...lines.map((line) => measure.width(line, 'regular', size))),
  );
  const fits = natural.reduce((sum, width) => sum + width + gap, 0) <= area.width;
  const widths = fits ? natural.map((width) => width + gap) : columns.map(() => area.width / columns.length);
  const blocks: TextBlock[] = [
    { x: area.x, y: area.y, lines: ['Contents'], size: 28, weight: 'semibold', lineHeight: 36 },
  ];
  let x = area.x;
  columns.forEach((lines, c) => {
    const cut = lines.map((line) => fitted(line, widths[c]! - gap, size, 'regular', measure));
    blocks.push({ x, y: area.y + 48, lines: cut, size, weight: 'regular', lineHeight });
    x += widths[c]!;
  });
  return blocks;
}

/**
 * The handout: A4 portrait unless asked otherwise; each step's picture with its speaker note and quotes. The
 * picture has at least the page's upper half, and all that the step's text leaves.
 */
export function composeHandout(map: ArgumentMap, options: ComposeOptions = {}): ComposedDocument {
  const size = PAGE_SIZES[options.page ?? 'a4'];
  const caption = options.caption === false ? undefined : captionOf(map, 'step', 1, 2);
  const area = mapArea(size, caption);
  const index = indexMap(map);
  const quotesOf = (ids: readonly NodeId[]) =>
    ids.flatMap((id) => {
      const quote = index.node(id)?.quote;
      return quote ? [quote] : [];
    });
  // Each step's picture height, by the step: the steps given to `stepPages` are these very objects.
  const steps = presentationSteps(map);
  const pictureHeights = new Map(
    steps.map((step, i) => {
      const quotes = quotesOf(about(step, steps[i - 1]));
      const text = handoutBlocks(area.x, area.width, 0, Infinity, step.note, quotes);
      return [step, Math.max(area.height * 0.5, area.height - HANDOUT_GAP - text.end)] as const;
    }),
  );
  const room = (step: PresentationStep) => roomOf({ ...area, height: pictureHeights.get(step)! });
  const sheets: Sheet[] = stepPages(map, steps, room).map((page) => {
    const quotes = quotesOf(page.current);
    const pictureHeight = pictureHeights.get(steps[page.step]!)!;
    return {
      ...deckSheet(page),
      // A scene taller than its room (a long box under a long box) takes what it needs.
      beneath: (full) =>
        handoutText(
          full,
          Math.min(full.height, Math.max(pictureHeight, page.scene.bounds.height * MIN_PAGE_SCALE)),
          page.note,
          quotes,
        ),
    };
  });
  return documentOf(map, pagesOf(map, sheets, size, options));
}

/** The space between a handout page's picture and its text. */
const HANDOUT_GAP = 24;

/** A handout page's lower part: the note, then each quote in italics, as much as the page holds. */
function handoutText(
  area: Rect,
  pictureHeight: number,
  note: string | undefined,
  quotes: readonly string[],
): { map: Rect; blocks: TextBlock[] } {
  const top = area.y + pictureHeight + HANDOUT_GAP;
  const { blocks } = handoutBlocks(area.x, area.width, top, area.y + area.height, note, quotes);
  return { map: { ...area, height: pictureHeight }, blocks };
}

/** The note and the quotes set from `top` down to `bottom`, and where they end. */
function handoutBlocks(
  x: number,
  width: number,
  top: number,
  bottom: number,
  note: string | undefined,
  quotes: readonly string[],
): { blocks: TextBlock[]; end: number } {
  const measure = createFontMeasurer();
  const size = 24;
  const lineHeight = 34;
  const blocks: TextBlock[] = [];
  let y = top;
  const add = (text: string, weight: 'regular' | 'semibold', italic: boolean) => {
    const maxLines = Math.min(10_000, Math.floor((bottom - y) / lineHeight));
    if (maxLines <= 0) return;
    const lines = wrapText(text, measure, { weight, size, maxWidth: width, maxLines }).lines;
    blocks.push({ x, y, lines, size, weight, italic, lineHeight });
    y += lines.length * lineHeight + 16;
  };
  if (note) add(note, 'regular', false);
  if (quotes.length > 0) add('From the text', 'semibold', false);
  for (const quote of quotes) add(`“${quote}”`, 'regular', true);
  return { blocks, end: y };
}

/** The whole map on pages of a size (A4 landscape unless asked otherwise), over several where it must be. */
export function composeMap(
  map: ArgumentMap,
  options: ComposeOptions = {},
  roles?: ReadonlyMap<NodeId, Role>,
): ComposedDocument {
  const size = PAGE_SIZES[options.page ?? 'a4-landscape'];
  const caption = options.caption === false ? undefined : captionOf(map, undefined, 1, 2);
  const parts = mapParts(map, mapArea(size, caption), roles);
  const index = indexMap(map);
  const sheets: Sheet[] = parts.map((part) => {
    const from = part.continues !== undefined ? index.node(part.continues) : undefined;
    const subtitle = from ? `continued: ${from.title ?? plainText(from.text)}` : undefined;
    return {
      laidOut: part.laidOut,
      title: subtitle ?? map.title ?? 'Argument map',
      ...(subtitle !== undefined ? { subtitle } : {}),
      about: part.laidOut.nodes.map((n) => n.id),
    };
  });
  return documentOf(map, pagesOf(map, sheets, size, options));
}

/**
 * One step of the presentation as the deck draws it (all its pages, when it has several), without the
 * deck's title page; `step` counts from 1, and a page's label ("5b") names that page of a step in parts.
 */
export function composeStep(
  map: ArgumentMap,
  step: number | string,
  options: ComposeOptions = {},
): ComposedDocument {
  const size = PAGE_SIZES[options.page ?? '16:9'];
  // A step by its number (from 1: all its pages), or one page of a step shown in parts by its label ("5b"),
  // as this page size parts it.
  const named = (page: StepPage) => (typeof step === 'number' ? page.step === step - 1 : page.label === step);
  // Numbered among themselves: a step shown in parts is "1 / 2", "2 / 2"; a step on one page has no number.
  const wanted = stepSheets(map, size, options).filter(named);
  return documentOf(map, pagesOf(map, wanted.map(deckSheet), size, options));
}

/** A box and everything below it: every box that bears on it, through any chain of relations. */
function subtreeOf(map: ArgumentMap, id: NodeId): ArgumentMap {
  return cutMap(map, new Set<NodeId>([id, ...descendants(indexMap(map), id)]));
}

/** A box and everything below it, as a map of its own on pages; its boxes keep their roles in the whole map. */
export function composeSubtree(map: ArgumentMap, id: NodeId, options: ComposeOptions = {}): ComposedDocument {
  return composeMap(subtreeOf(map, id), options, rolesOf(indexMap(map)));
}

/**
 * A picture of a laid-out map with its caption, on a page cut to it: the map drawn at the scale of 12 pt
 * text, whatever its size (a picture to put on a slide; pages are for what must stay readable on paper).
 */
export function composePicture(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  options: ComposeOptions = {},
): ComposedDocument {
  const caption = options.caption === false ? undefined : captionOf(map, undefined, 1, 1);
  const width = laidOut.bounds.width * MIN_PAGE_SCALE + 2 * PAGE_MARGIN;
  const height =
    laidOut.bounds.height * MIN_PAGE_SCALE + 2 * PAGE_MARGIN + captionHeight(caption, Math.ceil(width));
  const size: PageSize = { name: 'picture', width: Math.ceil(width), height: Math.ceil(height) };
  const sheet: Sheet = { laidOut, title: map.title ?? 'Argument map', about: laidOut.nodes.map((n) => n.id) };
  return documentOf(map, pagesOf(map, [sheet], size, { ...options, ...(caption ? {} : { caption: false }) }));
}

/** A box and everything below it as one picture (see `composePicture`). */
export function composeSubtreePicture(
  map: ArgumentMap,
  id: NodeId,
  options: ComposeOptions = {},
): ComposedDocument {
  const laidOut = layoutMap(subtreeOf(map, id), { roles: rolesOf(indexMap(map)) });
  return composePicture(map, laidOut, options);
}

/**
 * The part of the map a screen shows, as a picture (see `composePicture`): the view widened to the whole of
 * every box it touches, so that no box is cut at the picture's edge.
 */
export function composeView(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  view: Rect,
  options: ComposeOptions = {},
): ComposedDocument {
  const bounds = wholeBoxes(laidOut, view);
  return composePicture(map, { ...within(laidOut, bounds), bounds }, options);
}
