import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeAif } from '../../src/core/formats/aif/detect.ts';
import { parseAifText, readAifValue } from '../../src/core/formats/aif/parse.ts';
import { placeAifProblem } from '../../src/core/formats/aif/place.ts';
import { serialiseAif, toAifJson } from '../../src/core/formats/aif/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import type { ArgumentMap, Relation } from '../../src/core/model/types.ts';
import { validateMap } from '../../src/core/validate/validate-map.ts';
import { mapOf, readText, withoutOrigin } from './helpers.ts';
import { arbitraryValidMap } from './valid-maps.ts';

type Json = Record<string, unknown>;
type AifNode = { nodeID: string | number; type: string; text: string };
type AifEdge = { edgeID: string | number; fromID: string | number; toID: string | number };

const fixtureText = (name: string) => readText(`test/fixtures/aif/${name}`);
const fixtureJson = (name: string) => JSON.parse(fixtureText(name)) as Json;
const read = (value: unknown) => readAifValue(value);
const mapFrom = (value: unknown): ArgumentMap => {
  const { map, problems } = readAifValue(value);
  if (!map || problems.length > 0) throw new Error(`bad test AIF: ${JSON.stringify(problems)}`);
  return map;
};
const relations = (map: ArgumentMap) =>
  map.relations.map((r) => [r.id, r.type, r.from, r.to, ...(r.tags ? [r.tags] : [])]);
const listsOf = (json: Json) => (json.AIF ?? json) as { nodes: AifNode[]; edges: AifEdge[] };
const nodeSet = (json: Json) => new Set(listsOf(json).nodes.map((n) => `${n.nodeID}|${n.type}|${n.text}`));
const edgeSet = (json: Json) => new Set(listsOf(json).edges.map((e) => `${e.edgeID}|${e.fromID}|${e.toID}`));

/** A small nodeset from `[id, type, text]` nodes and `[from, to]` edges. */
function nodeset(nodes: [string, string, string?][], edges: [string, string][]): Json {
  return {
    nodes: nodes.map(([nodeID, type, text]) => ({ nodeID, text: text ?? `Text of ${nodeID}`, type })),
    edges: edges.map(([fromID, toID], i) => ({ edgeID: `e${i}`, fromID, toID, formEdgeID: null })),
    locutions: [],
  };
}

