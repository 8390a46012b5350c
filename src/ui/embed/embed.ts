import { ArgmapView, defineElement, type Shown } from './argmap-view.svelte.ts';

/**
 * The embed bundle: `<argmap-view>` that also reads a map named by `src`, with the file reader loaded when a
 * `src` is read (most of the bundle's weight, and nothing an inline map needs).
 */
class ArgmapViewWithSrc extends ArgmapView {
  protected override async readSrc(src: string, base: string): Promise<Shown> {
    const { fetchMap } = await import('./fetch-map.ts');
    return fetchMap(src, base);
  }
}

defineElement(ArgmapViewWithSrc);
