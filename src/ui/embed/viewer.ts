import { ArgmapView, defineElement } from './argmap-view.svelte.ts';

// The one-file HTML export's code: the element with its map inline, one module with nothing to fetch.
defineElement(ArgmapView);
