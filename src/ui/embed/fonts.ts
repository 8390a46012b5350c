/**
 * The map is laid out with Inter's metrics, so it is drawn in Inter: the element declares the font on the
 * page (a font declared inside a shadow root is not used), from the files beside its script, once. A page
 * that declares it already (the one-file HTML export, with the fonts inline) is left as it is.
 */
export function addFonts(): void {
  if (document.querySelector('style[data-argmap-fonts]')) return;
  // A variable, not `import.meta.url` in the call: the bundler would copy the fonts into the script.
  const here = import.meta.url;
  const face = (weight: number, file: string) =>
    `@font-face{font-family:'Inter';font-weight:${weight};font-style:normal;font-display:swap;` +
    `src:url('${new URL(`fonts/${file}`, here).href}') format('woff2')}`;
  const style = document.createElement('style');
  style.dataset.argmapFonts = '';
  style.textContent = [face(400, 'Inter-Regular-core.woff2'), face(600, 'Inter-SemiBold-core.woff2')].join(
    '\n',
  );
  document.head.append(style);
}
