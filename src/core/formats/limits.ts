/**
 * The hard limits of the readers, shared by every format (listed under "Limits" in docs/ARCHITECTURE.md).
 * Each keeps one reading or writing step linear, or within the call stack, on hostile input; a file beyond
 * one is refused with the place where it goes beyond.
 */

/**
 * Objects and arrays (JSON) or flow collections and nested mappings (YAML data and front matter) deeper
 * than this are refused. The YAML library and the writers recurse into values; this depth leaves them a wide
 * margin on the smallest call stacks (a browser's worker).
 */
export const maxNestingDepth = 256;

/** Alias nodes a YAML document may hold: more could expand a few bytes into gigabytes ("billion laughs"). */
export const maxYamlAliases = 100;
