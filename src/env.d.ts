/** The package version, replaced at build time (vite.config.ts). */
declare const __ARGMAP_VERSION__: string;

/** The Trenin map, read, checked and laid out at build time (vite.config.ts). */
declare module 'virtual:default-map' {
  const prepared: import('./core/load.ts').LoadedMap & {
    readonly laidOut: import('./core/layout/types.ts').LaidOutMap;
  };
  export default prepared;
}