describe('AIF reader: each construct', () => {
  it('reads an AIFdb nodeset: I nodes, linked RA, CA on a claim, CA into RA and into CA, MA, scheme RA', () => {
    const map = mapFrom(fixtureJson('nodeset.json'));
    expect(map.nodes.map((n) => [n.id, n.type, n.text, n.tags])).toEqual([
      ['1', 'statement', 'The city centre should be closed to private cars.', undefined],
      ['2', 'statement', 'Air pollution in the centre exceeds the legal limit on most days.', undefined],
      ['3', 'statement', "Cars are the main source of the centre's air pollution.", undefined],
      ['5', 'statement', 'Shops would lose the customers who arrive by car.', undefined],
      ['7', 'statement', 'Footfall rose in every city that went car-free.', undefined],
      [
        '9',
        'statement',
        'The pollution readings come from a single sensor beside the bus station.',
        undefined,
      ],
      ['11', 'statement', "Most of the centre's dirty air comes from private cars.", undefined],
      ['13', 'statement', "The council's air-quality officer reported the readings.", undefined],
    ]);
    expect(relations(map)).toEqual([
      ['4', 'support', ['2', '3'], '1'],
      ['6', 'attack', ['5'], '1'],
      ['8', 'undercut', ['7'], '6'],
      ['10', 'undercut', ['9'], '4'],
      ['12', 'support', ['3'], '11', ['rephrase']],
      ['14', 'support', ['13'], '2'],
    ]);
    expect(map.groups).toEqual([]);
    expect(map.title).toBeUndefined();
    expect(map.source).toBeUndefined();
    expect(validateMap(map)).toEqual([]);
  });

  it('keeps the AIF fields of each element in extra.aif (typed id, type, timestamp, scheme, edges, positions)', () => {
    const map = mapFrom(fixtureJson('nodeset.json'));
    expect(map.nodes[0]?.extra).toEqual({
      aif: { index: 0, node: { nodeID: '1', type: 'I', timestamp: '2024-03-05 10:15:00' } },
    });
    expect(map.relations[0]?.extra).toEqual({
      aif: {
        index: 3,
        node: {
          nodeID: '4',
          text: 'Default Inference',
          type: 'RA',
          timestamp: '2024-03-05 10:15:00',
          scheme: 'Default Inference',
          schemeID: '72',
        },
        edges: [
          { index: 0, edge: { edgeID: '101', fromID: '2', toID: '4', formEdgeID: null } },
          { index: 1, edge: { edgeID: '102', fromID: '3', toID: '4', formEdgeID: null } },
          { index: 2, edge: { edgeID: '103', fromID: '4', toID: '1', formEdgeID: null } },
        ],
      },
    });
    const aif = map.extra?.aif as Json;
    expect(aif.shape).toBe('nodeset');
    expect(aif.document).toEqual({ locutions: fixtureJson('nodeset.json').locutions });
    // L, TA, YA and PA nodes, and every edge that touches them, are kept whole with their positions.
    const kept = aif.nodes as { index: number; node: AifNode }[];
    expect(kept.map((k) => [k.index, k.node.nodeID, k.node.type])).toEqual([
      [14, '20', 'L'],
      [15, '21', 'L'],
      [16, '22', 'TA'],
      [17, '23', 'YA'],
      [18, '24', 'YA'],
      [19, '25', 'YA'],
      [20, '26', 'PA'],
    ]);
    expect((aif.edges as { edge: AifEdge }[]).map((k) => k.edge.edgeID)).toEqual([
      '114',
      '115',
      '116',
      '117',
      '118',
      '119',
      '120',
      '121',
      '122',
      '123',
    ]);
  });

  it('reads an OVA3 file: numeric ids, EN as an implicit premise, speakers, the analysed text as source', () => {
    const json = fixtureJson('ova3.json');
    const map = mapFrom(json);
    expect(map.nodes.map((n) => [n.id, n.tags ?? [], n.implicit ?? false, n.speaker ?? null])).toEqual([
      ['1', [], false, null],
      ['2', [], false, 'Irina Volkova'],
      ['3', [], true, null],
      ['5', [], false, null],
      ['6', [], false, null],
      ['8', [], false, null],
    ]);
    expect(relations(map)).toEqual([
      ['4', 'support', ['2', '3'], '1'],
      ['7', 'support', ['5'], '6'],
      ['9', 'attack', ['8'], '5'],
    ]);
    expect(map.source).toEqual({ text: json.text });
    expect((map.nodes[0]?.extra?.aif as { node: Json }).node.nodeID).toBe(1);
    const aif = map.extra?.aif as { shape: string; document: Json; nodes: { node: AifNode }[] };
    expect(aif.shape).toBe('ova3');
    expect(Object.keys(aif.document)).toEqual(['AIF', 'text', 'OVA']);
    expect(Object.keys(aif.document.AIF as Json)).toEqual([
      'schemefulfillments',
      'descriptorfulfillments',
      'cqdescriptorfulfillments',
      'participants',
      'locutions',
    ]);
    expect(aif.nodes.map((k) => k.node.type)).toEqual(['L', 'YA']);
    expect(validateMap(map, { sourceText: map.source?.text })).toEqual([]);
  });

  it.each<[string, Json, unknown[][]]>([
    [
      'an RA into an RA is an undercut of that inference',
      nodeset(
        [
          ['a', 'I'],
          ['b', 'I'],
          ['c', 'I'],
          ['r1', 'RA'],
          ['r2', 'RA'],
        ],
        [
          ['a', 'r1'],
          ['r1', 'b'],
          ['c', 'r2'],
          ['r2', 'r1'],
        ],
      ),
      [
        ['r1', 'support', ['a'], 'b'],
        ['r2', 'undercut', ['c'], 'r1'],
      ],
    ],
    [
      'a chain of CA nodes: attack, undercut of the attack, undercut of the undercut',
      nodeset(
        [
          ['a', 'I'],
          ['b', 'I'],
          ['c', 'I'],
          ['d', 'I'],
          ['x1', 'CA'],
          ['x2', 'CA'],
          ['x3', 'CA'],
        ],
        [
          ['a', 'x1'],
          ['x1', 'b'],
          ['c', 'x2'],
          ['x2', 'x1'],
          ['d', 'x3'],
          ['x3', 'x2'],
        ],
      ),
      [
        ['x1', 'attack', ['a'], 'b'],
        ['x2', 'undercut', ['c'], 'x1'],
        ['x3', 'undercut', ['d'], 'x2'],
      ],
    ],
    [
      'three linked premises in edge order, an EN premise among them',
      nodeset(
        [
          ['c', 'I'],
          ['ra', 'RA'],
          ['p3', 'I'],
          ['p1', 'EN'],
          ['p2', 'I'],
        ],
        [
          ['p1', 'ra'],
          ['p2', 'ra'],
          ['p3', 'ra'],
          ['ra', 'c'],
        ],
      ),
      [['ra', 'support', ['p1', 'p2', 'p3'], 'c']],
    ],
    [
      'an MA rephrase is a support tagged "rephrase"',
      nodeset(
        [
          ['a', 'I'],
          ['b', 'I'],
          ['m', 'MA'],
        ],
        [
          ['a', 'm'],
          ['m', 'b'],
        ],
      ),
      [['m', 'support', ['a'], 'b', ['rephrase']]],
    ],
    [
      'string and numeric forms of one id meet, dialogue edges into a scheme node are no premises',
      {
        nodes: [
          { nodeID: 1, text: 'A', type: 'I' },
          { nodeID: '2', text: 'B', type: 'I' },
          { nodeID: 3, text: 'Default Conflict', type: 'CA' },
          { nodeID: 4, text: 'Disagreeing', type: 'YA' },
        ],
        edges: [
          { edgeID: 1, fromID: '1', toID: 3 },
          { edgeID: 2, fromID: 3, toID: 2 },
          { edgeID: 3, fromID: 4, toID: '3' },
        ],
      },
      [['3', 'attack', ['1'], '2']],
    ],
  ])('%s', (_name, json, expected) => {
    const { map, problems } = read(json);
    expect(problems).toEqual([]);
    expect(relations(map!)).toEqual(expected);
  });

  it('an EN node is an implicit statement; OVA text with HTML gives no source', () => {
    const json = {
      AIF: nodeset([['e', 'EN', 'Implicit premise']], []),
      text: '<p>Some <b>rich</b> text</p>',
    };
    const map = mapFrom(json);
    expect(map.nodes).toMatchObject([
      { type: 'statement', id: 'e', text: 'Implicit premise', implicit: true },
    ]);
    expect(map.nodes[0]?.tags).toBeUndefined();
    expect(map.source).toBeUndefined();
    expect(toAifJson(map)).toEqual(json);
  });

  it('uses the first of several conclusions and writes the others back', () => {
    const json = nodeset(
      [
        ['a', 'I'],
        ['b', 'I'],
        ['c', 'I'],
        ['r', 'RA'],
      ],
      [
        ['a', 'r'],
        ['r', 'b'],
        ['r', 'c'],
      ],
    );
    const { map, problems } = read(json);
    expect(relations(map!)).toEqual([['r', 'support', ['a'], 'b']]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'schema',
        pointer: '/nodes/3',
        message: 'RA node "r" has 2 conclusions; the first ("b") is used, the others are kept as AIF data',
      },
    ]);
    expect(toAifJson(map!)).toEqual(json);
  });

  it('drops an undercut aimed at a scheme node that is not read, transitively, and keeps them as data', () => {
    const json = nodeset(
      [
        ['a', 'I'],
        ['b', 'I'],
        ['broken', 'RA'],
        ['x1', 'CA'],
        ['x2', 'CA'],
      ],
      [
        ['broken', 'a'],
        ['b', 'x1'],
        ['x1', 'broken'],
        ['a', 'x2'],
        ['x2', 'x1'],
      ],
    );
    const { map, problems } = read(json);
    expect(map!.relations).toEqual([]);
    expect(problems.map((p) => [p.pointer, p.message])).toEqual([
      [
        '/nodes/2',
        'RA node "broken" has no premise (no edge from an I node into it); it is kept as AIF data only',
      ],
      [
        '/nodes/3',
        'CA node "x1" points into node "broken", which is not read as a relation; it is kept as AIF data only',
      ],
      [
        '/nodes/4',
        'CA node "x2" points into node "x1", which is not read as a relation; it is kept as AIF data only',
      ],
    ]);
    expect(toAifJson(map!)).toEqual(json);
  });
});

