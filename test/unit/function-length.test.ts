import { describe, expect, it } from 'vitest';
import { functionLengths } from './function-lengths.ts';

/**
 * House style: a function does one step and returns data, and none runs over 100 lines; a longer one is split
 * into named steps. All of src/ is held to it here: the core, the CLI and the app (Svelte scripts included).
 */
const limit = 100;

/** Functions still longer than the limit, by `file name`, each with the reason it stays for now. */
const allowed: Readonly<Record<string, string>> = {};

describe('function length', () => {
  const lengths = functionLengths(['src']);

  it(`no function in src/ is over ${limit} lines, but those allowed`, () => {
    const long = lengths
      .filter((f) => f.lines > limit && !(`${f.file} ${f.name}` in allowed))
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(long).toEqual([]);
  }, 60_000);

  it('every function allowed to be long still is (else its entry goes)', () => {
    const stillLong = new Set(lengths.filter((f) => f.lines > limit).map((f) => `${f.file} ${f.name}`));
    expect(Object.keys(allowed).filter((key) => !stillLong.has(key))).toEqual([]);
  });

  it('the listing finds functions of every kind, with their lengths', () => {
    const find = (file: string, name: string) => lengths.find((f) => f.file === file && f.name === name);
    // A function declaration, a class method, and an arrow function bound to a name.
    expect(find('src/core/formats/argdown/read.ts', 'readDocument')?.lines).toBeGreaterThan(5);
    expect(find('src/core/formats/json-scanner.ts', 'JsonScanner.scan')?.lines).toBeGreaterThan(5);
    expect(find('src/core/formats/argdown/build-ids.ts', 'idSpace')?.lines).toBeGreaterThan(5);
    expect(find('src/core/formats/argdown/build-ids.ts', 'claim')?.lines).toBeGreaterThan(3);
    expect(lengths.every((f) => f.lines >= 1 && f.line >= 1)).toBe(true);
  });
});
