/**
 * Raw deflate (RFC 1951) through the platform's CompressionStream, which browsers and Node both have: no
 * library for a few lines of code, and the inflated size is counted while it streams, so that a small link
 * cannot unpack into gigabytes.
 */

export class InflatedTooLarge extends Error {
  override name = 'InflatedTooLarge';
}

export const deflate = (bytes: Uint8Array): Promise<Uint8Array> =>
  through(new CompressionStream('deflate-raw'), bytes, Infinity);

/** Rejects with InflatedTooLarge past `limit` bytes, with a TypeError when the data is not deflate. */
export const inflate = (bytes: Uint8Array, limit: number): Promise<Uint8Array> =>
  through(new DecompressionStream('deflate-raw'), bytes, limit);

async function through(
  stream: CompressionStream | DecompressionStream,
  input: Uint8Array,
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written while it is read: a stream holds little, and writing all before reading would stall.
  const writing = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // A broken input fails both sides; the reading side reports it.
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new InflatedTooLarge(`more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  await writing;
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
