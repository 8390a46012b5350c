import { sliceRange } from '../../core/text/font-slices.ts';

/**
 * The map is laid out with Inter's metrics, so it is drawn in Inter: the element declares the font on the
 * page (a font declared inside a shadow root is not used), from the files beside its script, once. A page
 * that declares it already (the one-file HTML export, with the fonts inline) is left as it is.
 */
export function addFonts(): void {
  if (document.querySelector('style[data-argmap-fonts]')) return;
  // A variable, not `import.meta.url` in the call: the bundler would copy the fonts into the script.
  const here = import.meta.url;
  // Each slice with its range (font-slices.ts): the browser fetches the extended one only for a map that
  // shows one of its characters.
  const face = (weight: number, name: string, slice: 'core' | 'extended') =>
    `@font-face{font-family:'Inter';font-weight:${weight};font-style:normal;font-display:swap;` +
    `src:url('${new URL(`fonts/Inter-${name}-${slice}.woff2`, here).href}') format('woff2');` +
    `unicode-range:${sliceRange(slice)}}`;
  const style = document.createElement('style');
  style.dataset.argmapFonts = '';
  style.textContent = (['core', 'extended'] as const)
    .flatMap((slice) => [face(400, 'Regular', slice), face(600, 'SemiBold', slice)])
    .join('\n');
  document.head.append(style);
}
