import { nodeIo } from './io.ts';
import { runCli } from './main.ts';

/** Entry point of the built CLI (dist/cli/argmap.js, CommonJS: no top-level await). */
void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