describe('AIF reader: problems', () => {
  it('reports every problem of broken.json with its pointer and line:column, in text order', () => {
    const { map, problems } = parseAifText(fixtureText('broken.json'));
    expect(problems.map((p) => [p.severity, p.code, p.pointer, p.line, p.column])).toEqual([
      ['error', 'empty-text', '/nodes/1/text', 4, 29],
      ['warning', 'schema', '/nodes/2', 5, 5],
      ['error', 'schema', '/nodes/4/nodeID', 7, 5],
      ['error', 'duplicate-id', '/nodes/5/nodeID', 8, 16],
      ['warning', 'schema', '/nodes/6', 9, 5],
      ['error', 'schema', '/nodes/7/type', 10, 5],
      ['warning', 'schema', '/nodes/9', 12, 5],
      ['error', 'missing-node', '/edges/4/toID', 19, 45],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'I node "2" has no text',
      'RA node "3" has no conclusion (no edge from it to an I, RA, CA or MA node); it is kept as AIF data only',
      'node 4 has no "nodeID"',
      'duplicate nodeID "4": node 3 has it already; this one is ignored',
      'RA node "6" has 2 conclusions; the first ("1") is used, the others are kept as AIF data',
      'node "7" has no "type"; expected I, RA, CA, MA, L, YA, TA…',
      'CA node "9" has no premise (no edge from an I node into it); it is kept as AIF data only',
      'edge "14": no node "99" (toID)',
    ]);
    expect(problems[0]?.nodeId).toBe('2');
    // What could be read is kept.
    expect(map!.nodes.map((n) => n.id)).toEqual(['1', '4', '8']);
    expect(relations(map!)).toEqual([['6', 'support', ['4'], '1']]);
  });

  it('writes broken.json back whole, except the edge that points to no node', () => {
    const json = fixtureJson('broken.json');
    const again = toAifJson(parseAifText(fixtureText('broken.json')).map!);
    expect(again.nodes).toEqual(json.nodes);
    expect(again.edges).toEqual((json.edges as AifEdge[]).filter((e) => e.edgeID !== '14'));
  });

  it.each<[string, string, number, number, string]>([
    ['a JSON syntax error', 'syntax', 2, 13, '{\n  "nodes": [,]\n}'],
    ['an array', 'schema', 1, 1, '[]'],
    ['a number', 'schema', 1, 1, '42'],
    ['an object without nodes', 'schema', 1, 1, '{"edges": []}'],
    ['an argmap file', 'schema', 1, 1, '{"format": "argmap", "version": 1, "nodes": [], "edges": []}'],
    ['OVA3 without AIF nodes', 'schema', 1, 1, '{"AIF": {"edges": []}, "OVA": {}}'],
  ])('%s is no map: one %s error at %i:%i', (_name, code, line, column, text) => {
    const { map, problems } = parseAifText(text);
    expect(map).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code, line, column });
    if (code === 'schema') expect(problems[0]?.pointer).toBe('');
  });

  it('a missing or wrong edges list is an error at /edges (or /AIF/edges); the nodes are still read', () => {
    expect(parseAifText('{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}]}')).toMatchObject({
      map: { nodes: [{ id: '1' }] },
      problems: [{ code: 'schema', pointer: '/edges', message: '"edges" is missing', line: 1, column: 1 }],
    });
    expect(read({ AIF: { nodes: [], edges: 'none' } }).problems).toMatchObject([
      { code: 'schema', pointer: '/AIF/edges', message: '"edges" must be an array, not string "none"' },
    ]);
  });

  it('places validation problems of the map at the AIF node they came from', () => {
    const json = {
      ...nodeset(
        [
          ['a', 'I'],
          ['b', 'I'],
          ['r', 'RA'],
        ],
        [
          ['a', 'r'],
          ['r', 'b'],
        ],
      ),
      argmap: { version: 1, nodes: [{ id: 'b', group: 'nowhere' }] },
    };
    const { map, places } = read(json);
    const placed = validateMap(map!).map((p) => placeAifProblem(p, places));
    expect(placed).toMatchObject([{ code: 'unknown-group', pointer: '/nodes/1', nodeId: 'b' }]);
    expect(
      placeAifProblem(
        { severity: 'error', code: 'empty-text', message: '', pointer: '/nodes/0/text' },
        places,
      ),
    ).toMatchObject({ pointer: '/nodes/0/text' });
    expect(
      placeAifProblem({ severity: 'error', code: 'schema', message: '', pointer: '/relations/0/to' }, places),
    ).toMatchObject({ pointer: '/nodes/2' });
    expect(
      placeAifProblem({ severity: 'error', code: 'schema', message: '', pointer: '/groups/0' }, places),
    ).toMatchObject({ pointer: '/argmap/groups/0' });
  });

  it('reports a broken extension under /argmap and reads the rest', () => {
    const json = {
      ...nodeset([['a', 'I']], []),
      argmap: { version: 2, groups: [{ id: 'g' }], nodes: [{ id: 'a', tags: 'x' }, 7] },
    };
    const { map, problems } = read(json);
    expect(problems.map((p) => [p.severity, p.code, p.pointer])).toEqual([
      ['warning', 'schema', '/argmap/version'],
      ['error', 'schema', '/argmap/groups/0/title'],
      ['error', 'schema', '/argmap/nodes/0/tags'],
      ['error', 'schema', '/argmap/nodes/1'],
    ]);
    expect(map!.nodes).toMatchObject([{ id: 'a', text: 'Text of a' }]);
  });
});

