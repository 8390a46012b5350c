/**
 * Base64url without padding (RFC 4648, section 5): the alphabet a URL's fragment carries as it is, so that a
 * share link needs no percent-escapes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, value) => [char, value]));

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) text += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) text += ALPHABET[c & 63]!;
  }
  return text;
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

/** Plain base64 with padding, as `data:` addresses take it. */
export const toBase64 = (bytes: Uint8Array): string => {
  const text = toBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
};
