import { mount } from 'svelte';
import App from './App.svelte';
import './fonts.css';
import './app.css';

// Lay out only once the bundled font is there: the layout is computed from its metrics.
await Promise.allSettled([document.fonts.load('400 14px Inter'), document.fonts.load('600 14px Inter')]);
mount(App, { target: document.getElementById('app')! });
