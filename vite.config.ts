/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { createServer, defineConfig, type Plugin, type UserConfig } from 'vite';
import { layoutMap } from './src/core/layout/layout.ts';
import { loadMapText } from './src/core/load.ts';
import type { LaidOutMap } from './src/core/layout/types.ts';
import type { ArgumentMap } from './src/core/model/types.ts';
import { firstFrameGate, firstFrameHtml } from './src/ui/first-frame-html.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __ARGMAP_VERSION__: JSON.stringify(version) };

/**
 * The maps and source texts of data/ are served at /maps/ (in development and in the build), so that
 * `?map=/maps/example.argmap.json` opens them.
 */
function serveMaps(): Plugin {
  const folder = new URL('./data/', import.meta.url);
  const files = () => readdirSync(folder).filter((name) => /\.(json|txt)$/.test(name));
  return {
    name: 'argmap-serve-maps',
    configureServer(server) {
      server.middlewares.use('/maps', (request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!files().includes(name)) return next();
        response.setHeader(
          'Content-Type',
          name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json',
        );
        response.end(readFileSync(new URL(name, folder)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({
          type: 'asset',
          fileName: `maps/${name}`,
          source: readFileSync(new URL(name, folder)),
        });
      }
    },
  };
}

/**
 * `virtual:default-map`: the Trenin map the app opens with, read, checked and laid out when the app is built,
 * by the same core code the app runs (the layout is deterministic, and measures with the font's metrics, the
 * same in Node as in the browser). The first visit then neither loads the file reader and its schema
 * library nor spends its first frames on work whose result is known. The same map's first frame is drawn into
 * index.html's mount point (`src/ui/first-frame-html.ts`), so that the page shows it before any script runs.
 */
function defaultMap(): Plugin {
  const id = 'virtual:default-map';
  const folder = new URL('./data/', import.meta.url);
  const file = new URL('trenin-2010.argmap.json', folder);
  const mountPoint = '<div id="app"></div>';
  const prepare = async (fail: (message: string) => never) => {
    const loaded = await loadMapText(readFileSync(file, 'utf8'), async (path) =>
      readFileSync(new URL(path, folder), 'utf8'),
    );
    if (!loaded.valid || !loaded.map)
      return fail(`data/trenin-2010.argmap.json: ${loaded.problems.map((p) => p.message).join('; ')}`);
    return { ...loaded, map: loaded.map, laidOut: layoutMap(loaded.map) };
  };
  return {
    name: 'argmap-default-map',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(fileURLToPath(file));
      this.addWatchFile(fileURLToPath(new URL('trenin-2010.txt', folder)));
      const prepared = await prepare((message) => this.error(message));
      // JSON.parse of a string literal: parsed faster than the same object written as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(prepared))});`;
    },
    async transformIndexHtml(html) {
      const fail = (message: string): never => {
        throw new Error(message);
      };
      if (!html.includes(mountPoint))
        fail(`index.html: no empty mount point ${mountPoint} for the first frame`);
      const { map, laidOut } = await prepare(fail);
      // Should the toolbar ask for something the stand-ins below lack (a new control), the build goes on with a
      // plain toolbar, as tall as the app's when it takes one row, and says so; first-frame.spec.ts then fails
      // where the app's toolbar wraps.
      const toolbar = await toolbarHtml(map, laidOut).catch((error: unknown) => {
        console.warn(`argmap: the first frame has a plain toolbar: ${String(error)}`);
        return undefined;
      });
      const gate = firstFrameGate(entryScript(html));
      return allowScript(html, gate).replace(
        mountPoint,
        `<script>${gate}</script>\n<div id="app">\n${firstFrameHtml(map, laidOut, toolbar)}\n</div>`,
      );
    },
  };
}

/** The path of the app's module script in index.html (the built one's, hashed, in a build). */
function entryScript(html: string): string {
  const sources = [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
  const entry = sources.filter((src) => !src.startsWith('/@')).at(-1);
  if (entry === undefined) throw new Error('index.html: no module script for the app');
  return entry;
}

/** index.html with its Content-Security-Policy allowing one inline script more, by the script's hash. */
function allowScript(html: string, script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  const policy = /(http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/;
  if (!policy.test(html)) throw new Error("index.html: no Content-Security-Policy with script-src 'self'");
  return html.replace(policy, `$1 'sha256-${hash}'`);
}

/**
 * `vite preview` serves the build as a host should: the files under assets/, whose names carry a hash of their
 * content, are cached for good (a returning visitor's browser does not ask for them again); the rest, index.html
 * first, is asked for again each visit (README, "Install and run").
 */
function cacheHashedAssets(): Plugin {
  return {
    name: 'argmap-cache-hashed-assets',
    configurePreviewServer(server) {
      const assets = `${server.config.base}${server.config.build.assetsDir}/`;
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(assets))
          response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/**
 * The viewer bundles (`npm run build:embed`, built before the app) served with the app: `/embed/` for pages
 * that embed `<argmap-view>` (static/embed-example.html), `/viewer/` for the Export menu's one HTML file.
 */
function viewerBundles(): Plugin {
  const dist = new URL('./dist/', import.meta.url);
  const files = () =>
    ['embed', 'viewer'].flatMap((folder) =>
      existsSync(new URL(folder, dist))
        ? readdirSync(new URL(folder, dist), { recursive: true, encoding: 'utf8' })
            .map((name) => `${folder}/${name}`)
            .filter((name) => statSync(new URL(name, dist)).isFile())
        : [],
    );
  const types: Record<string, string> = { js: 'text/javascript', woff2: 'font/woff2', txt: 'text/plain' };
  return {
    name: 'argmap-viewer-bundles',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!files().includes(name)) return next();
        response.setHeader('Content-Type', types[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
        response.end(readFileSync(new URL(name, dist)));
      });
    },
    generateBundle() {
      for (const name of files())
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(new URL(name, dist)) });
    },
  };
}

/**
 * The app's own toolbar for the default map, rendered by Svelte on the server (a Vite server of its own loads
 * the component for that), for the first frame: with the same controls and the same scoped styles it wraps,
 * and so is as tall, as the app's at every width, and the map below it does not move when the app takes over.
 */
async function toolbarHtml(map: ArgumentMap, laidOut: LaidOutMap): Promise<string> {
  const server = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [svelte()],
    define,
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
  });
  try {
    const { render } = (await server.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
    const { default: Toolbar } = await server.ssrLoadModule('/src/ui/Toolbar.svelte');
    const levels = Math.max(...laidOut.nodes.map((n) => n.depth)) + 1;
    const nothing = () => undefined;
    const props = {
      session: { map, loaded: undefined, editing: false, name: 'argmap' },
      view: {
        filter: { roles: [], group: '', tag: '' },
        filtered: undefined,
        levels: () => levels,
        collapsed: new Set(),
        selected: undefined,
      },
      show: {},
      laidOut,
      evaluation: { on: false, assumptions: new Map() },
      zoom: nothing,
      theme: 'light',
      onkeys: nothing,
    };
    // Without the markers Svelte leaves for hydration: the app mounts its own toolbar, it does not hydrate this one.
    return render(Toolbar, { props } as never).body.replace(/<!--[\s\S]*?-->/g, '');
  } finally {
    await server.close();
  }
}