describe('AIF round trips', () => {
  it.each(['nodeset.json', 'ova3.json'])(
    'AIF → argmap → AIF gives %s back: every node, edge and field',
    (name) => {
      const json = fixtureJson(name);
      const map = mapFrom(json);
      const again = toAifJson(map);
      expect(nodeSet(again)).toEqual(nodeSet(json));
      expect(edgeSet(again)).toEqual(edgeSet(json));
      expect(again).toEqual(json);
      // Through an argmap JSON file too: the AIF data lives in `extra`, which argmap JSON keeps.
      const saved = parseArgmapJson(serialiseArgmap(map));
      expect(saved.problems).toEqual([]);
      expect(toAifJson(saved.map!)).toEqual(json);
      // The same shape comes back (OVA3 stays OVA3), written as pretty JSON with a final newline.
      const text = serialiseAif(map);
      expect(text.endsWith('}\n')).toBe(true);
      expect(JSON.parse(text)).toEqual(json);
      expect(text).toBe(JSON.stringify(json, null, 2) + '\n');
    },
  );

  it('argmap → AIF → argmap keeps every statement, relation, group and tag of generated maps', () => {
    fc.assert(
      fc.property(arbitraryValidMap, (map) => {
        const aif = toAifJson(map);
        const { map: again, problems } = readAifValue(JSON.parse(JSON.stringify(aif)));
        expect(problems).toEqual([]);
        expect(withoutOrigin(again!)).toEqual(map);
        // And the second export is the first: ids, order and fields are stable.
        expect(toAifJson(again!)).toEqual(aif);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('argmap → AIF → argmap keeps title, source, groups, tour, arguments, notes, quotes and unknown keys', () => {
    const map = mapOf(readText('data/example.argmap.json'));
    const aif = toAifJson(map);
    expect(withoutOrigin(mapFrom(JSON.parse(serialiseAif(map))))).toEqual(map);
    // AIF tools see a plain nodeset: the contradiction is two CA nodes a → b and b → a.
    const { nodes, edges } = listsOf(aif);
    expect(Object.keys(aif)).toEqual(['nodes', 'edges', 'locutions', 'argmap']);
    // r2, r3, r5, r6 attack; r4 undercut; r7 and its mirror.
    expect(nodes.filter((n) => n.type === 'CA')).toHaveLength(7);
    expect(nodes.find((n) => n.nodeID === 'health-argument')).toMatchObject({ type: 'I' });
    const r7 = edges.filter((e) => e.fromID === 'r7' || e.toID === 'r7').map((e) => [e.fromID, e.toID]);
    expect(r7).toEqual([
      ['footfall-rose', 'r7'],
      ['r7', 'cars-essential'],
    ]);
    const twin = (aif.argmap as { relations: Json[] }).relations.find((r) => r.id === 'r7')?.contradiction;
    expect(edges.filter((e) => e.fromID === twin || e.toID === twin).map((e) => [e.fromID, e.toID])).toEqual([
      ['cars-essential', twin],
      [twin, 'footfall-rose'],
    ]);
    // The undercut r4 of attack r2 is a CA into r2's CA node.
    expect(edges.filter((e) => e.fromID === 'r4').map((e) => e.toID)).toEqual(['r2']);
  });

  it('after edits, keeps stored ids, gives new parts fresh ids, and drops edges whose ends are gone', () => {
    const json = fixtureJson('nodeset.json');
    const map = mapFrom(json);
    const edited: ArgumentMap = {
      ...map,
      nodes: [...map.nodes, { type: 'statement', id: '104', text: 'Buses would run on time.' }],
      relations: [
        ...map.relations.filter((r) => r.id !== '6' && r.id !== '8'),
        { id: 'new', type: 'support', from: ['104'], to: '1' } satisfies Relation,
      ],
    };
    const again = toAifJson(edited);
    const before = listsOf(json);
    const after = listsOf(again);
    const gone = new Set(['6', '8']);
    expect(after.nodes.slice(0, before.nodes.length - 2)).toEqual(
      before.nodes.filter((n) => !gone.has(`${n.nodeID}`)),
    );
    expect(after.nodes.slice(-2)).toEqual([
      { nodeID: '104', text: 'Buses would run on time.', type: 'I' },
      { nodeID: 'new', text: 'Default Inference', type: 'RA' },
    ]);
    const touchesGone = (e: AifEdge) => gone.has(`${e.fromID}`) || gone.has(`${e.toID}`);
    const newEdges = after.edges.slice(-2);
    expect(after.edges.slice(0, -2)).toEqual(before.edges.filter((e) => !touchesGone(e)));
    expect(newEdges.map((e) => [e.fromID, e.toID])).toEqual([
      ['104', 'new'],
      ['new', '1'],
    ]);
    // Fresh edge ids collide with no node or edge id of the file or the map.
    const taken = new Set([
      ...before.nodes.map((n) => `${n.nodeID}`),
      ...before.edges.map((e) => `${e.edgeID}`),
    ]);
    taken.add('104');
    for (const edge of newEdges) expect(taken.has(`${edge.edgeID}`)).toBe(false);
    expect(relations(mapFrom(again)).at(-1)).toEqual(['new', 'support', ['104'], '1']);
  });

  it('OVA3: a deleted node loses its layout entry; a changed relation type gets a fresh scheme node', () => {
    const json = fixtureJson('ova3.json');
    const map = mapFrom(json);
    const edited: ArgumentMap = {
      ...map,
      nodes: map.nodes.filter((n) => n.id !== '8'),
      relations: map.relations.flatMap((r) =>
        r.id === '9' ? [] : r.id === '7' ? [{ ...r, type: 'attack' } as Relation] : [r],
      ),
    };
    const again = toAifJson(edited);
    const ova = again.OVA as { nodes: { nodeID: number }[]; edges: { fromID: number; toID: number }[] };
    expect(ova.nodes.map((n) => n.nodeID)).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11]);
    expect(ova.edges.some((e) => e.fromID === 8 || e.toID === 9)).toBe(false);
    expect(listsOf(again).nodes.find((n) => n.nodeID === 7)).toEqual({
      nodeID: 7,
      text: 'Default Conflict',
      type: 'CA',
    });
    expect(relations(mapFrom(again))).toEqual([
      ['4', 'support', ['2', '3'], '1'],
      ['7', 'attack', ['5'], '6'],
    ]);
  });

  it('an implicit premise stays EN; a tag "implicit" is only a tag (an I node, the tag in the extension)', () => {
    const map = mapFrom(fixtureJson('ova3.json'));
    const edited: ArgumentMap = {
      ...map,
      nodes: [...map.nodes, { type: 'statement', id: 'x', text: 'Another', tags: ['implicit'] }],
    };
    const again = toAifJson(edited);
    expect(
      listsOf(again)
        .nodes.filter((n) => n.type === 'EN')
        .map((n) => n.nodeID),
    ).toEqual([3]);
    expect(again.argmap).toEqual({ version: 1, nodes: [{ id: 'x', tags: ['implicit'] }] });
    expect(mapFrom(again).nodes.map((n) => n.tags)).toEqual([...map.nodes.map((n) => n.tags), ['implicit']]);
  });
});

describe('looksLikeAif', () => {
  it.each([
    ['an AIFdb nodeset', true, fixtureJson('nodeset.json')],
    ['an OVA3 file', true, fixtureJson('ova3.json')],
    ['broken.json', true, fixtureJson('broken.json')],
    ['the example argmap file', false, JSON.parse(readText('data/example.argmap.json')) as unknown],
    ['an argmap file with edges', false, { format: 'argmap', nodes: [], edges: [] }],
    ['null', false, null],
    ['a number', false, 1],
    ['a string', false, 'nodes'],
    ['an array', false, [{ nodes: [], edges: [] }]],
    ['nodes without edges', false, { nodes: [] }],
    ['nodes that are no array', false, { nodes: {}, edges: [] }],
    ['an AIF that is no object', false, { AIF: [], OVA: {} }],
    ['inherited lists', false, Object.create({ nodes: [], edges: [] }) as unknown],
  ])('%s → %s', (_name, expected, value) => {
    expect(looksLikeAif(value)).toBe(expected);
  });
});

describe('AIF reader: hostile input', () => {
  it('wrong values where objects are expected give problems, not exceptions', () => {
    const text = '{"nodes":[null,1,"x",{"nodeID":{}}],"edges":{}}';
    const { map, problems } = parseAifText(text);
    expect(problems.map((p) => [p.code, p.pointer, p.message])).toEqual([
      ['schema', '/nodes/0', 'node 0 must be an object, not null'],
      ['schema', '/nodes/1', 'node 1 must be an object, not number 1'],
      ['schema', '/nodes/2', 'node 2 must be an object, not string "x"'],
      ['schema', '/nodes/3/nodeID', '"nodeID" must be a non-empty string or a number, not an object'],
      ['schema', '/edges', '"edges" must be an array, not an object'],
    ]);
    expect(map).toMatchObject({ nodes: [], relations: [] });
    expect(() => serialiseAif(map!)).not.toThrow();
    expect(
      read({ nodes: [{ nodeID: '1', type: 'I', text: 7 }], edges: [null, { fromID: [], toID: '1' }] })
        .problems,
    ).toMatchObject([
      { pointer: '/nodes/0/text', message: 'I node "1" has "text" number 7' },
      { pointer: '/edges/0', message: 'edge 0 must be an object, not null' },
      { pointer: '/edges/1/fromID', message: 'edge 1 has "fromID" an array' },
    ]);
  });

  it('keys named __proto__ stay plain data and come back; ids like __proto__ and constructor are ids', () => {
    const text = `{
      "nodes": [
        {"nodeID": "__proto__", "text": "A", "type": "I", "__proto__": {"polluted": 1}},
        {"nodeID": "constructor", "text": "B", "type": "I"},
        {"nodeID": "toString", "text": "Default Inference", "type": "RA"}
      ],
      "edges": [
        {"edgeID": "1", "fromID": "__proto__", "toID": "toString", "__proto__": {"polluted": 2}},
        {"edgeID": "2", "fromID": "toString", "toID": "constructor"}
      ],
      "__proto__": {"polluted": 3},
      "argmap": {"version": 1, "__proto__": {"polluted": 4}, "nodes": [{"id": "constructor", "extra": {"__proto__": 5}}]}
    }`;
    const { map, problems } = parseAifText(text);
    expect(problems).toEqual([]);
    expect(relations(map!)).toEqual([['toString', 'support', ['__proto__'], 'constructor']]);
    const again = toAifJson(map!);
    expect(({} as Json).polluted).toBeUndefined();
    expect(again).toEqual(JSON.parse(text));
    expect(Object.keys(again)).toContain('__proto__');
    expect(Object.keys(listsOf(again).nodes[0]!)).toContain('__proto__');
    expect(Object.getPrototypeOf(map!.extra)).toBe(Object.prototype);
  });

  it('a long chain of undercuts and a large file cost no stack', () => {
    const size = 5000;
    const nodes: [string, string, string?][] = [
      ['a', 'I'],
      ['b', 'I'],
    ];
    const edges: [string, string][] = [];
    // c0 has no premise; every ci undercuts c(i-1): all fall, one after the other.
    for (let i = 0; i < size; i++) {
      nodes.push([`c${i}`, 'CA'], [`p${i}`, 'I']);
      edges.push([`c${i}`, i === 0 ? 'a' : `c${i - 1}`]);
      if (i > 0) edges.push([`p${i}`, `c${i}`]);
    }
    const json = nodeset(nodes, edges);
    const { map, problems } = read(json);
    expect(map!.relations).toEqual([]);
    expect(problems).toHaveLength(size);
    expect(toAifJson(map!)).toEqual(json);
  });
});
