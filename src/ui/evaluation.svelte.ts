import { assumptionsOf } from '../core/evaluate/assumptions.ts';
import { evaluate, type Assumption, type Evaluation } from '../core/evaluate/evaluate.ts';
import { changes } from '../core/evaluate/sensitivity.ts';
import type { ArgumentMap, NodeId } from '../core/model/types.ts';
import { idSet } from './id-set.ts';
import { assumptionsInAddress, evaluationAddress } from './address.ts';

/** What the last click did: the statement and its new assumption, what stopped holding and what started. */
export interface LastChange {
  readonly id: NodeId;
  readonly assumption: Assumption | undefined;
  /** Statements that held and no longer do (defeated, or without support). */
  readonly falls: readonly NodeId[];
  readonly rises: readonly NodeId[];
}

/**
 * Assumptions held in state: an immutable value, replaced whole on every change (as `idSet`), so that the
 * evaluation is derived afresh.
 */
const assumptionMap = (
  entries: Iterable<readonly [NodeId, Assumption]> = [],
): ReadonlyMap<NodeId, Assumption> => new Map(entries);

/** A click on a box in the mode: open → accepted → rejected → open. */
export const nextAssumption = (now: Assumption | undefined): Assumption | undefined =>
  now === undefined ? 'accepted' : now === 'accepted' ? 'rejected' : undefined;

/**
 * The Evaluate mode (docs/EVALUATION.md): whether it is on, the user's assumptions and what the map then
 * says of each statement and relation. The assumptions are kept in the address (`#eval=`, see address.ts)
 * while the mode is on, and in the map when it is saved (`withAssumptions`); a map opened brings its own.
 */
export class EvaluationMode {
  on = $state(false);
  /** Raw: replaced whole on each click, so that the evaluation follows. */
  assumptions = $state.raw<ReadonlyMap<NodeId, Assumption>>(assumptionMap());
  last = $state.raw<LastChange | undefined>();
  /** The map the assumptions were last taken for. */
  #adopted: ArgumentMap | undefined;

  constructor(private readonly map: () => ArgumentMap | undefined) {}

  /** The statuses while the mode is on (undefined off: nothing is drawn or computed). */
  readonly result: Evaluation | undefined = $derived.by(() => {
    const map = this.map();
    return this.on && map ? evaluate(map, this.assumptions) : undefined;
  });

  toggle(): void {
    this.on = !this.on;
    this.last = undefined;
    this.#write();
  }

  /** A click on a box in the mode: its assumption goes round, and what that changed is kept for the panel. */
  cycle(id: NodeId): void {
    const map = this.map();
    if (!this.on || !map) return;
    const before = this.result ?? evaluate(map, this.assumptions);
    const assumption = nextAssumption(this.assumptions.get(id));
    const others = [...this.assumptions].filter(([other]) => other !== id);
    const next = assumptionMap(assumption ? [...others, [id, assumption]] : others);
    this.assumptions = next;
    this.last = { id, assumption, ...changes(before, evaluate(map, next), id) };
    this.#write();
  }

  /** Every assumption dropped: each statement open again. */
  clear(): void {
    this.assumptions = assumptionMap();
    this.last = undefined;
    this.#write();
  }

  /**
   * A map is shown. The first one takes the address's assumptions (a reload, a shared link), else its own;
   * a later one (opened, or edited in the editor) its own when it has some, else keeps those of its boxes
   * that it still has.
   */
  adopt(map: ArgumentMap): void {
    if (map === this.#adopted) return;
    const first = this.#adopted === undefined;
    this.#adopted = map;
    const ids = idSet(map.nodes.map((n) => n.id));
    const fromAddress = first ? assumptionsInAddress() : undefined;
    const own = assumptionsOf(map).assumptions;
    const kept = fromAddress ?? (own.size > 0 ? own : this.assumptions);
    this.assumptions = assumptionMap([...kept].filter(([id]) => ids.has(id)));
    if (fromAddress) this.on = true;
    this.last = undefined;
    this.#write();
  }

  #write(): void {
    history.replaceState(history.state, '', evaluationAddress(this.on ? this.assumptions : undefined));
  }
}
