/**
 * Text fetched from this site with a limit in bytes, checked while it downloads: for `?map=` (open-map.ts)
 * and for the source text a map names, which the reading worker fetches (load-worker.ts).
 */

/** The largest source text read (the command line's limit too). */
const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;

/** A response's body as text, or undefined (and the download stopped) once it passes `limit` bytes. */
export async function readUpTo(response: Response, limit: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    void response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    bytes += part.value.byteLength;
    if (bytes > limit) {
      void reader!.cancel();
      return undefined;
    }
    chunks.push(part.value);
  }
  const whole = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) whole.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return new TextDecoder().decode(whole);
}

/**
 * A map's source text file fetched beside it: refused with the reason when missing (a 404, or the site's
 * own page in its place) or larger than the command line's limit for source texts (README.md).
 */
export async function fetchSourceText(url: URL): Promise<string> {
  const response = await fetch(url).catch(() => undefined);
  const page = /^text\/html\b/i.test(response?.headers.get('content-type') ?? '');
  if (!response || response.status === 404 || (response.ok && page)) throw new Error('no such file');
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const text = await readUpTo(response, MAX_TEXT_FILE_BYTES);
  if (text === undefined) throw new Error(`it is larger than ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB`);
  return text;
}
