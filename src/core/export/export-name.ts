/**
 * A file name for exports, from the map's file name: "data/trenin-2010.argmap.json" → "trenin-2010", also
 * for "debate.argdown", "debate.ad", "debate.aif.json".
 */
export function exportName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  return (
    base
      .replace(/(\.argmap\.json|\.aif\.json|\.json|\.argdown|\.ad|\.aif)$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'argmap'
  );
}
