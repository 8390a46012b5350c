import { serialiseAif } from '../core/formats/aif/serialise.ts';
import { serialiseArgdown } from '../core/formats/argdown/serialise.ts';
import { serialiseArgmap } from '../core/formats/argmap-json/serialise.ts';
import type { ArgumentMap } from '../core/model/types.ts';

/** The map formats `export` writes; loaded only for them, so that a picture loads no writer of text. */
export type MapTextFormat = 'json' | 'argdown' | 'aif';

export function mapText(map: ArgumentMap, format: MapTextFormat): string {
  if (format === 'argdown') return serialiseArgdown(map);
  if (format === 'aif') return serialiseAif(map);
  return serialiseArgmap(map);
}
