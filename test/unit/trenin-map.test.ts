import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load.ts';
import {
  findCycles,
  indexMap,
  roots,
  type ArgumentMap,
  type MapNode,
  type Relation,
} from '../../src/core/model/index.ts';
import { pagedStepWarnings } from '../../src/core/presentation/step-pages.ts';
import { mapStats } from '../../src/core/stats.ts';
import { readText } from './helpers.ts';

/** The showcase map, what every user sees first: every kind of element, each box quoting its passage. */
const loaded = await loadMapText(readText('data/trenin-2010.argmap.json'), async (path) =>
  readText(`data/${path}`),
);
const map: ArgumentMap = loaded.map!;
const stats = mapStats(map, loaded.sourceText);
const index = indexMap(map);

/** A node's own key, whether the model reads it as a field or keeps it among the unknown keys. */
function field(node: MapNode | undefined, key: 'implicit' | 'speaker'): unknown {
  const own = (node as unknown as Record<string, unknown> | undefined)?.[key];
  return own ?? node?.extra?.[key];
}
const node = (id: string): MapNode => {
  const found = index.node(id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const implicit = (id: string) => field(node(id), 'implicit') === true;
const speaker = (id: string) => field(node(id), 'speaker');

/** The relations from exactly these premises (in any order) to `to`. */
function relationsFrom(from: readonly string[], to: string): Relation[] {
  const wanted = [...from].sort().join(' ');
  return map.relations.filter((r) => r.to === to && [...r.from].sort().join(' ') === wanted);
}
/** Every relation between two elements, either way, whatever its other premises. */
function between(a: string, b: string): Relation[] {
  return map.relations.filter(
    (r) => (r.from.includes(a) && r.to === b) || (r.from.includes(b) && r.to === a),
  );
}
const relation = (id: string) => map.relations.find((r) => r.id === id);
const tour = map.tour ?? [];
/** The step (from 0) that first shows `id`. */
const stepShowing = (id: string) => tour.findIndex((step) => step.show?.includes(id));

describe('the Trenin map', () => {
  it('is valid, with no warnings, and every statement but the implicit ones quotes the interview verbatim', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.valid).toBe(true);
    const statements = map.nodes.filter((n) => n.type === 'statement');
    for (const statement of statements) {
      expect(statement.quote === undefined, statement.id).toBe(implicit(statement.id));
    }
    expect(stats.quotes.verified).toBe(stats.quotes.total);
    expect(
      statements
        .filter((n) => implicit(n.id))
        .map((n) => n.id)
        .sort(),
    ).toEqual(['fears-disregard', 'peace-secure', 'rival-membership', 'rival-nrc']);
  });

  it('is a full analysis: ≥ 50 statements, linked premises, attacks, undercuts, ≥ 6 groups', () => {
    expect(stats.statements).toBeGreaterThanOrEqual(50);
    expect(stats.linked).toBeGreaterThanOrEqual(1);
    expect(stats.relations.attack).toBeGreaterThanOrEqual(1);
    expect(stats.relations.undercut).toBeGreaterThanOrEqual(1);
    expect(stats.groups).toBeGreaterThanOrEqual(6);
  });

  it('connects every node, gives every node a group, and has no cycles', () => {
    for (const n of map.nodes) {
      expect(index.premiseOf(n.id).length + index.incoming(n.id).length, n.id).toBeGreaterThan(0);
      expect(n.group, n.id).toBeDefined();
    }
    expect(findCycles(index)).toEqual([]);
  });

  it('has a tour that grows step by step and ends on the whole map', () => {
    expect(tour.length).toBeGreaterThanOrEqual(10);
    tour.forEach((step, i) => {
      const previous = new Set(i > 0 ? tour[i - 1]!.show : []);
      expect(
        [...previous].every((id) => step.show?.includes(id)),
        `step ${i + 1}`,
      ).toBe(true);
      expect(step.show).toContain(step.focus);
      expect(step.note, `step ${i + 1}`).toBeTruthy();
    });
    expect(new Set(tour.at(-1)!.show)).toEqual(new Set(map.nodes.map((n) => n.id)));
  });

  it('carries the attribution of its source and names the interviewer', () => {
    expect(map.source).toMatchObject({
      author: 'Dmitri Trenin',
      publisher: 'The Valdai Discussion Club',
      date: '2010-11-23',
    });
    expect(map.source?.attribution).toBeTruthy();
    const source = map.source as unknown as Record<string, unknown>;
    expect(source['interviewer'] ?? map.source?.extra?.['interviewer']).toBe('Interviewer');
  });
});

