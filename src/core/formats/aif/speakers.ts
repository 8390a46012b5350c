import type { ArgumentMap } from '../../model/types.ts';
import { readDocumentOrigin } from './origin.ts';
import { idKey, isRecord, own, type AifId, type JsonObject } from './types.ts';

/**
 * Speakers in AIF's dialogue layer (AIF+, as OVA and AIFdb write it): a locution node (L) anchors an I node
 * through an illocution (YA, "Asserting"): L → YA → I. The file's `locutions` give each L node's `personID`,
 * its `participants` the person's `firstname` and `surname`. A statement's speaker is the person of the first
 * locution anchoring it, in edge order; without a participant, the name before the colon of the L node's text
 * ("Irina Volkova: Trust is …"), as OVA writes it.
 */

/** The speaker of each I or EN node that the dialogue layer names, by the string form of its nodeID. */
export function dialogueSpeakers(
  nodes: readonly unknown[],
  edges: readonly unknown[],
  locutions: unknown,
  participants: unknown,
): Map<string, string> {
  const typeOf = new Map<string, string>();
  const textOf = new Map<string, string>();
  for (const node of nodes) {
    const key = isRecord(node) ? idKey(own(node, 'nodeID')) : undefined;
    if (key === undefined || typeOf.has(key)) continue;
    typeOf.set(key, String(own(node as JsonObject, 'type')));
    const text = own(node as JsonObject, 'text');
    if (typeof text === 'string') textOf.set(key, text);
  }
  const nameOf = participantNames(participants);
  const personOf = new Map<string, string>();
  for (const locution of Array.isArray(locutions) ? locutions : []) {
    const node = isRecord(locution) ? idKey(own(locution, 'nodeID')) : undefined;
    const person = isRecord(locution) ? idKey(own(locution, 'personID')) : undefined;
    if (node !== undefined && person !== undefined && !personOf.has(node)) personOf.set(node, person);
  }
  const speakerOfLocution = (l: string): string | undefined => {
    const person = personOf.get(l);
    const named = person !== undefined ? nameOf.get(person) : undefined;
    return named ?? /^([^:\n]{1,80}):\s/.exec(textOf.get(l) ?? '')?.[1]?.trim();
  };
  const ends = edges.flatMap((edge) => {
    const from = isRecord(edge) ? idKey(own(edge, 'fromID')) : undefined;
    const to = isRecord(edge) ? idKey(own(edge, 'toID')) : undefined;
    return from !== undefined && to !== undefined ? [{ from, to }] : [];
  });
  const locutionOf = new Map<string, string>();
  for (const { from, to } of ends)
    if (typeOf.get(from) === 'L' && typeOf.get(to) === 'YA' && !locutionOf.has(to)) locutionOf.set(to, from);
  const speakers = new Map<string, string>();
  for (const { from, to } of ends) {
    const type = typeOf.get(to);
    if (typeOf.get(from) !== 'YA' || (type !== 'I' && type !== 'EN') || speakers.has(to)) continue;
    const locution = locutionOf.get(from);
    const speaker = locution !== undefined ? speakerOfLocution(locution) : undefined;
    if (speaker) speakers.set(to, speaker);
  }
  return speakers;
}

/** "Firstname Surname" by participantID. */
function participantNames(participants: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const participant of Array.isArray(participants) ? participants : []) {
    if (!isRecord(participant)) continue;
    const id = idKey(own(participant, 'participantID'));
    const parts = [own(participant, 'firstname'), own(participant, 'surname')];
    const name = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    if (id !== undefined && name.length > 0 && !names.has(id)) names.set(id, name.join(' ').trim());
  }
  return names;
}

/** The lists that hold locutions and participants: the file's top level, or OVA3's `AIF`. */
export function dialogueLists(document: JsonObject, shape: 'nodeset' | 'ova3') {
  const holder =
    shape === 'ova3' && isRecord(own(document, 'AIF')) ? (own(document, 'AIF') as JsonObject) : document;
  return { locutions: own(holder, 'locutions'), participants: own(holder, 'participants') };
}

/** What the export adds so that AIF tools see a statement's speaker: nodes, edges, and the changed document. */
export interface SpeakerPlan {
  /** The speaker each statement has in the written file's dialogue layer. */
  readonly speakers: ReadonlyMap<string, string>;
  readonly nodes: readonly JsonObject[];
  readonly edges: readonly JsonObject[];
  readonly document: JsonObject;
}

