import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/**
 * V8's compiled code for the CLI's own chunks, kept beside each chunk as `<chunk>.cache`. A command is
 * mostly start-up, and much of that is V8 parsing and compiling the code it runs; with the cache it starts
 * from the compiled code (docs/ARCHITECTURE.md, "Performance"). The caches are written when the CLI is built
 * (`npm run build:cli` runs commands with ARGMAP_CODE_CACHE=write, `src/cli/write-code-cache.mjs`), by the
 * Node that will run it, and never at run time. V8 refuses a cache that another version of it made, or one
 * that does not match its file; the chunk is then compiled as usual. Node 22 does the same with
 * `module.enableCompileCache`, which Node 20 lacks.
 *
 * ARGMAP_CODE_CACHE: `write` (make the caches of the chunks a run compiles, unless one is there), `off`
 * (compile as usual), `report` (say on standard error how many caches were used and refused).
 */
export function useCodeCache(folder: string, mode = process.env['ARGMAP_CODE_CACHE']): void {
  if (mode === 'off') return;
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;
  const compiled: { script: vm.Script; cache: string }[] = [];
  let used = 0;
  let refused = 0;
  internals.prototype._compile = function (this: CommonJsModule, content: string, filename: string) {
    // A chunk with a dynamic import() is compiled by Node: vm would need an import callback, which a script
    // read from a cache loses. The bundler turns the CLI's own import()s into require()s.
    if (dirname(filename) !== folder || content.includes('import('))
      return compile.call(this, content, filename);
    const cache = `${filename}.cache`;
    const cachedData = readCache(cache);
    const script = new vm.Script(internals.wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    if (cachedData === undefined) {
      if (mode === 'write') compiled.push({ script, cache });
    } else if (script.cachedDataRejected) refused++;
    else used++;
    return runWrapped(this, script, filename, internals);
  };
  // The caches are made after the run, so that they hold what the command compiled as it went.
  if (mode === 'write')
    process.on('exit', () => {
      for (const { script, cache } of compiled) writeFileSync(cache, script.createCachedData());
    });
  if (mode === 'report')
    process.on('exit', () => process.stderr.write(`code cache: ${used} used, ${refused} refused\n`));
}

/** A chunk's cache, if it has one. */
function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Runs a chunk's CommonJS wrapper as Node's loader does, with the module's own `require`. */
function runWrapped(module: CommonJsModule, script: vm.Script, filename: string, internals: ModuleInternals) {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const require = Object.assign((id: string) => module.require(id), {
    resolve: (request: string) => internals._resolveFilename(request, module),
    cache: internals._cache,
    main: (process as { mainModule?: unknown }).mainModule,
  });
  return wrapper.call(module.exports, module.exports, require, module, filename, dirname(filename));
}

/** What of a CommonJS module the wrapper is given. */
interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
}

/** The parts of Node's CommonJS loader that a compile hook uses (not in its typings). */
interface ModuleInternals {
  prototype: { _compile(this: CommonJsModule, content: string, filename: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: CommonJsModule): string;
  _cache: Record<string, unknown>;
}
