import { drawnTargetOf } from '../core/layout/drawn-target.ts';
import { boxOfKey, reconstructionFold, toggledBox, toggledReconstruction } from '../core/layout/folds.ts';
import { buildForest, type Forest } from '../core/layout/forest.ts';
import type { LaidOutMap } from '../core/layout/types.ts';
import { stepFrom, type Step } from '../core/layout/navigation.ts';
import { ancestors, descendants, primaryRelation } from '../core/model/graph.ts';
import { createGroupTest } from '../core/model/groups.ts';
import type { MapIndex } from '../core/model/map-index.ts';
import { roleOf } from '../core/model/roles.ts';
import { idSet } from './id-set.ts';
import { nodeInAddress, selectionAddress } from './address.ts';
import type { Filter } from './Filters.svelte';
import type { ZoomControl } from './zoom.ts';

/** What exploring needs from the app around it. */
export interface ExplorationHost {
  index(): MapIndex | undefined;
  laidOut(): LaidOutMap | undefined;
  zoom(): ZoomControl | undefined;
  /** Resolves once the DOM shows the current state. */
  rendered(): Promise<void>;
  /** Shows the map as on opening: its top, readable, the first thesis centred (or the whole map if it fits). */
  overview?(): void;
  /** The Evaluate mode is on: a box's chain is then not lit (the statuses are what the map shows). */
  evaluating?(): boolean;
}

const noFilter: Filter = { roles: [], group: '', tag: '' };

/**
 * How the map is explored: the selected box (kept in the address, each change a step of the back button),
 * the hovered box, the collapsed subtrees and the filters.
 */
export class Exploration {
  selected = $state<string | undefined>();
  hovered = $state<string | undefined>();
  /** Replaced, never mutated, so that the layout is derived afresh. */
  collapsed = $state.raw<ReadonlySet<string>>(idSet());
  filter = $state.raw<Filter>(noFilter);
  /** The boxes a search finds, lit on the map while the search is open. */
  searchHits = $state.raw<ReadonlySet<string> | undefined>();

  constructor(private readonly host: ExplorationHost) {}

  /** Boxes that pass the filters (role, group, tag); undefined when no filter is set. */
  readonly filtered = $derived.by(() => {
    const index = this.host.index();
    const { roles, group, tag } = this.filter;
    if (!index || (roles.length === 0 && group === '' && tag === '')) return undefined;
    const inGroup = createGroupTest(index.map.groups);
    const pass = index.map.nodes.filter(
      (n) =>
        (roles.length === 0 || roles.includes(roleOf(index, n.id))) &&
        (group === '' || inGroup(n.group, group)) &&
        (tag === '' || (n.tags ?? []).includes(tag)),
    );
    return idSet(pass.map((n) => n.id));
  });

  /**
   * What the map lights up: the chain of reasoning of the hovered (or else selected) box, up to the thesis
   * and its support below; else the boxes a search found, or that pass the filters.
   */
  readonly highlight = $derived.by(() => {
    const index = this.host.index();
    // While a search is open its hits are lit, the one chosen among them selected. Evaluating, the whole map
    // shows what each assumption changes: no box's chain is lit over the others.
    const focus = this.host.evaluating?.()
      ? undefined
      : (this.hovered ?? (this.searchHits ? undefined : this.selected));
    if (focus === undefined || !index?.node(focus)) return this.searchHits ?? this.filtered;
    return idSet([focus, ...ancestors(index, focus), ...descendants(index, focus)]);
  });

  /** The selection is in the address (#node=), and each change is a step the back button walks back. */
  select(id: string | undefined): void {
    if (id === this.selected) return;
    this.selected = id;
    history.pushState(null, '', selectionAddress(id));
  }

  /** The selection the address names (at start, or after the back button). */
  followAddress(): void {
    this.selected = nodeInAddress();
  }