/**
 * Adds a locution for each statement whose speaker the stored dialogue layer does not already name: an L
 * node ("Speaker: text"), a YA node ("Asserting"), the edges L → YA → I, a locution with the person's id, and
 * the person among the participants (one per name). A statement the stored layer names keeps that locution
 * (a different speaker in the map is said in the extension instead).
 */
export function planSpeakers(
  map: ArgumentMap,
  nodeIds: ReadonlyMap<string, AifId>,
  document: JsonObject,
  freshId: () => AifId,
): SpeakerPlan {
  const stored = readDocumentOrigin(map.extra);
  const shape = stored?.shape ?? 'nodeset';
  const lists = dialogueLists(document, shape);
  const statements = map.nodes.map((node) => ({
    nodeID: nodeIds.get(node.id),
    type: node.implicit ? 'EN' : 'I',
  }));
  const speakers = dialogueSpeakers(
    [...(stored?.nodes ?? []).map((placed) => placed.node), ...statements],
    (stored?.edges ?? []).map((placed) => placed.edge),
    lists.locutions,
    lists.participants,
  );
  const wanted = map.nodes.filter((node) => node.speaker?.trim() && !speakers.has(node.id));
  if (wanted.length === 0) return { speakers, nodes: [], edges: [], document };
  const people = new People(lists.participants);
  const nodes: JsonObject[] = [];
  const edges: JsonObject[] = [];
  const locutions: JsonObject[] = [];
  for (const node of wanted) {
    const speaker = node.speaker!.trim();
    const [l, ya] = [freshId(), freshId()];
    nodes.push(
      { nodeID: l, text: `${speaker}: ${node.text}`, type: 'L' },
      { nodeID: ya, text: 'Asserting', type: 'YA' },
    );
    edges.push(
      { edgeID: freshId(), fromID: l, toID: ya, formEdgeID: null },
      { edgeID: freshId(), fromID: ya, toID: nodeIds.get(node.id)!, formEdgeID: null },
    );
    locutions.push({ nodeID: l, personID: people.idOf(speaker) });
    speakers.set(node.id, speaker);
  }
  const added = { locutions, participants: people.added };
  return { speakers, nodes, edges, document: withDialogue(document, shape, added) };
}

/** The participants of a file, and new ones for names it does not have, numbered past the largest id. */
class People {
  readonly added: JsonObject[] = [];
  private readonly ids = new Map<string, number | string>();
  private next = 1;

  constructor(participants: unknown) {
    for (const participant of Array.isArray(participants) ? participants : []) {
      if (!isRecord(participant)) continue;
      const id = own(participant, 'participantID');
      if (typeof id === 'number' && Number.isFinite(id)) this.next = Math.max(this.next, Math.floor(id) + 1);
      const names = participantNames([participant]);
      const name = [...names.values()][0];
      if (name !== undefined && (typeof id === 'number' || typeof id === 'string') && !this.ids.has(name))
        this.ids.set(name, id);
    }
  }

  idOf(name: string): number | string {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const id = this.next++;
    const cut = name.lastIndexOf(' ');
    const [firstname, surname] = cut > 0 ? [name.slice(0, cut), name.slice(cut + 1)] : [name, ''];
    this.added.push({ participantID: id, firstname, surname });
    this.ids.set(name, id);
    return id;
  }
}

/** The document with locutions and participants added to its lists (made where it had none). */
function withDialogue(
  document: JsonObject,
  shape: 'nodeset' | 'ova3',
  added: { readonly locutions: readonly JsonObject[]; readonly participants: readonly JsonObject[] },
): JsonObject {
  const extend = (holder: JsonObject): JsonObject => {
    const list = (key: string) => (Array.isArray(own(holder, key)) ? (own(holder, key) as unknown[]) : []);
    const entries = Object.entries(holder);
    const out = Object.fromEntries(entries);
    const set = (key: string, value: unknown[]) =>
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    set('locutions', [...list('locutions'), ...added.locutions]);
    if (added.participants.length > 0 || own(holder, 'participants') !== undefined)
      set('participants', [...list('participants'), ...added.participants]);
    return out;
  };
  if (shape !== 'ova3' || !isRecord(own(document, 'AIF'))) return extend(document);
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [
      key,
      key === 'AIF' ? extend(value as JsonObject) : value,
    ]),
  );
}
