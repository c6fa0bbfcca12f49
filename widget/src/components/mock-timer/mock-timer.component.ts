import '../../i18n/views.js';
import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { I18n } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { mockTimerStyles } from './mock-timer.styles.js';

/** Seconds left at which the timer warns (and asks for an announcement). */
export const LOW_TIME_SECONDS = 60;

/** `m:ss`, with a minus sign once the time is over. */
export function formatClock(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : '';
  const s = Math.abs(Math.trunc(totalSeconds));
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * @summary The countdown of a mock-interview question. It counts to the server's deadline
 * (which already includes the learner's extended time), corrected for the difference between
 * this device's clock and the server's. After the deadline it keeps counting: a late answer is
 * accepted and marked late.
 *
 * The clock is a `role="timer"` (not announced every second); the one-minute warning and the
 * end of time are reported through `is-timer-alert` for the widget's live region.
 *
 * @event is-timer-alert - Internal (does not leave the widget): `{ kind: 'low' | 'over' }`.
 * @csspart timer - The clock.
 */
export class MockTimer extends LitElement {
  static override styles = [sharedStyles, mockTimerStyles];
  static override properties: PropertyDeclarations = {
    deadline: {},
    skewMs: { attribute: false },
    i18n: { attribute: false },
    remaining: { state: true },
  };

  /** ISO time the question's time runs out (server clock). */
  declare deadline: string | null;
  /** Local clock minus server clock, ms. */
  declare skewMs: number;
  declare i18n: I18n;
  declare remaining: number | null;

  private interval: ReturnType<typeof setInterval> | null = null;
  private alerted = new Set<string>();

  constructor() {
    super();
    this.deadline = null;
    this.skewMs = 0;
    this.remaining = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.interval = setInterval(() => this.tick(), 250);
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deadline')) {
      this.alerted.clear();
      this.tick();
    }
  }

  private tick(): void {
    if (!this.deadline) {
      this.remaining = null;
      return;
    }
    const serverNow = Date.now() - this.skewMs;
    const left = Math.ceil((Date.parse(this.deadline) - serverNow) / 1000);
    if (left !== this.remaining) this.remaining = left;
    if (left <= LOW_TIME_SECONDS && left > 0) this.alert('low');
    if (left <= 0) this.alert('over');
  }

  private alert(kind: 'low' | 'over'): void {
    if (this.alerted.has(kind)) return;
    this.alerted.add(kind);
    this.dispatchEvent(new CustomEvent('is-timer-alert', { detail: { kind }, bubbles: true, composed: false }));
  }

  override render(): TemplateResult {
    const left = this.remaining;
    if (left === null || !this.i18n) return html``;
    const state = left <= 0 ? 'over' : left <= LOW_TIME_SECONDS ? 'low' : 'ok';
    const label = left <= 0 ? this.i18n.t('timer.over') : this.i18n.t('timer.left');
    return html`<div class="timer ${state}" part="timer" role="timer" aria-label=${`${label}: ${formatClock(left)}`}>
      <span class="small">${label}</span><span class="time">${formatClock(left)}</span>
    </div>`;
  }
}
