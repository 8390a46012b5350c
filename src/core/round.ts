/** The decimals of a hundredth: '' for none, '.5' for fifty, '.05' for five. */
const DECIMALS = Array.from({ length: 100 }, (_, i) =>
  i === 0 ? '' : i % 10 === 0 ? `.${i / 10}` : `.${String(i).padStart(2, '0')}`,
);

/**
 * A coordinate rounded to 0.01 px, as text for SVG. Same output as String(Math.round(v * 100) / 100), several
 * times faster: whole numbers print from V8's number-string cache and the decimals come from a table (a large
 * map writes hundreds of thousands of coordinates, and number-to-string of fractions is slow).
 */
export function px(v: number): string {
  const r = Math.round(v * 100);
  if (!Number.isFinite(r)) return String(r);
  if (r < 0) {
    const f = -r % 100;
    return f === 0 ? String(r / 100) : `-${(-r - f) / 100}${DECIMALS[f]!}`;
  }
  const f = r % 100;
  return f === 0 ? String(r / 100) : `${(r - f) / 100}${DECIMALS[f]!}`;
}
