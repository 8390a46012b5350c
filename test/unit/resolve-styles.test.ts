import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/core/export/pages/compose.ts';
import {
  parseCss,
  parseXml,
  resolveStyles,
  serialiseXml,
  type XmlElement,
} from '../../src/core/export/pdf/resolve-styles.ts';
import { themes } from '../../src/core/render/theme.ts';
import { mapOf, readText } from './helpers.ts';

const svg = (style: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>${style}</style>${body}</svg>`;

/** The attributes of the elements named `name`, in document order. */
function attributesOf(markup: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const walk = (element: XmlElement) => {
    if (element.name === name) found.push(Object.fromEntries(element.attributes));
    for (const child of element.children) if (typeof child !== 'string') walk(child);
  };
  walk(parseXml(markup));
  return found;
}

describe('the XML reader', () => {
  it('reads and writes back elements, attributes and escaped text as written', () => {
    const text =
      '<?xml version="1.0"?><!-- a comment --><svg a="1" b=\'x "y"\'><g><text x="2">a &amp; b &lt; c</text><rect/></g><![CDATA[raw]]></svg>';
    const root = parseXml(text);
    expect(root.name).toBe('svg');
    expect(root.attributes).toEqual([
      ['a', '1'],
      ['b', 'x &quot;y&quot;'],
    ]);
    expect(serialiseXml(root)).toBe(
      '<svg a="1" b="x &quot;y&quot;"><g><text x="2">a &amp; b &lt; c</text><rect/></g><![CDATA[raw]]></svg>',
    );
  });

  it('refuses markup that is not well-formed', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><g>')).toThrow();
    expect(() => parseXml('<svg <g/>')).toThrow();
  });
});

describe('the style sheet reader', () => {
  it('splits selector lists and reads declarations', () => {
    const rules = parseCss('/* c */ a, .b .c { fill : red ; stroke:blue } d>e{opacity:.5}');
    expect(rules.map((r) => r.declarations)).toEqual([
      [
        ['fill', 'red'],
        ['stroke', 'blue'],
      ],
      [
        ['fill', 'red'],
        ['stroke', 'blue'],
      ],
      [['opacity', '.5']],
    ]);
    expect(rules.map((r) => r.selector.specificity)).toEqual([1, 200, 2]);
  });

  it('leaves out rules it cannot read rather than applying them wrongly', () => {
    expect(parseCss('a[href]{fill:red} a:hover{fill:red} a + b{fill:red} a ~ b{fill:red}')).toEqual([]);
  });
});

describe('resolveStyles', () => {
  it('writes the winning declarations as attributes and removes the style element', () => {
    const out = resolveStyles(
      svg(
        'text{fill:#111;font-kerning:none} .node .label{fill:#222} .role-a .label{fill:#333;font-weight:600}',
        '<g class="node role-a"><text class="label">A</text><text class="title">T</text></g><text class="label">B</text>',
      ),
    );
    expect(out).not.toContain('<style');
    const texts = attributesOf(out, 'text');
    // Equal specificity: the later rule wins; a lone text gets the type rule only.
    expect(texts[0]).toMatchObject({ fill: '#333', 'font-weight': '600' });
    expect(texts[1]).toMatchObject({ fill: '#111' });
    expect(texts[2]).toMatchObject({ fill: '#111' });
    // Properties without meaning for a renderer of attributes are dropped.
    expect(texts[0]).not.toHaveProperty('font-kerning');
  });

  it('lets a rule beat a presentation attribute, and a more specific rule beat a later one', () => {
    const out = resolveStyles(
      svg(
        '.x.y{stroke:green} .x{stroke:red} rect{fill:blue}',
        '<rect class="x y" fill="black" stroke="black"/>',
      ),
    );
    expect(attributesOf(out, 'rect')[0]).toMatchObject({ fill: 'blue', stroke: 'green' });
  });

  it('understands :not(), ids, the universal selector and the child combinator', () => {
    const out = resolveStyles(
      svg(
        '.c:not(.k){opacity:0.7} #only{fill:red} *{stroke:blue} g>rect{fill:green}',
        '<path class="c"/><path class="c k"/><g><rect/><a><rect id="only"/></a></g>',
      ),
    );
    const paths = attributesOf(out, 'path');
    expect(paths[0]).toMatchObject({ opacity: '0.7' });
    expect(paths[1]).not.toHaveProperty('opacity');
    const rects = attributesOf(out, 'rect');
    expect(rects[0]).toMatchObject({ fill: 'green', stroke: 'blue' });
    // Not a child of the g: the id rule alone.
    expect(rects[1]).toMatchObject({ fill: 'red', stroke: 'blue' });
  });

  it('reads the style sheet’s entities and escapes the values it writes', () => {
    const out = resolveStyles(
      svg(`g&gt;text{font-family:"Inter",'A&amp;B'}`, '<g><text>x</text></g><text>y</text>'),
    );
    const texts = attributesOf(out, 'text');
    expect(texts[0]!['font-family']).toBe(`&quot;Inter&quot;,'A&amp;B'`);
    expect(texts[1]).not.toHaveProperty('font-family');
  });

  it('draws a text with a halo (paint-order: stroke) as its stroke, then its fill', () => {
    const out = resolveStyles(
      svg(
        '.l{fill:#555;stroke:#fff;stroke-width:4px;paint-order:stroke}',
        '<text class="l" x="1">because</text>',
      ),
    );
    const texts = attributesOf(out, 'text');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatchObject({ fill: 'none', stroke: '#fff', 'stroke-width': '4px' });
    expect(texts[1]).toMatchObject({ fill: '#555', stroke: 'none' });
    expect(out).not.toContain('paint-order');
    expect(out.match(/>because</g)).toHaveLength(2);
  });

  it('fades a line with markers as a group, so that its arrowheads fade with it', () => {
    const out = resolveStyles(
      svg('.f{opacity:0.5}', '<path class="f" d="M0,0L1,1" marker-end="url(#m)"/><rect class="f"/>'),
    );
    expect(out).toContain('<g opacity="0.5"><path class="f" d="M0,0L1,1" marker-end="url(#m)"/></g>');
    // A shape without markers keeps its own opacity.
    expect(attributesOf(out, 'rect')[0]).toMatchObject({ opacity: '0.5' });
  });

  it('resolves a real page: every box, label and connector carries its theme colours', () => {
    const deck = composeDeck(mapOf(readText('data/trenin-2010.argmap.json')));
    const out = resolveStyles(deck.pages[5]!.svg);
    expect(out).not.toContain('<style');
    const theme = themes.light;
    const boxes = attributesOf(out, 'rect').filter((a) => a.class === 'box');
    expect(boxes.length).toBeGreaterThan(0);
    const fills = new Set(Object.values(theme.roles).map((r) => r.fill));
    for (const box of boxes) expect(fills).toContain(box.fill);
    const connectors = attributesOf(out, 'path').filter((a) => a.class?.startsWith('connector'));
    expect(connectors.length).toBeGreaterThan(0);
    for (const line of connectors) {
      expect(Object.values(theme.relations)).toContain(line.stroke);
      expect(line.fill).toBe('none');
    }
    for (const text of attributesOf(out, 'text')) expect(text['font-size']).toBeDefined();
  });
});
