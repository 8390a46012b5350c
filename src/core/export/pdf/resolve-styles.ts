/**
 * An SVG's style sheet resolved into presentation attributes, for renderers that read attributes only (the
 * PDF writer's SVG reader ignores most selectors of a `<style>` element: descendant selectors, `:not()`).
 * The cascade is the browser's and resvg's: a rule beats a presentation attribute, the more specific rule
 * beats the less, the later the earlier; inline `style` attributes are left as they are (they beat both).
 *
 * The SVGs are the ones the core writes (docs/ARCHITECTURE.md, "Pages"): the parser reads well-formed
 * markup, keeps text and attribute values as written (escaped), and drops comments and processing
 * instructions. The selectors understood: type, `.class`, `#id`, `*`, `:not(compound)`, and the descendant
 * and child combinators; a rule with any other selector is left out.
 */

export interface XmlElement {
  readonly name: string;
  /** In document order, values as written (entities not decoded). */
  attributes: [string, string][];
  children: XmlNode[];
}
/** An element, or text as written. */
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_:][\w:.-]*/;

/** Parses a well-formed XML document into its root element. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: [], children: [] };
  const open: XmlElement[] = [root];
  let at = 0;
  while (at < text.length) {
    const parent = open[open.length - 1]!;
    const lt = text.indexOf('<', at);
    if (lt !== at) {
      const end = lt < 0 ? text.length : lt;
      if (open.length > 1) parent.children.push(text.slice(at, end));
      at = end;
      continue;
    }
    if (text.startsWith('<!--', at)) at = skipPast(text, at, '-->');
    else if (text.startsWith('<?', at) || text.startsWith('<!DOCTYPE', at)) at = skipPast(text, at, '>');
    else if (text.startsWith('<![CDATA[', at)) {
      const end = skipPast(text, at, ']]>');
      parent.children.push(text.slice(at, end));
      at = end;
    } else if (text.startsWith('</', at)) {
      const name = NAME.exec(text.slice(at + 2))?.[0];
      if (open.length < 2 || name !== parent.name) throw new Error(`unexpected </${name}> at ${at}`);
      open.pop();
      at = skipPast(text, at, '>');
    } else {
      const { element, end, closed } = readTag(text, at);
      parent.children.push(element);
      if (!closed) open.push(element);
      at = end;
    }
  }
  if (open.length > 1) throw new Error(`<${open[open.length - 1]!.name}> is not closed`);
  const element = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!element) throw new Error('no element');
  return element;
}

function skipPast(text: string, at: number, end: string): number {
  const found = text.indexOf(end, at);
  if (found < 0) throw new Error(`unterminated markup at ${at}`);
  return found + end.length;
}

const ATTRIBUTE = /^\s+([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function readTag(text: string, at: number): { element: XmlElement; end: number; closed: boolean } {
  const name = NAME.exec(text.slice(at + 1))?.[0];
  if (!name) throw new Error(`bad tag at ${at}`);
  const element: XmlElement = { name, attributes: [], children: [] };
  let rest = text.slice(at + 1 + name.length);
  let read = at + 1 + name.length;
  for (let match = ATTRIBUTE.exec(rest); match; match = ATTRIBUTE.exec(rest)) {
    // A single-quoted value may hold a double quote: written back between double quotes, it is escaped.
    element.attributes.push([match[1]!, match[2] ?? match[3]!.replace(/"/g, '&quot;')]);
    rest = rest.slice(match[0].length);
    read += match[0].length;
  }
  const close = /^\s*(\/?)>/.exec(rest);
  if (!close) throw new Error(`bad tag <${name}> at ${at}`);
  return { element, end: read + close[0].length, closed: close[1] === '/' };
}

/** Writes an element back as markup. */
export function serialiseXml(element: XmlElement): string {
  const attributes = element.attributes.map(([key, value]) => ` ${key}="${value}"`).join('');
  if (element.children.length === 0) return `<${element.name}${attributes}/>`;
  const children = element.children
    .map((child) => (typeof child === 'string' ? child : serialiseXml(child)))
    .join('');
  return `<${element.name}${attributes}>${children}</${element.name}>`;
}

