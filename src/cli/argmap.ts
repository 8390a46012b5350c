import { nodeIo } from './io.ts';
import { runCli } from './main.ts';

/** Entry point of the built CLI (dist/cli/argmap.js). */
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