  /** The address changed while the map is shown (back, an edited #node=): its box is selected and shown. */
  async showAddress(): Promise<void> {
    const id = nodeInAddress();
    if (id === undefined) return void (this.selected = undefined);
    // A #node= that names no box is ignored (README).
    if (!this.#forest()?.all.has(id)) return;
    this.expandTo(id);
    this.selected = id;
    await this.#showIfOutside(id);
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    this.select(undefined);
  }

  /**
   * Another map: nothing collapsed but the reconstructions in `folded` (`foldedOnOpen`), nothing selected,
   * and the filters cleared when `filters`.
   */
  clear(filters: boolean, folded: readonly string[] = []): void {
    this.collapsed = idSet(folded.map(reconstructionFold));
    if (filters) this.filter = noFilter;
    this.select(undefined);
  }

  /** The map changed in place (the editor): collapse and selection stay for the boxes it still has. */
  keepFor(ids: ReadonlySet<string>): void {
    if ([...this.collapsed].some((key) => !ids.has(boxOfKey(key))))
      this.collapsed = idSet([...this.collapsed].filter((key) => ids.has(boxOfKey(key))));
    if (this.selected !== undefined && !ids.has(this.selected)) this.select(undefined);
  }

  /** Selects a box, moves keyboard focus to it and brings it into view. */
  async reveal(id: string, focus = true): Promise<void> {
    this.expandTo(id);
    this.select(id);
    await this.host.rendered();
    const box = this.#box(id);
    if (box) this.host.zoom()?.centreOn(box.x + box.width / 2, box.y + box.height / 2);
    if (focus) this.focusBox(id);
  }

  /** The keyboard on a box, and the box in view: moved to the middle if any of it is outside. */
  async focusInView(id: string): Promise<void> {
    this.focusBox(id);
    await this.#showIfOutside(id);
  }

  /** Puts the keyboard on a box (the map's keys then act from there). */
  focusBox(id: string): void {
    document.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  }

  /** The cursor is on a box's line: select the box (one address for all such moves) and show it if hidden. */
  async pickFromText(id: string): Promise<void> {
    this.expandTo(id);
    this.selected = id;
    history.replaceState(null, '', selectionAddress(id));
    await this.#showIfOutside(id);
  }

  /** Once drawn, the box is brought to the middle of the view if any of it is outside. */
  async #showIfOutside(id: string): Promise<void> {
    await this.host.rendered();
    const box = this.#box(id);
    const view = this.host.zoom()?.visibleRect();
    const outside =
      box &&
      view &&
      (box.x < view.x ||
        box.y < view.y ||
        box.x + box.width > view.x + view.width ||
        box.y + box.height > view.y + view.height);
    if (box && outside) this.host.zoom()?.centreOn(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Moves the selection along the tree (arrow keys on a box). */
  walk(from: string, direction: Step): void {
    const laidOut = this.host.laidOut();
    const to = laidOut && stepFrom(laidOut, from, direction);
    if (to !== undefined) void this.reveal(to);
  }

  /**
   * A box's pill: a folded or collapsed box opens whole, an open one collapses. The toggled box keeps its place
   * on screen: the view moves by as much as the box moved in the new layout.
   */
  async toggle(id: string): Promise<void> {
    await this.#keepingPlace(id, toggledBox(this.collapsed, id));
  }

  /** Folds or shows an argument's reconstruction only (its premises), its objections staying in view. */
  async toggleReconstruction(id: string): Promise<void> {
    await this.#keepingPlace(id, toggledReconstruction(this.collapsed, id));
  }

  /**
   * A collapsed box opened by one level (Shift+Enter, Shift+click on its pill): its children show, each of
   * them collapsed in turn; on an open box, the same as collapsing it.
   */
  async expandOneLevel(id: string): Promise<void> {
    const tree = this.#forest()?.all.get(id);
    if (!tree || !this.collapsed.has(id)) return this.toggle(id);
    const below = tree.children.filter((child) => child.children.length > 0).map((child) => child.id);
    await this.#keepingPlace(id, idSet([...[...this.collapsed].filter((other) => other !== id), ...below]));
  }

  /** The map shown `levels` deep: boxes at that depth with more below them collapsed, the rest open. */
  async expandToLevel(levels: number): Promise<void> {
    const forest = this.#forest();
    if (!forest) return;
    const at = [...forest.all.values()].filter((t) => t.depth === levels - 1 && t.children.length > 0);
    await this.#reshaped(idSet(at.map((t) => t.id)));
  }

  /** How many levels the map has (the deepest box's depth, plus one). */
  levels(): number {
    const forest = this.#forest();
    return forest ? Math.max(0, ...[...forest.all.values()].map((t) => t.depth)) + 1 : 0;
  }

  #forest(): Forest | undefined {
    const index = this.host.index();
    if (!index) return undefined;
    if (this.#forestOf?.index !== index) this.#forestOf = { index, forest: buildForest(index) };
    return this.#forestOf.forest;
  }
  #forestOf: { index: MapIndex; forest: Forest } | undefined;

  async #keepingPlace(id: string, collapsed: ReadonlySet<string>): Promise<void> {
    const before = this.#box(id);
    this.collapsed = collapsed;
    await this.host.rendered();
    const after = this.#box(id);
    if (before && after) this.host.zoom()?.shiftBy(after.x - before.x, after.y - before.y);
  }

  async collapseAll(): Promise<void> {
    await this.#reshaped(
      idSet(
        this.host
          .laidOut()
          ?.nodes.filter((n) => n.depth === 0)
          .map((n) => n.id),
      ),
    );
  }

  async expandAll(): Promise<void> {
    await this.#reshaped(idSet());
  }

  /**
   * The whole map folded or opened anew: shown as on opening, for the boxes in view before may be gone (all
   * collapsed, the view left on empty ground) or far from what is new.
   */
  async #reshaped(collapsed: ReadonlySet<string>): Promise<void> {
    this.collapsed = collapsed;
    await this.host.rendered();
    this.host.overview?.();
  }

  /** A box inside a collapsed subtree is shown: its collapsed ancestors are expanded. */
  expandTo(id: string): void {
    const hiddenUnder = this.#collapsedAncestors(id);
    if (hiddenUnder.length > 0)
      this.collapsed = idSet([...this.collapsed].filter((c) => !hiddenUnder.includes(c)));
  }

  #box(id: string) {
    return this.host.laidOut()?.nodes.find((n) => n.id === id);
  }

  /** The keys of `collapsed` that hide box `id`: its collapsed ancestors, and folds it lies in. */
  #collapsedAncestors(id: string): string[] {
    const found: string[] = [];
    const all = this.#forest()?.all;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local guard against cycles, not state
    const seen = new Set<string>();
    let child = id;
    for (let p = this.#parentInTree(id); p !== undefined && !seen.has(p); p = this.#parentInTree(p)) {
      seen.add(p);
      if (this.collapsed.has(p)) found.push(p);
      const fold = reconstructionFold(p);
      if (this.collapsed.has(fold) && all?.get(child)?.inReconstruction) found.push(fold);
      child = p;
    }
    return found;
  }

  /** The box a box hangs under in the drawn tree (collapse changes nothing). */
  #parentInTree(id: string): string | undefined {
    const index = this.host.index();
    const relation = index && primaryRelation(index, id);
    return relation && index ? drawnTargetOf(index, relation) : undefined;
  }
}
