import type { LaidOutMap } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import { drawnStandIns } from '../core/presentation/overview.ts';
import type { StepPage } from '../core/presentation/step-pages.ts';
import type { StepTree } from '../core/presentation/step-scene.ts';
import { planPages } from '../core/presentation/plan.ts';
import { openChannel } from './presentation-channel.ts';
import type { ZoomControl } from './zoom.ts';
import { stepAddress } from './address.ts';

/**
 * How far the camera may zoom in on a step: a projector's audience reads from the back of a room, so a step of a
 * few boxes is drawn at twice the map's size (14 px body text at 28 px) where the screen has room for it.
 */
const STEP_ZOOM = 2;
/** The overview is drawn at most a little over the map's own size: it shows where the talk is, not detail. */
const OVERVIEW_ZOOM = 1.25;
/** The camera's margin round a step's scene, in screen pixels (the scene's room allows for it). */
const STEP_MARGIN = 12;

/** What the presentation needs from the app around it. */
export interface PresentationHost {
  /** The presentation's pages: its steps, a step too large for one screen in several. */
  steps(): readonly StepPage[];
  map(): ArgumentMap | undefined;
  laidOut(): LaidOutMap | undefined;
  zoom(): ZoomControl | undefined;
  /** Remembers how the map was being explored; the returned function brings that back. */
  saveView(): () => void;
  /** The address while exploring (e.g. with #node=), to go back to. */
  exploreAddress(): string;
  /** Resolves once the DOM shows the current state. */
  rendered(): Promise<void>;
  /** The whole map's drawn tree, for finding where a folded box shows in the overview. */
  tree(): StepTree | undefined;
  /** The height of the caption's band at the bottom of the map's surface, which the camera leaves clear. */
  captionBand(): number;
  /**
   * The SVG markup of step `index`'s picture as the room sees it (undefined when there is no such step), for
   * the presenter view. A host without it sends no pictures.
   */
  picture?(index: number): string | undefined;
}

/**
 * Seminar presentation: the current step (undefined while exploring), the black screen, the overview, the
 * quote shown large; the keys of slide tools and clickers; the presenter window kept in step through a
 * BroadcastChannel.
 */
export class Presentation {
  step = $state<number | undefined>();
  black = $state(false);
  overview = $state(false);
  quote = $state<string | undefined>();
  #restore: (() => void) | undefined;
  #touchStart: number | undefined;
  readonly #channel: ReturnType<typeof openChannel> | undefined;
  /** Whether a presenter view has said hello: only then are the steps' pictures drawn for it. */
  #presenterOpen = false;

  constructor(
    private readonly host: PresentationHost,
    connect: boolean,
  ) {
    this.#channel = connect
      ? openChannel((message) => {
          if (message.type === 'go') void this.present(message.index);
          if (message.type === 'hello') this.#presenterOpen = true;
          if (message.type === 'hello' && this.step !== undefined) this.announce();
        })
      : undefined;
  }

  /** Enters the presentation at step `index` (or moves there), and frames the step. */
  async present(index: number): Promise<void> {
    const steps = this.host.steps();
    if (steps.length === 0) return;
    if (this.step === undefined) this.#restore = this.host.saveView();
    this.step = Math.max(0, Math.min(steps.length - 1, index));
    this.overview = false;
    this.quote = undefined;
    const label = steps[this.step]!.label;
    history.replaceState(null, '', stepAddress(label));
    this.announce();
    await this.host.rendered();
    this.frame();
  }

  /**
   * What the map lights up while presenting (undefined while exploring): what this page is about, earlier
   * steps dimmed; in the overview, every box the talk has shown (or the box it is folded under).
   */
  lit(): ReadonlySet<string> | undefined {
    const marks = this.stepMarks();
    if (!marks) return undefined;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local of one call, not state
    const lit = new Set<string>();
    for (const [id, mark] of marks) if (mark === 'current' || this.overview) lit.add(id);
    return lit;
  }

  /**
   * Where each drawn box stands in the tour: `current` for what this page is about (the boxes it reveals and
   * its step's focus), `past` for the boxes earlier steps revealed. In the overview, a box folded away is
   * marked on the drawn box it is folded under.
   */
  stepMarks(): ReadonlyMap<string, 'current' | 'past'> | undefined {
    const page = this.step !== undefined ? this.host.steps()[this.step] : undefined;
    if (!page) return undefined;
    const tree = this.host.tree();
    const laidOut = this.host.laidOut();
    const standIn = (ids: readonly string[]) =>
      this.overview && tree && laidOut ? drawnStandIns(tree, laidOut, ids) : ids;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local of one call, not state
    const marks = new Map<string, 'current' | 'past'>();
    for (const id of standIn(page.revealed)) marks.set(id, 'past');
    // A step shows its focus, so what is current is among what it shows.
    for (const id of standIn(page.current)) marks.set(id, 'current');
    return marks;
  }

