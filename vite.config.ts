/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __ARGMAP_VERSION__: JSON.stringify(version) };

export default defineConfig(({ mode }) => {
  if (mode === 'bench') {
    // The benchmark runs the code as it ships (bundled and minified like the app), not through a dev loader.
    return {
      define,
      publicDir: false,
      build: {
        ssr: 'test/bench/run.ts',
        outDir: 'dist/bench',
        emptyOutDir: true,
        target: 'node20',
        minify: true,
        rollupOptions: { output: { entryFileNames: 'run.js' } },
      },
    };
  }
  if (mode === 'cli') {
    // The command-line tool: one ES module for Node, dependencies left as imports.
    return {
      define,
      publicDir: false,
      build: {
        ssr: 'src/cli/argmap.ts',
        outDir: 'dist/cli',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: true,
        rollupOptions: { output: { entryFileNames: 'argmap.js' } },
      },
    };
  }
  return {
    define,
    publicDir: 'static',
    plugins: [svelte(), svelteTesting()],
    build: { outDir: 'dist/app', target: 'es2022', sourcemap: true },
    test: {
      include: ['test/unit/**/*.test.ts', 'test/snapshot/**/*.test.ts'],
      environment: 'node',
    },
  };
});