/** A compound selector: all of its parts must hold for one element. */
interface Compound {
  readonly tag?: string;
  readonly id?: string;
  readonly classes: readonly string[];
  readonly not: readonly Compound[];
}

/** Compounds from the outermost to the element's own, with the combinator before each (after the first). */
interface Selector {
  readonly compounds: readonly Compound[];
  readonly combinators: readonly (' ' | '>')[];
  readonly specificity: number;
}

export interface CssRule {
  readonly selector: Selector;
  readonly declarations: readonly (readonly [string, string])[];
  /** Its place in the sheets: a later rule of equal specificity wins. */
  readonly order: number;
}

/** The rules of a style sheet, one per selector of a selector list. */
export function parseCss(css: string, firstOrder = 0): CssRule[] {
  const rules: CssRule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = match[2]!
      .split(';')
      .map((part) => [part.slice(0, part.indexOf(':')).trim(), part.slice(part.indexOf(':') + 1).trim()])
      .filter(([key, value]) => key && value && !value.includes('!important'))
      .map(([key, value]) => [key!.toLowerCase(), value!] as const);
    for (const source of match[1]!.split(',')) {
      const selector = parseSelector(source.trim());
      if (selector) rules.push({ selector, declarations, order: firstOrder + rules.length });
    }
  }
  return rules;
}

function parseSelector(source: string): Selector | undefined {
  const tokens = source
    .replace(/\s*>\s*/g, ' > ')
    .split(/\s+(?![^(]*\))/)
    .filter(Boolean);
  const compounds: Compound[] = [];
  const combinators: (' ' | '>')[] = [];
  let pending: ' ' | '>' = ' ';
  for (const token of tokens) {
    if (token === '>') {
      pending = '>';
      continue;
    }
    const compound = parseCompound(token);
    if (!compound) return undefined;
    if (compounds.length > 0) combinators.push(pending);
    compounds.push(compound);
    pending = ' ';
  }
  if (compounds.length === 0 || pending === '>') return undefined;
  return { compounds, combinators, specificity: compounds.reduce((sum, c) => sum + specificity(c), 0) };
}

function parseCompound(token: string): Compound | undefined {
  let rest = token;
  const tag = /^(\*|[A-Za-z][\w-]*)/.exec(rest)?.[0];
  if (tag) rest = rest.slice(tag.length);
  let id: string | undefined;
  const classes: string[] = [];
  const not: Compound[] = [];
  while (rest) {
    const part = /^(?:#([\w-]+)|\.([\w-]+)|:not\(([^()]+)\))/.exec(rest);
    if (!part) return undefined;
    if (part[1]) id = part[1];
    if (part[2]) classes.push(part[2]);
    if (part[3]) {
      const inner = parseCompound(part[3].trim());
      if (!inner) return undefined;
      not.push(inner);
    }
    rest = rest.slice(part[0].length);
  }
  return { ...(tag && tag !== '*' ? { tag } : {}), ...(id ? { id } : {}), classes, not };
}

const specificity = (c: Compound): number =>
  (c.id ? 10000 : 0) +
  100 * c.classes.length +
  (c.tag ? 1 : 0) +
  c.not.reduce((sum, inner) => sum + specificity(inner), 0);

const attribute = (element: XmlElement, key: string): string | undefined =>
  element.attributes.find(([name]) => name === key)?.[1];

function matchesCompound(element: XmlElement, c: Compound): boolean {
  if (c.tag && element.name !== c.tag) return false;
  if (c.id && attribute(element, 'id') !== c.id) return false;
  const classes = (attribute(element, 'class') ?? '').split(/\s+/);
  if (!c.classes.every((name) => classes.includes(name))) return false;
  return !c.not.some((inner) => matchesCompound(element, inner));
}

/** Whether the selector matches an element with these ancestors (nearest last). */
export function matches(
  selector: Selector,
  element: XmlElement,
  ancestors: readonly XmlElement[],
  last = selector.compounds.length - 1,
): boolean {
  if (!matchesCompound(element, selector.compounds[last]!)) return false;
  if (last === 0) return true;
  const combinator = selector.combinators[last - 1];
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (matches(selector, ancestors[i]!, ancestors.slice(0, i), last - 1)) return true;
    if (combinator === '>') return false;
  }
  return false;
}

