import { Document, isScalar, visit } from 'yaml';
import type { ArgumentMap, Extra } from '../../model/types.ts';
import { defineEntries } from '../own-keys.ts';
import { readYamlMapping } from './inline.ts';
import { jsonLine, readableJson } from './json-line.ts';
import { modelSettings } from './strict-mode.ts';
import { compactTour } from './tour-steps.ts';

/**
 * The front matter of a written Argdown file: title, source, tour and the map's unknown keys, as block YAML
 * a person reads and edits (lists of ids on one line, `[a, b]`), the tour step by step with what each step
 * adds (`tour-steps.ts`). Argdown allows structured data before the first line of text only, so the tour
 * stays here; it is kept short instead. A value YAML would not give back exactly (or that would break the
 * file: a line `===` in a text, a line separator) is written as JSON, which is YAML too.
 */
export function frontMatterText(
  map: ArgumentMap,
  regroup?: readonly Record<string, unknown>[],
): string | undefined {
  const entries: [string, unknown][] = [];
  if (map.title !== undefined) entries.push(['title', map.title]);
  if (map.source) entries.push(['source', withExtra(map.source)]);
  if (map.tour) entries.push(['tour', compactTour(map.tour)]);
  // A map with entails or contrary relations is written in Argdown's strict mode (strict-mode.ts).
  const model = modelSettings(map);
  let extra: Extra = model === map.extra?.model ? (map.extra ?? {}) : withKey(map.extra, 'model', model);
  // Groups that headings cannot say are listed as Argdown's regroup sections (write-regroup.ts).
  if (regroup) extra = withKey(extra, 'group', { ...groupSettings(map.extra?.group), regroup });
  const others = Object.keys(extra);
  // Reading YAML back costs what reading the file does: front matter of many unknown keys (a hundred
  // thousand is legal) is written as JSON lines, as it was before, without that check.
  if (others.length > maxYamlKeys) {
    const lines = [
      ...entries.map(([key, value]) => yamlOrJson(key, value)),
      ...others.map((key) => jsonEntry(key, extra[key])),
    ];
    return ['===', ...lines, '==='].join('\n');
  }
  for (const key of others) entries.push([key, extra[key]]);
  if (entries.length === 0) return undefined;
  // All at once first (one pass over the YAML library, for front matter of a hundred thousand keys); key by
  // key only when some value needs JSON.
  const whole = yamlText(defineEntries({}, Object.fromEntries(entries)));
  const lines = whole !== undefined ? [whole] : entries.map(([key, value]) => yamlOrJson(key, value));
  return ['===', ...lines, '==='].join('\n');
}

const maxYamlKeys = 256;

function yamlOrJson(key: string, value: unknown): string {
  return yamlText(defineEntries({}, { [key]: value })) ?? jsonEntry(key, value);
}

/** A mapping as block YAML, or undefined when reading it back would not give it exactly. */
function yamlText(entry: Record<string, unknown>): string | undefined {
  // Written as YAML 1.1 would read it too (strings like `2010-11-23` or `yes` quoted): Argdown's own tools
  // read front matter with a YAML 1.1 reader; argmap's reads 1.2, and both get the same strings back.
  const doc = new Document(entry, { aliasDuplicateObjects: false, version: '1.1' });
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, blockQuote: false, flowCollectionPadding: false }).trimEnd();
  if (/[\u2028\u2029]/.test(text) || /^\s*={3,}\s*$/m.test(text)) return undefined;
  const back = readYamlMapping(text).value;
  return back !== undefined && jsonLine(back) === jsonLine(entry) ? text : undefined;
}

/** `key: value` as JSON laid out over lines; continuation lines are indented, as YAML asks. */
function jsonEntry(key: string, value: unknown): string {
  return `${/^[A-Za-z][\w-]*$/.test(key) ? key : jsonLine(key)}: ${readableJson(value, '  ')}`;
}

function withExtra<T extends { readonly extra?: Extra }>(value: T): Record<string, unknown> {
  const { extra, ...known } = value;
  return defineEntries({ ...known }, extra);
}

/** The map's kept keys with one set, in its place or else last. */
function withKey(extra: Extra | undefined, set: string, value: unknown): Extra {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(extra ?? {}))
    defineEntries(out, { [key]: key === set ? value : extra![key] });
  return defineEntries(out, { [set]: value });
}

function groupSettings(kept: unknown): Record<string, unknown> {
  return kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? { ...kept } : {};
}
