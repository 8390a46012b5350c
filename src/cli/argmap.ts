import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useCodeCache } from './code-cache.ts';

/**
 * Entry point of the built CLI (dist/cli/argmap.js, CommonJS: no top-level await). The CLI itself is a chunk
 * of its own (`run.ts`), loaded once the chunks' code cache is in place (`code-cache.ts`).
 */
useCodeCache(dirname(fileURLToPath(import.meta.url)));
void import('./run.ts');
