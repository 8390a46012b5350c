#!/usr/bin/env node
// The `argmap` command. Runs the CLI that `npm install` builds into dist/cli (see "prepare" in package.json).
import { existsSync } from 'node:fs';

const built = new URL('../../dist/cli/argmap.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'argmap: the CLI is not built yet; run "npm install" (or "npm run build:cli") first.\n',
  );
  process.exit(2);
}
await import(built.href);