/** Renderer-only properties with no effect on a drawing without CSS (text shaping is the writer's). */
const IGNORED = new Set(['font-kerning', 'font-variant-ligatures']);

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text as written in markup, read: its entities replaced by their characters. */
const decode = (text: string) =>
  text.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, decimal?: string, name?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : decimal
        ? String.fromCodePoint(Number(decimal))
        : (ENTITIES[name!] ?? whole),
  );

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The SVG with its `<style>` elements removed and their rules written on the elements they select, as
 * presentation attributes. `paint-order: stroke` (a halo behind text) becomes two copies of the element, the
 * stroke drawn first and the fill over it, for renderers that paint the fill first whatever it says.
 */
export function resolveStyles(svg: string): string {
  const root = parseXml(svg);
  const rules: CssRule[] = [];
  collectStyles(root, rules);
  return serialiseXml(applyRules(root, [], rules)[0]!) + '\n';
}

function collectStyles(element: XmlElement, rules: CssRule[]): void {
  element.children = element.children.filter((child) => {
    if (typeof child === 'string') return true;
    if (child.name !== 'style') {
      collectStyles(child, rules);
      return true;
    }
    const css = child.children
      .map((text) =>
        typeof text !== 'string' ? '' : text.startsWith('<![CDATA[') ? text.slice(9, -3) : decode(text),
      )
      .join('');
    rules.push(...parseCss(css, rules.length));
    return false;
  });
}

function applyRules(
  element: XmlElement,
  ancestors: readonly XmlElement[],
  rules: readonly CssRule[],
): XmlElement[] {
  const declared = new Map<string, string>();
  const matching = rules
    .filter((rule) => matches(rule.selector, element, ancestors))
    .sort((a, b) => a.selector.specificity - b.selector.specificity || a.order - b.order);
  for (const rule of matching) for (const [key, value] of rule.declarations) declared.set(key, value);
  const attributes = element.attributes.filter(([key]) => !declared.has(key));
  for (const [key, value] of declared) if (!IGNORED.has(key)) attributes.push([key, escapeAttribute(value)]);
  const inside = [...ancestors, element];
  const resolved: XmlElement = {
    name: element.name,
    attributes,
    children: element.children.flatMap((child): XmlNode[] =>
      typeof child === 'string' ? [child] : applyRules(child, inside, rules),
    ),
  };
  return splitPaintOrder(groupOpacity(resolved));
}

const MARKERS = ['marker-start', 'marker-mid', 'marker-end'];

/**
 * A shape with markers, faded: its opacity moved onto a group around it, which is what it means (the
 * markers fade with the line), for renderers that fade the line's paint alone.
 */
function groupOpacity(element: XmlElement): XmlElement {
  const opacity = attribute(element, 'opacity');
  if (opacity === undefined || ['g', 'svg'].includes(element.name)) return element;
  if (!element.attributes.some(([key]) => MARKERS.includes(key))) return element;
  const shape = { ...element, attributes: element.attributes.filter(([key]) => key !== 'opacity') };
  return { name: 'g', attributes: [['opacity', opacity]], children: [shape] };
}

/**
 * An element whose stroke is painted before its fill, as two: its stroke alone, then its fill alone (a
 * stroke of its own: the halos of the map's labels have one).
 */
function splitPaintOrder(element: XmlElement): XmlElement[] {
  const order = attribute(element, 'paint-order');
  if (order === undefined) return [element];
  const rest = element.attributes.filter(([key]) => key !== 'paint-order');
  const stroke = attribute(element, 'stroke');
  if (!/^stroke/.test(order.trim()) || stroke === undefined || stroke === 'none')
    return [{ ...element, attributes: rest }];
  const without = (key: string) => rest.filter(([name]) => name !== key);
  return [
    { ...element, attributes: [...without('fill'), ['fill', 'none']] },
    { ...element, attributes: [...without('stroke'), ['stroke', 'none']] },
  ];
}
