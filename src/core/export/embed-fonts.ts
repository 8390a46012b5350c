import type { LaidOutMap } from '../layout/types.ts';
import { relationWords } from '../render/theme.ts';
import { subsetFont } from './font-subset.ts';
import { toBase64 } from '../share/base64url.ts';

/** The bundled font files (TrueType), read by the caller: from disk in the CLI, by fetch in the browser. */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly semibold: Uint8Array;
}

/**
 * Puts the font into an exported SVG, subset to the characters the picture uses, so that its text looks the
 * same in any viewer (Inkscape, slide tools) without Inter installed. The data: URL is part of the file, not
 * an external reference.
 */
export function embedFonts(
  svg: string,
  laidOut: LaidOutMap,
  fonts: FontFiles,
  moreText: readonly string[] = [],
): string {
  const used = new Set<number>();
  const add = (text: string) => {
    for (const c of text) used.add(c.codePointAt(0)!);
  };
  add(' +−0123456789…');
  Object.values(relationWords).forEach(add);
  for (const node of laidOut.nodes) {
    [node.label, ...node.titleLines, ...node.textLines].forEach(add);
    if (node.speaker !== undefined) add(node.speaker);
  }
  for (const group of laidOut.groups) add(group.title);
  moreText.forEach(add);
  return svg.replace('<style>', `<style>${embedFontFaces(used, fonts)}`);
}

/** The two weights of Inter as CSS font faces, each subset to the characters `used`. */
export function embedFontFaces(used: ReadonlySet<number>, fonts: FontFiles): string {
  const face = (data: Uint8Array, weight: number) =>
    `@font-face{font-family:Inter;font-weight:${weight};src:url(data:font/ttf;base64,${toBase64(subsetFont(data, used))}) format("truetype")}`;
  return `${face(fonts.regular, 400)}${face(fonts.semibold, 600)}`;
}
