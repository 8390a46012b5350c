// Module loader hooks (run on the loader's own thread): every module Node's ES module loader loads, the
// built CLI's chunks and the packages it imports, appended to the file named by ARGMAP_LOAD_LOG.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.ARGMAP_LOAD_LOG) appendFileSync(process.env.ARGMAP_LOAD_LOG, `module ${url}\n`);
  return nextLoad(url, context);
}
