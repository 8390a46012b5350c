import type { Rect } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { ThemeName } from '../core/render/theme.ts';

/** What a printed map says under it: its title, and where its argument comes from. */
export interface PrintCaption {
  readonly title: string | undefined;
  /** Author, publisher and date of the source (its title too, when the map's own title differs). */
  readonly source: string | undefined;
}

export function printCaption(map: ArgumentMap): PrintCaption {
  const source = map.source;
  const title = map.title ?? source?.title;
  const parts = [
    source?.title !== title ? source?.title : undefined,
    source?.author,
    source?.publisher,
    source?.date,
  ].filter((part): part is string => !!part?.trim());
  return { title, source: parts.length > 0 ? parts.join(', ') : undefined };
}

/** Paper is white: a map shown dark prints in the light theme; the others print as they are shown. */
export const printTheme = (theme: ThemeName): ThemeName => (theme === 'dark' ? 'light' : theme);

/** A wide map prints across the page, a tall one down it; the paper size stays the one the reader chose. */
export const pageOrientation = (bounds: Rect): 'landscape' | 'portrait' =>
  bounds.width >= bounds.height ? 'landscape' : 'portrait';
