import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

// ESLint loads its whole configuration (typescript-eslint, the Svelte parser) for each test: seconds on a
// loaded machine, well past Vitest's default limit.
describe('the pure core', { timeout: 30_000 }, () => {
  it('is kept pure by the lint rule: no Svelte, DOM-bound d3, Node I/O, UI or CLI imports, no DOM globals', async () => {
    const eslint = new ESLint({ cwd: fileURLToPath(root) });
    const code = [
      "import { mount } from 'svelte';",
      "import { select } from 'd3-selection';",
      "import { readFile } from 'node:fs/promises';",
      "import { runCli } from '../cli/main.ts';",
      "import { x } from '../ui/state.svelte.ts';",
      'export const all = [mount, select, readFile, runCli, x, document.body];',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, {
      filePath: fileURLToPath(new URL('src/core/example.ts', root)),
    });
    const rules = result?.messages.map((m) => m.ruleId);
    expect(rules?.filter((r) => r === 'no-restricted-imports')).toHaveLength(5);
    expect(rules).toContain('no-restricted-globals');
  });

  it('keeps labels out of markup in the UI: no {@html}, innerHTML, outerHTML or insertAdjacentHTML', async () => {
    const eslint = new ESLint({ cwd: fileURLToPath(root) });
    const [ts] = await eslint.lintText(
      [
        'export function show(el: HTMLElement, label: string) {',
        '  el.innerHTML = label;',
        '  el.outerHTML = label;',
        "  el.insertAdjacentHTML('beforeend', label);",
        '}',
        '',
      ].join('\n'),
      { filePath: fileURLToPath(new URL('src/ui/example.ts', root)) },
    );
    expect(ts?.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(3);
    const [svelte] = await eslint.lintText(
      '<script lang="ts">\n  let { label }: { label: string } = $props();\n</script>\n\n<p>{@html label}</p>\n',
      {
        filePath: fileURLToPath(new URL('src/ui/Example.svelte', root)),
      },
    );
    expect(svelte?.messages.map((m) => m.ruleId)).toContain('svelte/no-at-html-tags');
  });
});
