/** Escapes text for XML text content and attribute values (labels are untrusted input). */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped: a NUL in a label must not make the file unreadable.
  // eslint-disable-next-line no-control-regex
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => entities[c]!);
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
