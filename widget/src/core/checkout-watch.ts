/**
 * `CheckoutWatch`: follows a checkout started in this widget until its pass is active, whichever
 * view the learner moves to meanwhile. The pass view starts it and hands it to the root element
 * (`ctx.watchCheckout`), which keeps it as a controller: it outlives the view and stops when the
 * widget leaves the page.
 *
 * It listens to the learner's pass updates and asks the server about this checkout on each of
 * them (polling the checkout instead when live updates are not available), so only the pass this
 * checkout bought counts: a pass granted meanwhile, or bought in another tab or another instance
 * on the page, does not. Once the checkout is paid it fires `is-purchase-complete` (once),
 * announces the pass and, if the passes are still on screen, returns the learner to what they
 * were doing; anywhere else it leaves them where they are.
 */
import type { ReactiveController } from 'lit';
import type { PassType, Unsubscribe } from './api.js';
import type { StudioContext, ViewState } from './context.js';
import { isAbortError } from './errors.js';
import type { MessageKey } from '../i18n/index.js';

/** How often the checkout is asked about when live pass updates are not available. */
export const CHECKOUT_POLL_MS = 2_000;

export interface PendingCheckout {
  checkoutSessionId: string;
  url: string;
  passType: PassType;
  provider: string;
  /** False when the browser blocked the new window: the learner opens the link themselves. */
  windowOpened: boolean;
}

/** `failed`: the payment failed, was refunded, or the checkout expired; no pass will come. */
export type CheckoutOutcome = 'pending' | 'paid' | 'failed';

/** A checkout's statuses that no pass follows (`expired`: abandoned on the provider's page). */
const ENDED_UNPAID: ReadonlySet<string> = new Set(['failed', 'refunded', 'expired']);

export class CheckoutWatch implements ReactiveController {
  outcome: CheckoutOutcome = 'pending';

  private unsubscribe: Unsubscribe | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** A check is under way; `checkAgain`: an update arrived meanwhile, so ask once more after it. */
  private checking = false;
  private checkAgain = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ctx: StudioContext,
    readonly checkout: PendingCheckout,
    /** Where to return once the pass is active (null: home), if the passes are still on screen. */
    private readonly resume: ViewState | null,
  ) {}

  /** Calls `listener` when the outcome is known; returns the way to stop listening. */
  observe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hostConnected(): void {
    this.running = true;
    this.follow();
  }

  hostDisconnected(): void {
    this.running = false;
    this.stopFollowing();
  }

  /** Stops for good: the learner chose another pass, or the account is gone. */
  cancel(): void {
    this.hostDisconnected();
    this.listeners.clear();
  }

  private follow(): void {
    if (!this.running || this.outcome !== 'pending' || this.unsubscribe) return;
    this.unsubscribe = this.ctx.api.passUpdates({
      // Any change to the learner's passes may be this checkout's.
      onData: () => void this.check(),
      onError: (error) => {
        this.unsubscribe = null;
        if (!isAbortError(error)) console.warn('[interview-studio] Live pass updates stopped; checking the checkout instead.', error);
        this.poll();
      },
    });
  }

  private poll(): void {
    if (!this.running || this.outcome !== 'pending' || this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.check().finally(() => this.poll());
    }, CHECKOUT_POLL_MS);
  }

  private stopFollowing(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private async check(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.checkAgain = false;
        const status = await this.ctx.api.checkoutStatus(this.checkout.checkoutSessionId);
        if (!this.running || this.outcome !== 'pending') return;
        if (status.status === 'paid' && status.pass) return this.complete(status.pass);
        if (ENDED_UNPAID.has(status.status)) return this.settle('failed');
      } while (this.checkAgain);
    } catch (error) {
      // The update that announced the payment may not come again: ask on a timer until an answer comes.
      if (!isAbortError(error)) this.poll();
    } finally {
      this.checking = false;
    }
  }

  private complete(pass: { type: PassType; startsAt: string; expiresAt: string }): void {
    const { ctx } = this;
    this.settle('paid');
    ctx.emit('is-purchase-complete', { passType: pass.type, startsAt: pass.startsAt, expiresAt: pass.expiresAt });
    const i18n = ctx.i18n;
    ctx.announce(i18n.t('pass.activeAnnouncement', { pass: i18n.t(`passType.${pass.type}` as MessageKey), date: i18n.date(pass.expiresAt) }));
    if (ctx.view.name === 'pass') ctx.navigate(this.resume ?? { name: 'home' });
  }

  private settle(outcome: Exclude<CheckoutOutcome, 'pending'>): void {
    this.outcome = outcome;
    this.running = false;
    this.stopFollowing();
    const listeners = [...this.listeners];
    this.listeners.clear();
    if (this.ctx.checkout === this) this.ctx.watchCheckout(null);
    for (const listener of listeners) listener();
  }
}
