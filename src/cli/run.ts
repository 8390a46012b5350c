import { nodeIo } from './io.ts';
import { runCli } from './main.ts';

/** The CLI run on the command line's arguments (loaded by `argmap.ts`, the built CLI's entry). */
void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