  /**
   * The camera glides to the step's scene, which is laid out to fit the screen whole (a d3 transition; none
   * with reduced motion).
   */
  frame(): void {
    const laidOut = this.host.laidOut();
    if (this.step === undefined || !laidOut) return;
    this.host.zoom()?.frame(laidOut.bounds, this.host.captionBand(), STEP_MARGIN, STEP_ZOOM);
  }

  /**
   * The screen changed size (full screen, a projector's resolution): the step is framed again, at once. The
   * overview keeps its view; `o` twice lays it out for the new size.
   */
  resized(): void {
    if (this.step !== undefined && !this.overview) requestAnimationFrame(() => this.frame());
  }

  /** Back to exploring, with the view and collapse state from before. */
  leave(): void {
    this.step = undefined;
    this.overview = false;
    this.black = false;
    this.quote = undefined;
    if (document.fullscreenElement) void document.exitFullscreen();
    history.replaceState(null, '', this.host.exploreAddress());
    const restore = this.#restore;
    this.#restore = undefined;
    requestAnimationFrame(() => restore?.());
  }

  /** Tells the presenter view where the presentation is. */
  announce(): void {
    if (this.step === undefined) return;
    const steps = this.host.steps();
    const map = this.host.map();
    const titleOf = (s: StepPage | undefined) => {
      const node = s && map?.nodes.find((n) => n.id === s.focus);
      return s?.title ?? node?.title ?? node?.text ?? '';
    };
    const current = steps[this.step];
    const plan = planPages(steps)[this.step];
    // Drawing two pictures costs two layouts a step: not while no presenter view is there to show them.
    const picture = this.#presenterOpen ? this.host.picture?.(this.step) : undefined;
    const nextPicture = this.#presenterOpen ? this.host.picture?.(this.step + 1) : undefined;
    this.#channel?.post({
      type: 'step',
      index: this.step,
      total: steps.length,
      label: current?.label ?? String(this.step + 1),
      steps: (steps.at(-1)?.step ?? 0) + 1,
      title: titleOf(current),
      note: current?.note ?? map?.nodes.find((n) => n.id === current?.focus)?.note ?? '',
      next: titleOf(steps[this.step + 1]),
      ...(picture !== undefined ? { picture } : {}),
      ...(nextPicture !== undefined ? { nextPicture } : {}),
      plannedSeconds: plan?.seconds ?? 0,
      plannedUntilEnd: plan?.endsAt ?? 0,
    });
  }

  openPresenter(): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
    const params = new URLSearchParams(location.search);
    params.set('presenter', '');
    window.open(`${location.pathname}?${params.toString()}`, 'argmap-presenter', 'width=900,height=700');
  }

  /** Keys of slide tools and clickers; true when the key was one of them. */
  keys(event: KeyboardEvent): boolean {
    if (this.step === undefined) return false;
    const key = event.key;
    const last = this.host.steps().length - 1;
    if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') void this.present(this.step + 1);
    else if (key === 'ArrowLeft' || key === 'PageUp') void this.present(this.step - 1);
    else if (key === 'Home') void this.present(0);
    else if (key === 'End') void this.present(last);
    else if (key === 'f') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => undefined);
    } else if (key === 'b') this.black = !this.black;
    else if (key === 'o') this.toggleOverview();
    else if (key === 's') this.openPresenter();
    else if (key === 'Escape') {
      if (this.quote !== undefined) this.quote = undefined;
      else this.leave();
    } else return false;
    event.preventDefault();
    return true;
  }

  /** The whole map, compact, with the talk's progress marked; and back to the step. */
  toggleOverview(): void {
    this.overview = !this.overview;
    requestAnimationFrame(() => {
      const laidOut = this.host.laidOut();
      if (this.overview && laidOut)
        this.host.zoom()?.frame(laidOut.bounds, this.host.captionBand(), STEP_MARGIN, OVERVIEW_ZOOM);
      else this.frame();
    });
  }

  /** A horizontal swipe on a touch screen moves a step. */
  swipe(event: TouchEvent, phase: 'start' | 'end'): void {
    if (this.step === undefined) return;
    const x = (phase === 'start' ? event.touches[0] : event.changedTouches[0])?.clientX;
    if (phase === 'start') this.#touchStart = x;
    else if (x !== undefined && this.#touchStart !== undefined && Math.abs(x - this.#touchStart) > 60) {
      void this.present(this.step + (x < this.#touchStart ? 1 : -1));
    }
  }
}
