export * from './types.ts';
export * from './map-index.ts';
export * from './graph.ts';
export * from './roles.ts';
export * from './cycles.ts';
