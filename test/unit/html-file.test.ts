import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { htmlFile } from '../../src/core/export/html/html-file.ts';
import { readViewerData, viewerDataText } from '../../src/core/export/html/viewer-data.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { readBytes, readText } from './helpers.ts';
import { cli } from './run-cli.ts';

const fonts = {
  regular: readBytes('static/fonts/Inter-Regular.ttf'),
  semibold: readBytes('static/fonts/Inter-SemiBold.ttf'),
};
const hostile: ArgumentMap = {
  title: 'A </script><script>alert(1)</script> & <b>',
  groups: [],
  nodes: [{ type: 'statement', id: 'a', text: '</SCRIPT> <!-- x' }],
  relations: [],
};

/** The page's parts: its policy, its one script and its data block. */
function partsOf(html: string) {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const data = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  return { policy, scripts, data };
}

describe('one HTML file', () => {
  it('allows its one script by hash, fetches nothing, and keeps every label inside its data block', async () => {
    const viewer = 'const s = "</script>"; /* <!-- */ console.log(s);\r\n';
    const html = await htmlFile({ map: hostile, viewer, fonts, theme: 'dark' });
    const { policy, scripts, data } = partsOf(html);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The code still says the same (its `<` escaped where it would end the element), with \n line ends.
    expect(scripts[0]).toBe('const s = "\\x3C/script>"; /* \\x3C!-- */ console.log(s);\n');
    expect(readViewerData(data)).toEqual({ type: 'data', data: { map: hostile } });
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expect(html).toContain(
      '<title>A &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;</title>',
    );
    expect(html).toContain('<argmap-view controls theme="dark">');
    // Every font is inline; no address outside the file.
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/\b(src|href)="/);
  });

  it('refuses a data block it did not write, saying why', () => {
    expect(readViewerData('{')).toMatchObject({ type: 'error', message: /not JSON/ });
    expect(readViewerData('{"map":{}}')).toMatchObject({ type: 'error', message: /"argmap-view": 1/ });
    expect(readViewerData('{"argmap-view":1,"map":{"nodes":[]}}')).toMatchObject({
      type: 'error',
      message: /nodes, relations and groups/,
    });
    const map = parseArgmapJson(readText('data/example.argmap.json')).map!;
    expect(readViewerData(viewerDataText({ map }))).toEqual({ type: 'data', data: { map } });
  });

  it('argmap export -o map.html writes the Trenin map in at most 400 KB', async () => {
    const run = await cli(['export', 'data/trenin-2010.argmap.json', '-o', 'trenin.html']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = run.written.get('trenin.html') as string;
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(400 * 1024);
    const { scripts, data } = partsOf(html);
    expect(scripts[0]).toContain('argmap-view');
    const read = readViewerData(data);
    expect(read.type === 'data' && read.data.map.nodes.length).toBe(
      parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!.nodes.length,
    );
  });
});