/** Issue 21, "What is wrong in the map": each corrected relation, by the ids that replace the old ones. */
describe('the Trenin map’s logic', () => {
  it('1: the fears are ungrounded and real at once; both bear on the implicit "can be disregarded"', () => {
    expect(implicit('fears-disregard')).toBe(true);
    expect(relationsFrom(['fears-ungrounded'], 'fears-disregard')[0]?.type).toBe('support');
    expect(relationsFrom(['fears-real'], 'fears-disregard')[0]?.type).toBe('attack');
    expect(between('fears-real', 'fears-ungrounded')).toEqual([]);
    // The objection cuts the step from the wariness to a central problem; nothing attacks the wariness itself.
    const wariness = relationsFrom(['neighbours-wary'], 'two-central-problems')[0]!;
    expect(relationsFrom(['fears-disregard'], wariness.id)[0]?.type).toBe('undercut');
    expect(map.relations.filter((r) => r.to === 'neighbours-wary')).toEqual([]);
  });

  it('2: no contradiction between missile-defence-concern and missile-defence-cooperation: a tension the tour asks about', () => {
    expect(between('missile-defence-concern', 'missile-defence-cooperation')).toEqual([]);
    expect(stats.relations.contradiction).toBe(0);
    expect(node('missile-defence-cooperation').note).toMatch(/tension/i);
    const step = tour.find((s) => s.focus === 'missile-defence-cooperation');
    expect(step?.note).toMatch(/contradict/);
  });

  it('3: reassuring the neighbours is a remedy grounded in the baseless fears, not an attack on their wariness', () => {
    expect(between('missile-defence-reassure', 'neighbours-wary')).toEqual([]);
    expect(
      map.relations.filter((r) => r.from.includes('missile-defence-reassure') && r.type !== 'support'),
    ).toEqual([]);
    expect(relationsFrom(['fears-ungrounded'], 'missile-defence-reassure')[0]?.type).toBe('support');
  });

  it('4: r27’s replacement is one linked support [mediation-builds-trust, trust-cornerstone] → transnistria-first-step', () => {
    const linked = relationsFrom(['mediation-builds-trust', 'trust-cornerstone'], 'transnistria-first-step');
    expect(linked.map((r) => r.type)).toEqual(['support']);
    expect(relation('r27')).toBeUndefined();
    expect(between('transnistria-first-step', 'mediation-builds-trust').map((r) => r.id)).toEqual([
      linked[0]!.id,
    ]);
    // trust-cornerstone is pulled nowhere else (r24 is gone).
    expect(index.premiseOf('trust-cornerstone').map((r) => r.id)).toEqual([linked[0]!.id]);
  });

  it('5: the thesis has one linked support from the parts of its conjunction', () => {
    const into = map.relations.filter((r) => r.to === 'joint-mediation-foundation' && r.type === 'support');
    expect(into).toHaveLength(1);
    expect(into[0]!.type).toBe('support');
    // Joint mediation builds trust; the trust is what the foundation needs; more of it is needed.
    expect([...into[0]!.from].sort()).toEqual([
      'mediation-builds-trust',
      'more-trust-needed',
      'trust-foundation',
    ]);
  });

  it('review: the two aspects are peace in Europe and army reform; the membership rival meets Trenin’s reply', () => {
    const aspects = map.relations.find((r) => r.to === 'two-aspects' && r.type === 'support')!;
    expect(aspects.from).toContain('peace-first');
    expect(aspects.from).toContain('nato-help-army-reform');
    expect(node('two-aspects').text).not.toMatch(/secured by/);
    expect(
      relationsFrom(['accession-fuels-tensions', 'tensions-resurface'], 'rival-membership')[0]?.type,
    ).toBe('attack');
  });

  it('review: box texts say no more than their passages', () => {
    expect(node('change-mentality').text).toMatch(/should also/);
    expect(node('nato-becomes-osce').text).not.toMatch(/mere/);
    expect(node('missile-defence-reassure').text).not.toMatch(/joint/);
    expect(node('nato-unofficial-leader').text).not.toMatch(/United States/);
  });

  it('6: "foundation first" is linked with what the foundation is made of, not a reason for it', () => {
    expect(
      between('foundation-over-rhetoric', 'trust-foundation').filter((r) => r.from.length === 1),
    ).toEqual([]);
    const linked = relationsFrom(
      ['foundation-over-rhetoric', 'trust-foundation', 'trust-missing'],
      'more-trust-needed',
    );
    expect(linked.map((r) => r.type)).toEqual(['support']);
  });

  it('7: trust is missing because of Moscow’s concerns; the two central problems call for more trust', () => {
    expect(relationsFrom(['moscow-concerns'], 'trust-missing')[0]?.type).toBe('support');
    expect(relationsFrom(['two-central-problems'], 'more-trust-needed')[0]?.type).toBe('support');
    expect(between('two-central-problems', 'trust-missing')).toEqual([]);
    expect(between('neighbours-wary', 'trust-missing')).toEqual([]);
  });

  it('8: Afghanistan is evidence for joint projects and for extending them, not for mediation', () => {
    expect(relationsFrom(['afghanistan-precedent'], 'joint-projects-new-level')[0]?.type).toBe('support');
    expect(relationsFrom(['afghanistan-precedent'], 'extend-to-shared-problems')[0]?.type).toBe('support');
    expect(between('afghanistan-precedent', 'mediation-builds-trust')).toEqual([]);
  });

  it('9: army reform, cyber and anti-piracy are applications of joint projects, not evidence for them', () => {
    for (const application of ['nato-help-army-reform', 'cyber-cooperate', 'anti-piracy-ops']) {
      expect(relationsFrom([application], 'joint-projects-new-level'), application).toEqual([]);
    }
    expect(relationsFrom(['joint-projects-new-level'], 'anti-piracy-ops')[0]?.type).toBe('support');
    expect(
      relationsFrom(['extend-to-shared-problems', 'cyber-everyone-concerned'], 'cyber-cooperate'),
    ).toHaveLength(1);
  });

  it('10: the reset is background, and no answer is hung under the thesis only to be there', () => {
    expect(roots(index)).toEqual([
      'joint-mediation-foundation',
      'transnistria-first-step',
      'cyber-cooperate',
      'two-aspects',
      'reset-begun',
    ]);

    for (const id of map.nodes.filter((n) => n.group === 'reset').map((n) => n.id)) {
      expect(node(id).tags, id).toContain('background');
    }
    for (const gone of [
      'reset-begun',
      'nato-priorities',
      'peace-first',
      'peace-through-politics',
      'security-body-all-europe',
    ]) {
      expect(between(gone, 'joint-mediation-foundation'), gone).toEqual([]);
    }
    expect(relationsFrom(['peace-first', 'peace-through-politics'], 'security-body-all-europe')).toHaveLength(
      1,
    );
  });

  it('11: the hotspot countries are a rebuttal of the council as a safeguard, with no invented concession', () => {
    expect(relationsFrom(['nrc-not-inclusive'], 'nrc-safeguard')[0]?.type).toBe('attack');
    expect(
      map.relations.filter((r) => r.type === 'undercut' && r.from.includes('nrc-not-inclusive')),
    ).toEqual([]);
    expect(node('nrc-not-inclusive').note).not.toMatch(/grants/);
  });

  it('12: the council and membership are the interviewer’s; the rival answers built on them are marked implicit', () => {
    for (const id of ['nrc-safeguard', 'nrc-basic-tool', 'membership-option']) {
      expect(speaker(id), id).toBe('Interviewer');
      expect(node(id).text, id).not.toMatch(/interviewer/i);
      expect(between(id, 'joint-mediation-foundation'), id).toEqual([]);
    }
    for (const [rival, premise] of [
      ['rival-nrc', 'nrc-safeguard'],
      ['rival-membership', 'membership-option'],
    ] as const) {
      expect(implicit(rival), rival).toBe(true);
      expect(relationsFrom([rival], 'joint-mediation-foundation')[0]?.type, rival).toBe('attack');
      expect(relationsFrom([premise], rival)[0]?.type, rival).toBe('support');
    }
    expect(relationsFrom(['no-membership'], 'membership-option')[0]?.type).toBe('attack');
  });

  it('13: the partnership rhetoric supports an implicit "peace is secure", and the near-clash undercuts that step', () => {
    expect(implicit('peace-secure')).toBe(true);
    const rhetoric = relationsFrom(['partnership-rhetoric'], 'peace-secure')[0]!;
    expect(rhetoric.type).toBe('support');
    expect(relationsFrom(['black-sea-clash'], rhetoric.id)[0]?.type).toBe('undercut');
    expect(relationsFrom(['peace-secure'], 'peace-first')[0]?.type).toBe('attack');
    expect(node('partnership-rhetoric').tags).not.toContain('concession');
    expect(node('partnership-rhetoric').text).not.toMatch(/peace/i);
  });
});

