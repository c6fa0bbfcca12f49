/**
 * The base of every view: the context and locale from the root, the shared styles, and focus
 * handling. A view renders its heading (`data-view-heading`, `tabindex="-1"`) in every state,
 * so focus has somewhere to land after navigation, even while the view loads.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Load, StudioContext } from '../core/context.js';
import type { ViewName } from '../events.js';
import type { I18n, MessageKey, Vars } from '../i18n/index.js';

export abstract class StudioView extends LitElement {
  static override properties: PropertyDeclarations = {
    ctx: { attribute: false },
    i18n: { attribute: false },
  };

  /**
   * True for a view that puts the AI disclaimer next to the scores and feedback it shows: the
   * root's footer then leaves its shorter notice out, so the learner reads it once, where it
   * belongs. Views that show no scores of their own keep the footer's notice.
   */
  static readonly labelsAiOutput: boolean = false;

  declare ctx: StudioContext;
  declare i18n: I18n;

  /** Which view this is, for `settled()`. */
  protected abstract readonly viewName: ViewName;
  private hasSettled = false;

  protected t(key: MessageKey, vars?: Vars): string {
    return this.i18n.t(key, vars);
  }

  /** Set while the heading has focus across a re-render that may replace it. */
  private keepHeadingFocus = false;

  /** Moves focus to the view's heading. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('[data-view-heading]')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.keepHeadingFocus = this.shadowRoot?.activeElement?.hasAttribute('data-view-heading') ?? false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A view that finished loading draws a new heading; focus follows it instead of falling to <body>.
    if (this.keepHeadingFocus && !this.shadowRoot?.activeElement) this.focusHeading();
    this.keepHeadingFocus = false;
  }

  /**
   * One load of what the view shows: `apply` gets `loading`, then the data or the failure to
   * show (none when `ctx.fail` dealt with it, say by signing in again), and the view settles.
   */
  protected async loadState<T>(operation: string, fetch: () => Promise<T>, apply: (state: Load<T>) => void): Promise<void> {
    apply({ status: 'loading' });
    try {
      apply({ status: 'ready', data: await fetch() });
    } catch (error) {
      const failure = this.ctx.fail(error, operation);
      if (failure) apply({ status: 'error', failure });
    }
    this.markSettled();
  }

  /** Call when the first load ended (data or error), once. */
  protected markSettled(): void {
    if (this.hasSettled) return;
    this.hasSettled = true;
    this.ctx.settled(this.viewName);
  }
}