/**
 * A bundle for Node, dependencies left as imports; what it imports with `import()` becomes chunks beside it,
 * loaded when that code runs. Beside it, not in a subfolder: the CLI finds the fonts by a path relative to
 * its own file, whichever chunk that code lands in.
 *
 * The CLI is CommonJS (a `package.json` beside its files says so): Node 20 loads a handful of CommonJS
 * chunks synchronously, where its ES module loader resolves, fetches and links each one asynchronously, and
 * a command is mostly start-up. The benchmark stays an ES module (it awaits at its top level).
 */
const nodeBundle = (
  entry: string,
  outDir: string,
  file: string,
  { minify, commonJs }: { minify: boolean; commonJs: boolean },
): UserConfig => ({
  define,
  publicDir: false,
  // zod's package is a hundred modules that take Node longer to find and link than the checks take to run;
  // bundled, the command loads only the part it uses, in one chunk.
  ssr: { noExternal: ['zod'] },
  plugins: commonJs ? [commonJsPackage()] : [],
  build: {
    ssr: entry,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify,
    sourcemap: !minify,
    rollupOptions: {
      output: {
        format: commonJs ? 'cjs' : 'es',
        entryFileNames: file,
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});

/** The `package.json` that makes Node read the `.js` files beside it as CommonJS (the project's are ES). */
function commonJsPackage(): Plugin {
  return {
    name: 'argmap-commonjs-package',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' });
    },
  };
}

/**
 * `<argmap-view>` as a library (src/ui/embed/), its styles going into the element's shadow root with it:
 * `embed`, one ES module for any page, with the fonts beside it and the file reader as a chunk loaded for a
 * `src` map; `viewer`, the same element with inline maps only, in one file, the code of the one-file HTML
 * export.
 */
const embedBundle = (entry: string, outDir: string, fileName: string): UserConfig => ({
  define: { ...define, 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  plugins: [
    svelte({ emitCss: false, compilerOptions: { css: 'injected' } }),
    ...(outDir === 'dist/embed' ? [embedFonts()] : []),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry, formats: ['es'], fileName: () => fileName },
    rollupOptions: { output: { chunkFileNames: '[name]-[hash].js', minify: true } },
  },
});

/** The font slices the element declares (src/ui/embed/fonts.ts), and their licence, beside its script. */
function embedFonts(): Plugin {
  const names = [
    'Inter-Regular-core.woff2',
    'Inter-SemiBold-core.woff2',
    'Inter-Regular-extended.woff2',
    'Inter-SemiBold-extended.woff2',
    'OFL.txt',
  ];
  return {
    name: 'argmap-embed-fonts',
    generateBundle() {
      for (const name of names)
        this.emitFile({
          type: 'asset',
          fileName: `fonts/${name}`,
          source: readFileSync(new URL(`./static/fonts/${name}`, import.meta.url)),
        });
    },
  };
}

export default defineConfig(({ mode }) => {
  // The command-line tool.
  if (mode === 'cli')
    return nodeBundle('src/cli/argmap.ts', 'dist/cli', 'argmap.js', { minify: false, commonJs: true });
  // The benchmark runs the code as it ships (bundled and minified like the app), not through a dev loader.
  if (mode === 'bench')
    return nodeBundle('test/bench/run.ts', 'dist/bench', 'run.js', { minify: true, commonJs: false });
  if (mode === 'embed') return embedBundle('src/ui/embed/embed.ts', 'dist/embed', 'argmap-view.js');
  if (mode === 'viewer') return embedBundle('src/ui/embed/viewer.ts', 'dist/viewer', 'argmap-viewer.js');
  return {
    define,
    publicDir: 'static',
    // The export worker loads its writers on demand: module workers, whose chunks can be split.
    worker: { format: 'es' },
    plugins: [svelte(), svelteTesting(), serveMaps(), defaultMap(), viewerBundles(), cacheHashedAssets()],
    build: {
      outDir: 'dist/app',
      target: 'es2022',
      sourcemap: true,
      // The PDF writer (pdfkit with its font engine) is one chunk of about 600 kB, loaded on the first PDF
      // export only; the warning is for chunks a page loads at once.
      chunkSizeWarningLimit: 650,
    },
    test: {
      include: ['test/unit/**/*.test.ts', 'test/snapshot/**/*.test.ts'],
      environment: 'node',
    },
  };
});
