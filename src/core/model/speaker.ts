import type { MapNode, Source } from './types.ts';

/**
 * The speaker a box names: its `speaker`, unless that is the source's author (who speaks wherever no speaker
 * is given, so naming them on every box would say nothing). Undefined when the box needs no speaker label.
 */
export function shownSpeaker(node: MapNode, source: Source | undefined): string | undefined {
  const speaker = node.speaker?.trim();
  if (!speaker) return undefined;
  return speaker === source?.author?.trim() ? undefined : speaker;
}

/** Who asserts a statement: its speaker, else the source's author; undefined when neither is known. */
export function speakerOf(node: MapNode, source: Source | undefined): string | undefined {
  return node.speaker?.trim() || source?.author?.trim() || undefined;
}
