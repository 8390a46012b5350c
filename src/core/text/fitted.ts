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
  let end = text.length;
  while (end > 0 && measure.width(`${text.slice(0, end).trimEnd()}…`, weight, size) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
