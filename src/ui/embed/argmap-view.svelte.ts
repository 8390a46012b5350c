import { mount, unmount } from 'svelte';
import { readViewerData } from '../../core/export/html/viewer-data.ts';
import type { ArgumentMap } from '../../core/model/types.ts';
import type { ThemeName } from '../../core/render/theme.ts';
import EmbedView from './EmbedView.svelte';
import EmbedMessage from './EmbedMessage.svelte';
import { addFonts } from './fonts.ts';

/** What the element shows: the map once read, else what is wrong (or that it is being read). */
export type Shown =
  { readonly map: ArgumentMap; readonly folded?: readonly string[] } | { readonly message: string };

const themeOf = (value: string | null): ThemeName =>
  value === 'dark' || value === 'print' ? value : 'light';

/**
 * `<argmap-view src="map.argmap.json" step="3" theme="dark" controls>`: a map drawn inside any page, in a
 * shadow root of its own (the page's styles do not reach it, nor its styles the page). The map is a data
 * block inside the element (`<script type="application/json">`, as `argmap export --format html` writes it)
 * or, in the embed bundle (`embed.ts`), `src`. This class alone is the one-file export's viewer, which
 * fetches nothing.
 */
export class ArgmapView extends HTMLElement {
  static observedAttributes = ['src', 'step', 'theme', 'controls'];
  readonly #root = this.attachShadow({ mode: 'open' });
  readonly #props = $state({
    map: undefined as ArgumentMap | undefined,
    message: 'Loading the map…',
    theme: 'light' as ThemeName,
    controls: false,
    step: undefined as string | undefined,
    folded: [] as readonly string[],
  });
  #mounted: Record<string, unknown> | undefined;
  #view: 'map' | 'message' | undefined;
  /** Counts the maps asked for, so that a slow `src` finishing after a later one does not replace it. */
  #asked = 0;

  connectedCallback(): void {
    addFonts();
    this.#readAttributes();
    if (!this.#props.map) void this.#load();
    this.#render();
  }

  disconnectedCallback(): void {
    if (this.#mounted) void unmount(this.#mounted);
    this.#mounted = undefined;
    this.#view = undefined;
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    this.#readAttributes();
    if (name === 'src') void this.#load();
  }

  #readAttributes(): void {
    this.#props.theme = themeOf(this.getAttribute('theme'));
    this.#props.controls = this.hasAttribute('controls');
    this.#props.step = this.getAttribute('step') ?? undefined;
  }

  async #load(): Promise<void> {
    const mine = ++this.#asked;
    const shown = await this.#read();
    if (mine !== this.#asked) return;
    if ('map' in shown) {
      this.#props.folded = shown.folded ?? [];
      this.#props.map = shown.map;
    } else {
      this.#props.map = undefined;
      this.#props.message = shown.message;
    }
    this.#render();
  }

  /** The map inline, else from `src`. */
  async #read(): Promise<Shown> {
    const block = this.querySelector('script[type="application/json"]');
    const src = this.getAttribute('src');
    if (block && !src) {
      const read = readViewerData(block.textContent ?? '');
      return read.type === 'data' ? { map: read.data.map } : { message: read.message };
    }
    if (!src) return { message: 'No map: give the element a src attribute.' };
    return this.readSrc(src, document.baseURI);
  }

  /** A map named by `src`; the embed bundle reads it, the one-file viewer has its map inline only. */
  protected async readSrc(src: string, _base: string): Promise<Shown> {
    return { message: `This viewer shows the map inside its page, not ${src}.` };
  }

  /** The map's view, or the message in its place; each mounted once and then updated through its props. */
  #render(): void {
    const view = this.#props.map ? 'map' : 'message';
    if (view === this.#view) return;
    if (this.#mounted) void unmount(this.#mounted);
    this.#root.replaceChildren();
    this.#view = view;
    const props = this.#props;
    this.#mounted =
      view === 'map'
        ? mount(EmbedView, {
            target: this.#root,
            props: {
              get map() {
                return props.map!;
              },
              get theme() {
                return props.theme;
              },
              get controls() {
                return props.controls;
              },
              get step() {
                return props.step;
              },
              get folded() {
                return props.folded;
              },
            },
          })
        : mount(EmbedMessage, {
            target: this.#root,
            props: {
              get message() {
                return props.message;
              },
            },
          });
  }
}

/** Defines the element once, whichever bundles of it a page loads. */
export const defineElement = (element: typeof ArgmapView): void => {
  if (!customElements.get('argmap-view')) customElements.define('argmap-view', element);
};
