/** The part of svg-to-pdfkit's interface the PDF writer uses (the package has no types of its own). */
declare module 'svg-to-pdfkit' {
  /** How a font that the document lacks is to be imitated: slanted, or thickened by a stroke. */
  interface FontOptions {
    fauxItalic: boolean;
    fauxBold: boolean;
  }
  interface SvgToPdfOptions {
    /** The viewport, in the SVG's units. */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Takes the SVG's units for points (else a px is ¾ pt). */
    assumePt?: boolean;
    /** The name of a font registered in the document for a family, weight and style. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: FontOptions) => string;
    warningCallback?: (message: string) => void;
    precision?: number;
  }
  export default function SVGtoPDF(
    document: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
}
