/**
 * Pages: the map, a part of it or a presentation step drawn onto a page of a given size, with a caption
 * (docs/ARCHITECTURE.md, "Pages"). The PDF, PowerPoint and per-step picture writers take these.
 *
 * Units: a page is measured in page pixels, two to a PDF point (144 per inch). A 16:9 slide is 1920×1080
 * page pixels, which is 960×540 pt, PowerPoint's own widescreen size; its PNG at scale 1 is 1920×1080.
 */

/** The page sizes a user can choose. */
export const PAGE_NAMES = ['16:9', '4:3', 'a4', 'a4-landscape', 'letter', 'letter-landscape'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface PageSize {
  /** A page size a user chose, or `picture`: a page cut to its map (a picture for a slide). */
  readonly name: PageName | 'picture';
  /** In page pixels (2 per PDF point). */
  readonly width: number;
  readonly height: number;
}

/** Page pixels per PDF point. */
export const PIXELS_PER_POINT = 2;

const mm = (millimetres: number) => (millimetres / 25.4) * 72 * PIXELS_PER_POINT;
const inches = (value: number) => value * 72 * PIXELS_PER_POINT;

export const PAGE_SIZES: Readonly<Record<PageName, PageSize>> = {
  '16:9': { name: '16:9', width: 1920, height: 1080 },
  '4:3': { name: '4:3', width: 1440, height: 1080 },
  a4: { name: 'a4', width: mm(210), height: mm(297) },
  'a4-landscape': { name: 'a4-landscape', width: mm(297), height: mm(210) },
  letter: { name: 'letter', width: inches(8.5), height: inches(11) },
  'letter-landscape': { name: 'letter-landscape', width: inches(11), height: inches(8.5) },
};

/** A quoted passage of the source text, with the box it anchors. */
export interface PageQuote {
  readonly nodeId: string;
  readonly text: string;
}

/** One composed page, ready for a writer. */
export interface ComposedPage {
  readonly size: PageSize;
  /**
   * The whole page as one standalone SVG document, `size.width` × `size.height` (viewBox from 0,0), its
   * background, the map and the caption drawn; text in the Inter family, fonts not embedded (each writer
   * embeds them its own way).
   */
  readonly svg: string;
  /** The page's title: the step's, or the map's (a slide's title, the PDF outline). */
  readonly title: string;
  /** A step's page: how the room calls it ("5", "5b"). */
  readonly label?: string;
  /** The speaker note of the step, when there is one. */
  readonly note?: string;
  /** The quotes of the boxes the page is about, for handouts. */
  readonly quotes: readonly PageQuote[];
  /** Every text drawn in the page's boxes, in reading order, for checking a writer's output. */
  readonly texts: readonly string[];
}

/** A composed document: a deck, a handout, or a map over one or more pages. */
export interface ComposedDocument {
  readonly title: string;
  /** The author and the source, as the caption names them (for the PDF's metadata). */
  readonly author?: string;
  readonly pages: readonly ComposedPage[];
}

/** A step's page as a file name, sorting in the talk's order: "5b" → "step-05b", "12" → "step-12". */
export const stepFileStem = (label: string): string =>
  `step-${String(Number.parseInt(label, 10)).padStart(2, '0')}${label.replace(/^\d+/, '')}`;
