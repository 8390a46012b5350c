/** The package version, replaced at build time (vite.config.ts). */
declare const __ARGMAP_VERSION__: string;
