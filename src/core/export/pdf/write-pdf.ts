import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { FontFiles } from '../embed-fonts.ts';
import { PIXELS_PER_POINT, type ComposedDocument, type ComposedPage } from '../pages/page.ts';
import { resolveStyles } from './resolve-styles.ts';

/**
 * A composed document as a PDF (docs/ARCHITECTURE.md, "Pages"): one PDF page per page, its SVG drawn as
 * vectors, its text real text in Inter, embedded and subset, so that it can be selected and searched. The
 * document's title and author are its metadata; a document of several pages has a bookmark per page.
 *
 * Pure: pdfkit runs in Node and in the browser alike (its package gives bundlers a browser build without
 * Node's modules), and nothing here reads a file: the fonts are the caller's bytes, and no standard PDF
 * font (whose metrics pdfkit would read from its own files) is ever used.
 */
export async function writePdf(document: ComposedDocument, fonts: FontFiles): Promise<Uint8Array> {
  const regular = unshaped(fonts.regular);
  const semibold = unshaped(fonts.semibold);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    // The default font (pdfkit takes a fontkit font as well as a file): without one pdfkit opens Helvetica,
    // from its own files.
    font: regular as unknown as string,
    info: {
      Title: document.title,
      ...(document.author ? { Author: document.author } : {}),
      Creator: 'argmap',
    },
    displayTitle: true,
  });
  pdf.registerFont(REGULAR, regular as unknown as Uint8Array);
  pdf.registerFont(SEMIBOLD, semibold as unknown as Uint8Array);
  pdf.font(REGULAR);
  const done = collect(pdf);
  for (const page of document.pages) {
    drawPage(pdf, page);
    if (document.pages.length > 1) pdf.outline.addItem(outlineTitle(page));
  }
  pdf.end();
  return done;
}

const REGULAR = 'Inter';
const SEMIBOLD = 'Inter-SemiBold';

/**
 * Without kerning, ligatures or contextual alternates: the layout measured every text so (with the font's
 * advance widths), and the page's style sheet draws it so (`font-kerning: none`,
 * `font-variant-ligatures: none`).
 */
const PLAIN_SHAPING: Readonly<Record<string, boolean>> = {
  kern: false,
  liga: false,
  clig: false,
  calt: false,
};

/** A font from its bytes, whose text pdfkit lays out as the layout measured it. */
function unshaped(bytes: Uint8Array): Font {
  const font = create(bytes as Parameters<typeof create>[0]) as Font;
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => layout(text, features ?? PLAIN_SHAPING, ...rest);
  return font;
}

/** A bookmark's title: the step's label before its title ("5b · Isn't the NRC enough?"). */
export const outlineTitle = (page: Pick<ComposedPage, 'title' | 'label'>): string =>
  page.label ? `${page.label} · ${page.title}` : page.title;

function drawPage(pdf: PDFKit.PDFDocument, page: ComposedPage): void {
  const { width, height } = page.size;
  pdf.addPage({ size: [width / PIXELS_PER_POINT, height / PIXELS_PER_POINT], margin: 0 });
  pdf.save();
  // The SVG is in page pixels, two to a point; svg-to-pdfkit takes its units for points (assumePt).
  pdf.scale(1 / PIXELS_PER_POINT);
  SVGtoPDF(pdf, resolveStyles(page.svg), 0, 0, {
    assumePt: true,
    width,
    height,
    fontCallback: (_family, bold, italic, options) => {
      // Every family is Inter: the pages draw nothing else, and a fallback would be a standard PDF font.
      // There is no italic face: a slanted upright one stands in for it.
      if (italic) options.fauxItalic = true;
      return bold ? SEMIBOLD : REGULAR;
    },
    warningCallback: (message) => {
      throw new Error(`PDF: ${message}`);
    },
  });
  pdf.restore();
}

/** The bytes pdfkit writes, once it has written them all. */
function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('error', reject);
    pdf.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      resolve(bytes);
    });
  });
}
