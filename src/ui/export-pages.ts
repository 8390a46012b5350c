import type { LaidOutMap, Rect } from '../core/layout/types.ts';
import type { ArgumentMap, NodeId } from '../core/model/types.ts';
import { stepFileStem, type ComposedDocument, type PageName } from '../core/export/pages/page.ts';
import type { EvaluationMarks } from '../core/render/render-model.ts';
import type { ThemeName } from '../core/render/theme.ts';
import { fetchFonts } from './export.ts';

/**
 * The Export menu's pages (docs/ARCHITECTURE.md, "Pages"): the deck, the handout and the map as PDF, the
 * deck as PowerPoint, and one step, one subtree or the view as pictures. The composer and the writers load
 * on first use: most sessions never export a page.
 */

export type PageExport =
  'slides-pdf' | 'slides-pptx' | 'handout-pdf' | 'map-pdf' | 'step' | 'subtree' | 'view';

export interface PageExportRequest {
  readonly kind: PageExport;
  readonly theme: ThemeName;
  readonly caption: boolean;
  /** The paper of the map's PDF. */
  readonly page: PageName;
  /** Pictures of a step, a subtree or the view: PNG (a page pixel each) or SVG (font embedded). */
  readonly pictures: 'png' | 'svg';
  /** The step (from 1), the box whose subtree, the part of the map on screen. */
  readonly step?: number;
  readonly node?: NodeId;
  readonly view?: Rect;
  /** The Evaluate mode's statuses, drawn on every page's map with a legend. */
  readonly evaluation?: EvaluationMarks;
}

/** A file to download. */
export interface ExportedFile {
  readonly data: Blob;
  readonly name: string;
}

const PDF = 'application/pdf';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** How far an export has come: pages drawn of all. */
export type ExportProgress = (done: number, total: number) => void;

/**
 * The files an export gives, named after the map (`trenin-2010-slides.pdf`, `trenin-2010-step-05a.png` …).
 * Runs in the export worker (`export-worker.ts`): a deck's pictures take many seconds to draw.
 */
export async function exportPages(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  request: PageExportRequest,
  name: string,
  progress: ExportProgress = () => {},
): Promise<ExportedFile[]> {
  const doc = await composeFor(map, laidOut, request);
  switch (request.kind) {
    case 'slides-pdf':
      return [{ data: await pdf(doc), name: `${name}-slides.pdf` }];
    case 'handout-pdf':
      return [{ data: await pdf(doc), name: `${name}-handout.pdf` }];
    case 'map-pdf':
      return [{ data: await pdf(doc), name: `${name}.pdf` }];
    case 'slides-pptx':
      return [{ data: await pptx(doc, progress), name: `${name}.pptx` }];
    default:
      return pictures(doc, request, name);
  }
}

async function composeFor(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  request: PageExportRequest,
): Promise<ComposedDocument> {
  const compose = await import('../core/export/pages/compose.ts');
  const options = {
    theme: request.theme,
    caption: request.caption,
    ...(request.evaluation ? { evaluation: request.evaluation } : {}),
  };
  switch (request.kind) {
    case 'slides-pdf':
    case 'slides-pptx':
      return compose.composeDeck(map, options);
    case 'handout-pdf':
      return compose.composeHandout(map, options);
    case 'map-pdf':
      return compose.composeMap(map, { ...options, page: request.page });
    case 'step':
      return compose.composeStep(map, request.step ?? 1, options);
    case 'subtree':
      return compose.composeSubtreePicture(map, request.node!, options);
    case 'view':
      return compose.composeView(map, laidOut, request.view ?? laidOut.bounds, options);
  }
}

async function pdf(doc: ComposedDocument): Promise<Blob> {
  const [{ writePdf }, fonts] = await Promise.all([import('../core/export/pdf/write-pdf.ts'), fetchFonts()]);
  return new Blob([(await writePdf(doc, fonts)) as Uint8Array<ArrayBuffer>], { type: PDF });
}

/** A deck's slides are its pages drawn at 2× (3840×2160 for 16:9), sharp on any projector. */
async function pptx(doc: ComposedDocument, progress: ExportProgress): Promise<Blob> {
  const [{ writePptx }, { drawPictures }] = await Promise.all([
    import('../core/export/pptx/write-pptx.ts'),
    import('./page-pictures.ts'),
  ]);
  const pictures = await drawPictures(
    doc.pages.map((page) => page.svg),
    2,
    progress,
  );
  return new Blob([(await writePptx(doc, pictures)) as Uint8Array<ArrayBuffer>], { type: PPTX });
}

async function pictures(
  doc: ComposedDocument,
  request: PageExportRequest,
  name: string,
): Promise<ExportedFile[]> {
  const base = (i: number) => `${name}-${pictureName(request, doc.pages[i]!.label, i, doc.pages.length)}`;
  if (request.pictures === 'png') {
    const { drawPictures } = await import('./page-pictures.ts');
    const pngs = await drawPictures(
      doc.pages.map((page) => page.svg),
      1,
    );
    return pngs.map((png, i) => ({
      data: new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      name: `${base(i)}.png`,
    }));
  }
  const [{ embedPageFonts }, fonts] = await Promise.all([
    import('../core/export/pages/page-fonts.ts'),
    fetchFonts(),
  ]);
  return doc.pages.map((page, i) => ({
    data: new Blob([embedPageFonts(page.svg, fonts)], { type: 'image/svg+xml' }),
    name: `${base(i)}.svg`,
  }));
}

/** `step-05a`, `subtree-c3`, `view`; a number after the name when one export gives several files. */
function pictureName(
  request: PageExportRequest,
  label: string | undefined,
  i: number,
  count: number,
): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (request.kind === 'step' && label !== undefined) return stepFileStem(label);
  const base = request.kind === 'subtree' ? `subtree-${safe(request.node ?? '')}` : request.kind;
  return count > 1 ? `${base}-${two(i + 1)}` : base;
}

const safe = (id: string) => id.replace(/[^\p{L}\p{N}._-]+/gu, '-');

type WorkerReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly files: ExportedFile[] }
  | { readonly type: 'failed'; readonly message: string };

/** `exportPages` in a worker of its own, ended when the files are made. */
export function exportPagesInWorker(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  request: PageExportRequest,
  name: string,
  progress: ExportProgress,
): Promise<ExportedFile[]> {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ExportedFile[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return progress(reply.done, reply.total);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.files);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the export stopped'));
    };
    worker.postMessage({ map, laidOut, request, name });
  });
}
