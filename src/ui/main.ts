import { mount } from 'svelte';
import App from './App.svelte';
import { noteAppRan } from './first-frame.ts';
import './fonts.css';
import './app.css';

// The layout does not wait for the bundled font: it measures with the font's metrics, shipped with the code
// (src/core/text/font-metrics.generated.ts), so boxes are sized exactly before the font file arrives. The font is preloaded
// (index.html) and its text shows as soon as it is there (font-display: block: never in a fallback font).
mount(App, { target: document.getElementById('app')! });
// The next visit loads this code from the cache and skips the prerendered first frame (first-frame.ts).
noteAppRan(import.meta.url);