describe('the Trenin map’s fidelity, tags, groups and tour', () => {
  it('keeps the hedges and adds nothing the text does not say', () => {
    expect(node('joint-mediation-foundation').text).toContain('could help build');
    expect(node('mediation-builds-trust').text).toContain('could help build');
    expect(node('architecture-term-misleading').text).toContain('doesn’t like the term');
    expect(node('nothing-changed').text).toContain('doesn’t think');
    expect(node('nothing-changed').text).not.toMatch(/comprehensive/);
    expect(node('no-membership').text).toContain('does not see');
    expect(node('cyber-everyone-concerned').text).not.toMatch(/shared/);
    expect(node('neighbours-wary').text).not.toMatch(/foundation/);
    expect(node('reset-fruits').text).not.toMatch(/Georgia|enlargement/);
    expect(node('membership-option').text).not.toMatch(/alternative|trust/);
  });

  it('marks the thesis as the editors’ standfirst', () => {
    expect(speaker('joint-mediation-foundation')).toMatch(/standfirst/);
    expect(node('joint-mediation-foundation').note).toMatch(/standfirst/);
    expect(node('joint-mediation-foundation').group).toBe('standfirst');
  });

  it('tags one main claim per answer as key, and tags modality honestly', () => {
    const keys = map.nodes.filter((n) => n.tags?.includes('key'));
    const groups = keys.map((n) => n.group);
    expect(new Set(groups).size).toBe(groups.length);
    expect(keys.length).toBeLessThanOrEqual(map.groups?.length ?? 0);
    expect(node('no-border-protection').tags).not.toContain('empirical');
    expect(node('no-border-protection').tags).toContain('counterfactual');
    expect(node('russia-can-learn').tags).toContain('possibility');
  });

  it('groups by question: one group per question, the standfirst apart, every question covered by quotes', () => {
    const groups = map.groups ?? [];
    for (const group of groups.filter((g) => g.id !== 'standfirst')) {
      expect(group.title, group.id).toMatch(/^Q[1-7]: /);
      expect(
        map.nodes.some((n) => n.group === group.id && n.quote !== undefined),
        group.id,
      ).toBe(true);
    }
    const questions = new Set(groups.flatMap((g) => g.title?.match(/^Q(\d)/)?.[1] ?? []));
    expect([...questions].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('opens the tour with the context and keeps what belongs together in one step', () => {
    expect(tour[0]!.focus).toBe('reset-begun');
    expect(stepShowing('nato-ignores-veto')).toBe(stepShowing('security-deficit'));
    expect(stepShowing('nato-help-army-reform')).toBe(stepShowing('peace-first'));
    const projects = stepShowing('joint-projects-new-level');
    expect(stepShowing('cyber-cooperate')).toBe(projects + 1);
    expect(stepShowing('nato-help-army-reform')).toBe(projects + 2);
  });

  it('no tour step adds more than 5 boxes, and none needs more than one projector screen', () => {
    tour.forEach((step, i) => {
      const before = new Set(i > 0 ? tour[i - 1]!.show : []);
      expect(step.show!.filter((id) => !before.has(id)).length, `step ${i + 1}`).toBeLessThanOrEqual(5);
    });
    expect(pagedStepWarnings(map)).toEqual([]);
  });

  it('keeps the historical notes and the discussion prompts', () => {
    const notes = [...map.nodes.map((n) => n.note), ...tour.map((s) => s.note)].join('\n');
    for (const mention of [
      'Meseberg',
      '5+2',
      'Lisbon',
      'Kosovo 1999',
      'August 2008',
      'Northern Distribution Network',
    ]) {
      expect(notes, mention).toContain(mention);
    }
    expect(tour.filter((s) => /\bAsk\b/.test(s.note ?? '')).length).toBeGreaterThanOrEqual(2);
  });
});
