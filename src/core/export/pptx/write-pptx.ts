import PptxGenJS from 'pptxgenjs';
import { captionHeight, PAGE_MARGIN } from '../pages/page-svg.ts';
import { PIXELS_PER_POINT, type ComposedDocument, type ComposedPage, type PageSize } from '../pages/page.ts';
import { toBase64 } from '../../share/base64url.ts';

/**
 * The PowerPoint writer (docs/ARCHITECTURE.md, "Pages"): a slide per composed page, the page's picture
 * filling it, the page's title as the slide's title, the step's speaker note as the slide's notes.
 *
 * The pictures are PNGs drawn by the caller (resvg in Node, its WebAssembly build in the browser), so that
 * this module stays pure and the slides look exactly like the PNG and PDF exports.
 */

/** Page pixels per inch: two per PDF point, 72 points to the inch. */
const PIXELS_PER_INCH = 72 * PIXELS_PER_POINT;

/** The one slide layout's name; it carries the title placeholder every slide fills. */
const MASTER = 'argmap page';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PowerPoint's largest slide side; a larger page (a picture cut to a big map) is scaled down to it. */
const MAX_SLIDE_INCHES = 56;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The slide: the first page's size, and the inches a page pixel takes on it. */
interface SlideFrame {
  readonly size: PageSize;
  readonly inch: number;
}

function frameOf(size: PageSize): SlideFrame {
  const longest = Math.max(size.width, size.height) / PIXELS_PER_INCH;
  return { size, inch: Math.min(1, MAX_SLIDE_INCHES / longest) / PIXELS_PER_INCH };
}

const boxIn = (frame: SlideFrame, x: number, y: number, w: number, h: number): Box => ({
  x: x * frame.inch,
  y: y * frame.inch,
  w: w * frame.inch,
  h: h * frame.inch,
});

/**
 * Where the title placeholder sits: over the caption's line at the page's foot, where the picture draws the
 * same title. It lies beneath the picture, so nothing is seen twice; should the picture be moved or deleted,
 * the title shows where it was drawn.
 */
function titleBox(frame: SlideFrame): Box {
  const { width, height } = frame.size;
  const band = captionHeight({}, width);
  return boxIn(
    frame,
    PAGE_MARGIN,
    height - PAGE_MARGIN - band,
    width - 2 * PAGE_MARGIN,
    band + PAGE_MARGIN / 2,
  );
}

/** The picture of a page on the slide: the whole slide, or centred in it when their shapes differ. */
function pictureBox(page: PageSize, frame: SlideFrame): Box {
  const slide = frame.size;
  const scale = Math.min(slide.width / page.width, slide.height / page.height);
  const width = page.width * scale;
  const height = page.height * scale;
  return boxIn(frame, (slide.width - width) / 2, (slide.height - height) / 2, width, height);
}

/** What the picture shows, for a reader who cannot see it: the page's title, then the texts of its boxes. */
function altTextOf(page: ComposedPage): string {
  return xmlText([page.title, page.texts.join(' ')].filter(Boolean).join('. '));
}

/**
 * The text without the characters XML 1.0 forbids: pptxgenjs escapes what it writes but keeps those, and a
 * control character in a label or a note must not make the file unreadable.
 */
const xmlText = (text: string) =>
  // eslint-disable-next-line no-control-regex -- these very characters are what is removed
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

function checkPictures(doc: ComposedDocument, pictures: readonly Uint8Array[]): void {
  if (doc.pages.length === 0) throw new Error('a PowerPoint file needs at least one page');
  if (pictures.length !== doc.pages.length)
    throw new Error(`${doc.pages.length} pages but ${pictures.length} pictures`);
  pictures.forEach((picture, i) => {
    if (!PNG_SIGNATURE.every((byte, j) => picture[j] === byte))
      throw new Error(`the picture of page ${i + 1} is not a PNG`);
  });
}

/**
 * Writes a composed document as a PowerPoint file: one slide per page, its picture (`pictures[i]`, a PNG of
 * page i, best at scale 2) filling the slide. A presentation has one slide size, the first page's (at most
 * PowerPoint's 56 inches a side); a page of another shape is centred on its slide.
 */
export async function writePptx(doc: ComposedDocument, pictures: readonly Uint8Array[]): Promise<Uint8Array> {
  checkPictures(doc, pictures);
  const frame = frameOf(doc.pages[0]!.size);
  const pptx = new PptxGenJS();
  const { width, height } = frame.size;
  pptx.defineLayout({ name: 'argmap', width: width * frame.inch, height: height * frame.inch });
  pptx.layout = 'argmap';
  pptx.title = xmlText(doc.title);
  pptx.author = xmlText(doc.author ?? '');
  pptx.company = '';
  pptx.subject = '';
  pptx.defineSlideMaster({
    title: MASTER,
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...titleBox(frame),
            fontFace: 'Inter',
            fontSize: 12,
            bold: true,
            align: 'left',
            valign: 'bottom',
            margin: 0,
          },
        },
      },
    ],
  });
  doc.pages.forEach((page, i) => {
    const slide = pptx.addSlide({ masterName: MASTER });
    // Added first, so drawn first: the title is beneath the picture and first in the reading order.
    slide.addText(xmlText(page.title), { placeholder: 'title' });
    slide.addImage({
      data: `image/png;base64,${toBase64(pictures[i]!)}`,
      ...pictureBox(page.size, frame),
      altText: altTextOf(page),
    });
    if (page.note) slide.addNotes(xmlText(page.note));
  });
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
