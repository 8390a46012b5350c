import { stripRows, type EncodedStrip } from '../core/export/png-encode.ts';
import type { StripJob, StripReply } from './png-strip-worker.ts';

/** The pixels in one strip: small enough that the last strip's encoding, which nothing overlaps, is short. */
const STRIP_PIXELS = 4_000_000;

/**
 * Workers that encode the strips of a large PNG at the same time (`png-strip-worker.ts`). They are started
 * before the picture is drawn, so that their code has loaded by the time the first strip is read back.
 */
export class StripEncoders {
  readonly #workers: Worker[];
  readonly #ready: Promise<unknown>;
  #failed: ((error: Error) => void) | undefined;

  constructor() {
    const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    this.#workers = Array.from(
      { length: count },
      () => new Worker(new URL('./png-strip-worker.ts', import.meta.url), { type: 'module' }),
    );
    this.#ready = Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.onmessage = () => resolve();
            worker.onerror = (event) => {
              const error = new Error(
                `The PNG could not be encoded: ${event.message || 'its worker failed'}`,
              );
              reject(error);
              this.#failed?.(error);
            };
          }),
      ),
    );
  }

  /**
   * Reads the picture back a strip at a time (`read(top, rows)` gives rows of RGBA pixels) and hands each
   * strip to the next worker, so that reading a strip and encoding the ones before it happen at once. Each
   * strip carries the row above it, which the "Up" filter of its first row needs.
   */
  async encode(
    width: number,
    height: number,
    opaque: boolean,
    read: (top: number, rows: number) => Uint8ClampedArray,
  ): Promise<EncodedStrip[]> {
    await this.#ready;
    const strips = stripRows(height, Math.ceil((width * height) / STRIP_PIXELS));
    const done: EncodedStrip[] = new Array(strips.length);
    return new Promise((resolve, reject) => {
      this.#failed = reject;
      let left = strips.length;
      for (const worker of this.#workers)
        worker.onmessage = ({ data }: MessageEvent<StripReply>) => {
          done[data.id] = data;
          if (--left === 0) resolve(done);
        };
      strips.forEach(({ from, to }, id) => {
        const top = Math.max(0, from - 1);
        const rgba = read(top, to - top);
        const last = id === strips.length - 1;
        const job: StripJob = { id, rgba, width, rows: to - from, hasAbove: from > 0, opaque, last };
        this.#workers[id % this.#workers.length]!.postMessage(job, [rgba.buffer]);
      });
    });
  }

  terminate(): void {
    for (const worker of this.#workers) worker.terminate();
  }
}
