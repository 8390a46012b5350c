import { compiledResvg, fetchFonts, svgToPng, TooLargeError } from './export.ts';
import type { PictureJob, PictureReply, PictureSetup } from './png-worker.ts';

/** Most picture workers a deck is drawn on: each holds resvg and a full-size picture while it draws. */
const MOST_WORKERS = 4;

/**
 * Pages drawn as PNG at `scale`, in order, on as many workers as the machine has cores (up to
 * MOST_WORKERS): drawing a deck's slides at twice their size is seconds of work per core, and the pages are
 * independent. Where workers cannot be started (or one core is all there is) they are drawn here, one by one.
 * `progress` hears how many are done.
 */
export async function drawPictures(
  svgs: readonly string[],
  scale: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<Uint8Array[]> {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  const count = Math.min(svgs.length, cores, MOST_WORKERS);
  if (count <= 1 || typeof Worker === 'undefined') return drawHere(svgs, scale, progress);
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL('./png-worker.ts', import.meta.url), { type: 'module' }),
  );
  try {
    const setup: PictureSetup = { module: await compiledResvg(), fonts: await fetchFonts() };
    for (const worker of workers) worker.postMessage(setup);
    const out = new Array<Uint8Array>(svgs.length);
    let next = 0;
    let done = 0;
    progress(0, svgs.length);
    await Promise.all(
      workers.map(async (worker) => {
        for (let id = next++; id < svgs.length; id = next++) {
          out[id] = await drawOn(worker, { id, svg: svgs[id]!, scale });
          progress(++done, svgs.length);
        }
      }),
    );
    return out;
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

async function drawHere(
  svgs: readonly string[],
  scale: number,
  progress: (done: number, total: number) => void,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const svg of svgs) {
    progress(out.length, svgs.length);
    out.push(new Uint8Array(await (await svgToPng(svg, scale)).arrayBuffer()));
  }
  return out;
}

/** One page on one worker (a worker is given its next page only when it has handed back the last). */
function drawOn(worker: Worker, job: PictureJob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PictureReply>) => {
      const reply = event.data;
      if ('png' in reply) resolve(reply.png);
      else if (reply.suggestedScale !== undefined) reject(new TooLargeError(reply.suggestedScale));
      else reject(new Error(reply.failed));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'a page could not be drawn'));
    worker.postMessage(job);
  });
}
