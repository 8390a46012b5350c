import {
  composeDeck,
  composeHandout,
  composeMap,
  composeStep,
  composeSubtree,
  composeSubtreePicture,
  type ComposeOptions,
} from '../core/export/pages/compose.ts';
import { embedPageFonts } from '../core/export/pages/page-fonts.ts';
import { stepFileStem, type ComposedDocument, type PageName } from '../core/export/pages/page.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import { presentationSteps } from '../core/presentation/steps.ts';
import type { EvaluationMarks } from '../core/render/render-model.ts';
import type { ThemeName } from '../core/render/theme.ts';
import { bundledFonts, toPngs } from './export.ts';
import type { CliIo } from './io.ts';
import { CliIoError, PagesError } from './errors.ts';

/** What a page export asks for (docs/ARCHITECTURE.md, "Pages"). */
export interface PagesRequest {
  readonly kind: 'slides' | 'handout' | 'map';
  readonly page?: PageName;
  /** One step (from 1) or one page of a step in parts ("5b"), or one box and everything below it. */
  readonly step?: number | string;
  readonly node?: string;
  readonly caption: boolean;
  readonly theme: ThemeName;
  /** Pictures (PNG, SVG) are asked for, rather than a PDF or a deck. */
  readonly picture: boolean;
  /** Statuses drawn on every page's map, with their legend (`--evaluate`). */
  readonly evaluation?: EvaluationMarks;
}

export { PagesError };

/** The document a request names: a deck, a handout, one step, a subtree, or the map. */
export function composeRequest(map: ArgumentMap, request: PagesRequest): ComposedDocument {
  const options: ComposeOptions = {
    theme: request.theme,
    caption: request.caption,
    ...(request.page ? { page: request.page } : {}),
    ...(request.evaluation ? { evaluation: request.evaluation } : {}),
  };
  if (request.node !== undefined) {
    if (!map.nodes.some((n) => n.id === request.node))
      throw new PagesError(`no node "${request.node}" in the map`);
    // A picture of the subtree, unless pages are asked for.
    return request.picture && !request.page
      ? composeSubtreePicture(map, request.node, options)
      : composeSubtree(map, request.node, options);
  }
  if (request.step !== undefined) {
    const doc = composeStep(map, request.step, options);
    if (doc.pages.length === 0) throw new PagesError(noStep(map, request.step));
    return doc;
  }
  if (request.kind === 'slides') return composeDeck(map, options);
  if (request.kind === 'handout') return composeHandout(map, options);
  return composeMap(map, options);
}

/**
 * The files a document's pages go to, one per page, when pictures are asked for: into a directory
 * (`out/` → `out/title.png`, `out/step-01.png`, `out/step-05a.png`, or `page-01.png` for the map's pages), or next to one file
 * name (`deck.png` → `deck.png` alone, or `deck-01.png`, `deck-02.png` … for several).
 */
export function pageFileNames(
  doc: ComposedDocument,
  output: string,
  extension: 'png' | 'svg',
  isDirectory: boolean,
): string[] {
  const two = (n: number) => String(n).padStart(2, '0');
  if (isDirectory) {
    const directory = output.endsWith('/') ? output : `${output}/`;
    const deck = doc.pages.some((page) => page.label !== undefined);
    return doc.pages.map((page, i) => {
      if (page.label !== undefined) return `${directory}${stepFileStem(page.label)}.${extension}`;
      // A deck's one page without a step is its title page.
      return deck ? `${directory}title.${extension}` : `${directory}page-${two(i + 1)}.${extension}`;
    });
  }
  if (doc.pages.length === 1) return [output];
  const base = output.replace(new RegExp(`\\.${extension}$`, 'i'), '');
  return doc.pages.map((_, i) => `${base}-${two(i + 1)}.${extension}`);
}

export type PagesFormat = 'png' | 'svg' | 'pdf' | 'pptx';

/** Writes a document's pages: pictures (a file each) or one PDF or PowerPoint file. */
export async function writePages(
  doc: ComposedDocument,
  target: { readonly output: string; readonly isDirectory: boolean },
  format: PagesFormat,
  picture: { readonly scale: number; readonly theme: ThemeName },
  io: CliIo,
): Promise<string[]> {
  if (format === 'png' || format === 'svg') {
    const names = pageFileNames(doc, target.output, format, target.isDirectory);
    if (target.output === '-' && names.length > 1)
      throw new PagesError(`${names.length} pages cannot go to standard output; name a directory (-o out/)`);
    const svgs = doc.pages.map((page) => page.svg);
    const fonts = format === 'svg' ? bundledFonts() : undefined;
    const files = fonts
      ? svgs.map((svg) => embedPageFonts(svg, fonts))
      : await withProgress(io, (drawn) => toPngs(svgs, picture.scale, drawn));
    for (const [i, data] of files.entries()) await write(io, names[i]!, data);
    return names;
  }
  if (target.isDirectory) throw new PagesError(`a ${format} file is one file: name it (-o deck.${format})`);
  // Each writer (pdfkit with its font engine, or pptxgenjs) is loaded by the one export that needs it.
  const data =
    format === 'pdf'
      ? await (await import('../core/export/pdf/write-pdf.ts')).writePdf(doc, bundledFonts())
      : await (
          await import('../core/export/pptx/write-pptx.ts')
        ).writePptx(
          doc,
          // Slides are drawn at twice their page size (3840×2160 for 16:9): sharp on any projector.
          await withProgress(io, (drawn) =>
            toPngs(
              doc.pages.map((page) => page.svg),
              2,
              drawn,
            ),
          ),
        );
  await write(io, target.output, data);
  return [target.output];
}

/**
 * Pages drawn as pictures take a second or more each: a terminal is told how far the drawing is, and the line
 * is cleared when it ends, however it ends.
 */
async function withProgress<T>(
  io: CliIo,
  draw: (drawn: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  try {
    return await draw((done, total) => io.progress?.(`drawing page ${done} of ${total}…`));
  } finally {
    io.progress?.(undefined);
  }
}

async function write(io: CliIo, name: string, data: string | Uint8Array): Promise<void> {
  if (name === '-') return io.stdout(data);
  try {
    await io.writeFile(name, data);
  } catch (error) {
    throw new CliIoError(`${name}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Why --step names nothing, with what the presentation has, so that it can be put right. */
function noStep(map: ArgumentMap, step: number | string): string {
  const steps = presentationSteps(map).length;
  const number = typeof step === 'number' ? step : parseInt(step, 10);
  if (number <= steps)
    return `no page ${step}: step ${number} is not shown in that many parts on this page size; --step ${number} gives all of its pages`;
  return steps === 0
    ? `no step ${step}: the map has no box to present`
    : `no step ${step}: the presentation has ${steps} step${steps === 1 ? '' : 's'}`;
}
