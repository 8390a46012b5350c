/**
 * Base64url without padding (RFC 4648, section 5): the alphabet a URL's fragment carries as it is, so that a
 * share link needs no percent-escapes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, value) => [char, value]));
/** Each alphabet's characters as codes, written straight into the output. */
const codesOf = (alphabet: string) => Uint8Array.from(alphabet, (char) => char.charCodeAt(0));
const URL_CODES = codesOf(ALPHABET);
const PLAIN_CODES = codesOf(ALPHABET.slice(0, 62) + '+/');

export const toBase64Url = (bytes: Uint8Array): string => encode(bytes, URL_CODES, false);

/** Plain base64 with padding, as `data:` addresses take it. */
export const toBase64 = (bytes: Uint8Array): string => encode(bytes, PLAIN_CODES, true);

/**
 * The characters' codes written into one array and decoded once: a font file is hundreds of kilobytes, and a
 * string built piece by piece (or btoa over a "binary" string) takes tens of milliseconds for it.
 */
function encode(bytes: Uint8Array, codes: Uint8Array, pad: boolean): string {
  const whole = bytes.length - (bytes.length % 3);
  const rest = bytes.length - whole;
  const out = new Uint8Array((whole / 3) * 4 + (rest === 0 ? 0 : pad ? 4 : rest + 1));
  let at = 0;
  for (let i = 0; i < whole; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[at++] = codes[triple >> 18]!;
    out[at++] = codes[(triple >> 12) & 63]!;
    out[at++] = codes[(triple >> 6) & 63]!;
    out[at++] = codes[triple & 63]!;
  }
  if (rest > 0) {
    const a = bytes[whole]!;
    const b = rest === 2 ? bytes[whole + 1]! : 0;
    out[at++] = codes[a >> 2]!;
    out[at++] = codes[((a & 3) << 4) | (b >> 4)]!;
    if (rest === 2) out[at++] = codes[(b & 15) << 2]!;
    while (pad && at < out.length) out[at++] = 61; // "="
  }
  return new TextDecoder().decode(out);
}

/** The bytes, or where the text stops being base64url (a character from 1, or its length when cut short). */
export type Base64UrlRead =
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly message: string; readonly position: number };

export function fromBase64Url(text: string): Base64UrlRead {
  if (text.length % 4 === 1) return { type: 'error', message: 'it is cut short', position: text.length };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text[i]!);
    if (value === undefined)
      return {
        type: 'error',
        message: `"${text[i]}" is not a base64url character`,
        position: i + 1,
      };
    held = (held << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (held >> bits) & 255;
      held &= (1 << bits) - 1;
    }
  }
  return { type: 'bytes', bytes };
}
