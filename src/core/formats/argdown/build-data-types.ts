import type { Place, Report } from './document.ts';
import type { Data } from './inline.ts';

/**
 * What a known data key holds: one string, a string or null (null says "none": `{title: null}` for a box
 * without a title, which argmap wrote before untitled boxes had a form of their own (`untitled.ts`) and still
 * writes where a text gives none; `{group: null}` for one outside the heading's group), or a list of strings.
 */
export type DataType = 'string' | 'string or null' | 'strings' | 'boolean';

export const nodeDataTypes: Readonly<Record<string, DataType>> = {
  id: 'string',
  title: 'string or null',
  text: 'string',
  group: 'string or null',
  quote: 'string',
  note: 'string',
  implicit: 'boolean',
  speaker: 'string',
  tags: 'strings',
  premises: 'strings',
  conclusion: 'string',
};

export const relationDataTypes: Readonly<Record<string, DataType>> = {
  id: 'string',
  type: 'string',
  tags: 'strings',
  note: 'string',
};

export const groupDataTypes: Readonly<Record<string, DataType>> = {
  id: 'string',
  title: 'string',
  parent: 'string or null',
  note: 'string',
};

/**
 * Warns about each known key of a `{…}` block whose value has the wrong type (`{title: [1, 2]}`,
 * `{note: null}`, `{tags: "x"}`): the builders leave such values out, and the user should know why.
 */
export function dataTypeWarnings(
  data: Data | undefined,
  types: Readonly<Record<string, DataType>>,
  what: string,
  place: Place,
  report: Report,
): void {
  if (!data) return;
  for (const key of Object.keys(types)) {
    if (!Object.hasOwn(data, key)) continue;
    const value = data[key];
    const type = types[key];
    if (type === 'string or null' && value === null) continue;
    if (type === 'boolean') {
      if (typeof value !== 'boolean')
        report(
          'warning',
          place,
          `${what}: "${key}" should be true or false, not ${kindOf(value)}; it is left out`,
        );
    } else if (type !== 'strings' && typeof value !== 'string') {
      report('warning', place, `${what}: "${key}" should be a string, not ${kindOf(value)}; it is left out`);
    } else if (type === 'strings' && !Array.isArray(value)) {
      report(
        'warning',
        place,
        `${what}: "${key}" should be a list of strings, like [a, b], not ${kindOf(value)}; it is left out`,
      );
    } else if (type === 'strings' && Array.isArray(value)) {
      const others = value.filter((v) => typeof v !== 'string').length;
      if (others > 0)
        report(
          'warning',
          place,
          `${what}: "${key}" should be a list of strings; ${others} item${others === 1 ? ' that is not a string is' : 's that are not strings are'} left out`,
        );
    }
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'string' ? 'a string' : typeof value;
}
