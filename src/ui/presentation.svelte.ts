import { boundsOf } from '../core/layout/rect.ts';
import type { LaidOutMap } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import { planSteps } from '../core/presentation/plan.ts';
import type { PresentationStep } from '../core/presentation/steps.ts';
import { idSet } from './id-set.ts';
import { openChannel } from './presentation-channel.ts';
import type { ZoomControl } from './zoom.ts';

/**
 * How far the camera may zoom in on a step: a projector's audience reads from the back of a room, so a step of a
 * few boxes is drawn at twice the map's size (14 px body text at 28 px) where the screen has room for it.
 */
const STEP_ZOOM = 2;

/** What the presentation needs from the app around it. */
export interface PresentationHost {
  steps(): readonly PresentationStep[];
  map(): ArgumentMap | undefined;
  laidOut(): LaidOutMap | undefined;
  zoom(): ZoomControl | undefined;
  /** Remembers how the map was being explored; the returned function brings that back. */
  saveView(): () => void;
  /** The address while exploring (e.g. with #node=), to go back to. */
  exploreAddress(): string;
  /** Resolves once the DOM shows the current state. */
  rendered(): Promise<void>;
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
    history.replaceState(null, '', `${location.pathname}${location.search}#step=${this.step + 1}`);
    this.announce();
    await this.host.rendered();
    this.frame();
  }

  /**
   * What the map lights up while presenting (undefined while exploring): earlier steps stay, dimmed; what this
   * step reveals is lit (in the overview: the current focus).
   */
  lit(): ReadonlySet<string> | undefined {
    const step = this.step;
    if (step === undefined) return undefined;
    if (this.overview) {
      const current = this.host.steps()[step];
      return idSet(current ? [current.focus] : []);
    }
    return this.#about(step);
  }

  /** The boxes the step at `step` is about: the ones it reveals, and its focus. */
  #about(step: number): ReadonlySet<string> {
    const steps = this.host.steps();
    const current = steps[step];
    const before = idSet(step > 0 ? steps[step - 1]!.show : []);
    return idSet(current?.show.filter((id) => !before.has(id) || id === current.focus));
  }

  /**
   * Where each drawn box stands in the tour: `current` for what this step is about (the boxes it reveals and
   * its focus; in the overview, the focus), `past` for the boxes earlier steps revealed.
   */
  stepMarks(): ReadonlyMap<string, 'current' | 'past'> | undefined {
    const step = this.step;
    const current = this.lit();
    if (step === undefined || !current) return undefined;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local of one call, not state
    const marks = new Map<string, 'current' | 'past'>();
    // A step shows its focus, so what is current is among what it shows.
    for (const id of this.host.steps()[step]?.show ?? []) marks.set(id, current.has(id) ? 'current' : 'past');
    return marks;
  }

  /**
   * The whole map's layout as the presentation draws it: the boxes revealed so far (in the overview, all of
   * them) where the whole map has them, without group frames. The app draws the overview so; a step is drawn
   * from its own compact layout (`stepMap`).
   */
  revealed(full: LaidOutMap): LaidOutMap {
    const map = this.host.map();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local of one call, not state
    const shown = new Set(this.step !== undefined ? (this.host.steps()[this.step]?.show ?? []) : []);
    if (this.overview) for (const n of map?.nodes ?? []) shown.add(n.id);
    return {
      ...full,
      nodes: full.nodes.filter((n) => shown.has(n.id)),
      connectors: full.connectors.filter((c) => shown.has(c.target) && c.premises.every((p) => shown.has(p))),
      groups: [],
    };
  }

  /** The camera glides to what the step reveals, with its focus (a d3 transition; none with reduced motion). */
  frame(): void {
    const laidOut = this.host.laidOut();
    if (this.step === undefined || !laidOut) return;
    const about = this.#about(this.step);
    const boxes = laidOut.nodes.filter((n) => about.has(n.id));
    if (boxes.length === 0) return;
    const { x, y, width, height } = boundsOf(boxes);
    const pad = 60;
    this.host
      .zoom()
      ?.fit(
        { x: x - pad, y: y - pad, width: width + 2 * pad, height: height + 2 * pad },
        true,
        undefined,
        STEP_ZOOM,
      );
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
    const titleOf = (s: PresentationStep | undefined) => {
      const node = s && map?.nodes.find((n) => n.id === s.focus);
      return s?.title ?? node?.title ?? node?.text ?? '';
    };
    const current = steps[this.step];
    const plan = planSteps(steps)[this.step];
    // Drawing two pictures costs two layouts a step: not while no presenter view is there to show them.
    const picture = this.#presenterOpen ? this.host.picture?.(this.step) : undefined;
    const nextPicture = this.#presenterOpen ? this.host.picture?.(this.step + 1) : undefined;
    this.#channel?.post({
      type: 'step',
      index: this.step,
      total: steps.length,
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

  /** The whole map with the current focus marked, and back. */
  toggleOverview(): void {
    this.overview = !this.overview;
    requestAnimationFrame(() => {
      const laidOut = this.host.laidOut();
      if (this.overview && laidOut) this.host.zoom()?.fit(laidOut.bounds);
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
