// `node --import ./preload.mjs …`: records what a process loads into the file named by ARGMAP_LOAD_LOG, one
// line each: `module <url>` for ES modules (hooks.mjs), `module <path>` for CommonJS modules (a native
// module required on demand, as the PNG renderer is, never passes the ES loader), `read <path>` for font
// files read. cli-lazy-load.test.ts reads the file back.
import fs from 'node:fs';
import Module, { register, syncBuiltinESMExports } from 'node:module';

const log = process.env.ARGMAP_LOAD_LOG;
if (log) {
  register('./hooks.mjs', import.meta.url);
  const isFont = (path) => /\.(ttf|otf|woff2?)$/i.test(String(path));
  const note = (path) => isFont(path) && fs.appendFileSync(log, `read ${path}\n`);
  for (const name of ['readFileSync', 'readFile', 'openSync', 'createReadStream']) {
    const original = fs[name];
    fs[name] = (path, ...rest) => (note(path), original.call(fs, path, ...rest));
  }
  const readPromise = fs.promises.readFile;
  fs.promises.readFile = (path, ...rest) => (note(path), readPromise.call(fs.promises, path, ...rest));
  // Named imports of node:fs (`import { readFileSync } from 'node:fs'`) see the wrapped functions too.
  syncBuiltinESMExports();
  process.on('exit', () => {
    const modules = Object.keys(Module._cache).map((path) => `module ${path}`);
    fs.appendFileSync(log, modules.join('\n') + '\n');
  });
}
