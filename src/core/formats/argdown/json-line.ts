/**
 * JSON on one line of Argdown: the line and paragraph separators U+2028 and U+2029, which JSON leaves as
 * they are, escaped, since the reader (and YAML, and text editors) take them for white space or line breaks.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** JSON with objects and nested lists one entry per line, lists of plain values on one line. */
export function readableJson(value: unknown, indent: string): string {
  if (typeof value !== 'object' || value === null) return jsonLine(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) return jsonLine(value);
    return `[\n${value.map((item) => inner + readableJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => `${inner}${jsonLine(key)}: ${readableJson(item, inner)}`)
    .join(',\n')}\n${indent}}`;
}
