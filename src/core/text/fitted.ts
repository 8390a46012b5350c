import type { TextMeasurer } from './measure.ts';

/** The text, cut with an ellipsis to fit `width` when it is wider. */
export function fitted(
  text: string,
  width: number,
  size: number,
  weight: 'regular' | 'semibold',
  measure: TextMeasurer,
): string {
  if (measure.width(text, weight, size) <= width) return text;
  const cut = (end: number) => `${text.slice(0, end).trimEnd()}…`;
  // The longest cut that fits, by bisection: a title may be a megabyte long, and measuring every shorter
  // cut in turn would take hours.
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure.width(cut(mid), weight, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}
