import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { BillingProducts, PassProduct, PassSnapshot, PassType, Unsubscribe } from '../../core/api.js';
import { CheckoutWatch, type PendingCheckout } from '../../core/checkout-watch.js';
import type { Failure, Load, ViewState } from '../../core/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { passRequiredStyles } from './pass-required.styles.js';

/**
 * Opens the window the checkout will load in, while the click that asked for it is still being
 * handled (later, popup blockers refuse). It may not reach back into the partner's page.
 */
function openCheckoutWindow(): Window | null {
  try {
    const opened = window.open('', '_blank');
    if (opened) opened.opener = null;
    return opened;
  } catch {
    return null;
  }
}

/**
 * @summary The passes on offer: shown when the free tier is used up (PASS_REQUIRED, from any
 * call; the root fires `is-pass-required` as it opens this view) or when the learner asks to
 * see them. Lists the tenant's products with their prices, starts a checkout and opens it in a
 * new window (the widget lives on a partner's page), and hands the checkout to the root
 * element to follow (`CheckoutWatch`), so the learner may browse elsewhere in the widget while
 * they pay: as soon as the pass is active the root fires `is-purchase-complete` and, if this view
 * is still open, the learner returns to what they were doing, their draft answer intact. Where
 * the institution provides access (sponsored, seats) it says so instead of showing prices.
 *
 * @event is-purchase-complete - `{ passType, startsAt, expiresAt }`: the pass bought through a checkout started in this widget is active, whichever view is open (fired by the root element).
 *
 * @csspart pass - The card explaining the limit, or the active pass.
 * @csspart pass-offer - The list of passes for sale.
 * @csspart pass-product - One pass: name, price, length and its buy button.
 * @csspart checkout-status - "Waiting for your payment", while the checkout window is open.
 */
export class PassRequiredView extends StudioView {
  static override styles = [sharedStyles, passRequiredStyles];
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    action: {},
    period: {},
    resume: { attribute: false },
    offer: { state: true },
    snapshot: { state: true },
    watch: { state: true },
    starting: { state: true },
    failure: { state: true },
  };
  protected readonly viewName = 'pass' as const;
  /** What ran out: `questionSets` or `feedback`; null when the learner came to look. */
  declare action: string | null;
  declare period: string | null;
  /** Where to return once a pass is active (null: home). */
  declare resume: ViewState | null;
  declare offer: Load<BillingProducts>;
  /** The learner's entitlement and passes, as last heard (while no checkout is pending). */
  declare snapshot: PassSnapshot | null;
  /** The checkout waiting for its pass, started here or by an earlier visit to this view. */
  declare watch: CheckoutWatch | null;
  /** The pass whose checkout is being created. */
  declare starting: PassType | null;
  declare failure: Failure | null;

  private unsubscribe: Unsubscribe | null = null;
  private stopObserving: (() => void) | null = null;

  constructor() {
    super();
    this.action = null;
    this.period = null;
    this.resume = null;
    this.offer = { status: 'loading' };
    this.snapshot = null;
    this.watch = null;
    this.starting = null;
    this.failure = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The checkout's watch carries on with the root; this view only stops listening to it.
    this.stopFollowing();
    this.observe(null);
  }

  private async load(): Promise<void> {
    this.offer = { status: 'loading' };
    try {
      const offer = await this.ctx.api.products();
      this.offer = { status: 'ready', data: offer };
      const pending = this.ctx.checkout;
      if (pending) this.observe(pending);
      // A sponsoring institution covers everyone: there is nothing to wait for.
      else if (offer.billingMode !== 'sponsored') this.follow();
    } catch (error) {
      const failure = this.ctx.fail(error, 'billing.products');
      if (failure) this.offer = { status: 'error', failure };
    }
    this.markSettled();
  }

  /** Live updates of the learner's passes, to show one that becomes active (a grant, another tab). */
  private follow(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.ctx.api.passUpdates({
      onData: (snapshot) => (this.snapshot = snapshot),
      // Nothing is waiting on them here; a checkout's watch has its own way around a failure.
      onError: () => (this.unsubscribe = null),
    });
  }

  private stopFollowing(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Shows `watch`'s checkout as pending until it ends (null: none). */
  private observe(watch: CheckoutWatch | null): void {
    this.stopObserving?.();
    this.stopObserving = null;
    this.watch = watch;
    if (!watch) return;
    this.stopObserving = watch.observe(() => {
      this.stopObserving = null;
      this.watch = null;
      if (watch.outcome === 'failed') {
        this.failure = { code: 'CONFLICT', message: this.t('pass.checkoutFailed') };
        this.follow();
      }
    });
  }

  private async buy(product: PassProduct): Promise<void> {
    if (this.starting) return;
    const opened = openCheckoutWindow();
    this.starting = product.type;
    this.failure = null;
    try {
      const started = await this.ctx.api.checkout({ passType: product.type });
      const windowOpened = opened !== null && !opened.closed;
      if (windowOpened) opened.location.href = started.url;
      const checkout: PendingCheckout = { checkoutSessionId: started.checkoutSessionId, url: started.url, passType: product.type, provider: started.provider, windowOpened };
      const watch = new CheckoutWatch(this.ctx, checkout, this.resume);
      // The watch follows the passes from here on (one live connection, not two).
      this.stopFollowing();
      this.observe(watch);
      this.ctx.watchCheckout(watch);
      this.ctx.announce(this.t(windowOpened ? 'pass.checkoutOpened' : 'pass.checkoutBlocked'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#checkout-title')?.focus();
    } catch (error) {
      opened?.close();
      this.failure = this.ctx.fail(error, 'billing.checkout');
    } finally {
      this.starting = null;
    }
  }

  private cancelCheckout(): void {
    this.observe(null);
    this.ctx.watchCheckout(null);
    this.follow();
  }

  private passName(type: PassType): string {
    return this.t(`passType.${type}` as MessageKey);
  }

  private goBack(): void {
    this.ctx.navigate(this.resume ?? { name: 'home' });
  }

  private limitCard(): TemplateResult | typeof nothing {
    if (!this.action) return nothing;
    return html`<section class="card" part="pass card">
      <p>${this.t(this.action === 'feedback' ? 'pass.feedbackUsed' : 'pass.setsUsed')}</p>
      ${this.period ? html`<p class="muted small">${this.t('pass.resets')}</p>` : nothing}
    </section>`;
  }

  private activeCard(pass: NonNullable<PassSnapshot['passes']['active']>, coveredUntil: string | null): TemplateResult {
    return html`<section class="card" part="pass card" aria-labelledby="active-title">
      <h3 id="active-title">${this.t('pass.activeTitle', { pass: this.passName(pass.type) })}</h3>
      <p>${this.t('pass.activeUntil', { date: this.i18n.date(coveredUntil ?? pass.expiresAt) })}</p>
      <button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.goBack()}>${this.t('pass.continue')}</button>
    </section>`;
  }

  private pendingCard(c: PendingCheckout): TemplateResult {
    return html`<section class="card pending" part="checkout-status card" aria-labelledby="checkout-title" aria-busy="true">
      <div class="row">
        <span class="spinner" aria-hidden="true"></span>
        <h3 id="checkout-title" tabindex="-1">${this.t('pass.pendingTitle', { pass: this.passName(c.passType) })}</h3>
      </div>
      <p>${this.t(c.windowOpened ? 'pass.pendingBody' : 'pass.blockedBody')}</p>
      <p class="row">
        <a class="btn ${c.windowOpened ? 'btn-secondary' : 'btn-primary'}" part="button ${c.windowOpened ? 'button-secondary' : 'button-primary'}"
          href=${c.url} target="_blank" rel="noopener">${this.t(c.windowOpened ? 'pass.reopen' : 'pass.open')}</a>
        <button type="button" class="btn btn-quiet" part="button" @click=${() => this.cancelCheckout()}>${this.t('pass.chooseAnother')}</button>
      </p>
      ${c.provider === 'demo' ? html`<p class="muted small">${this.t('pass.demoProvider')}</p>` : nothing}
    </section>`;
  }

  private offerList(offer: BillingProducts): TemplateResult {
    if (offer.billingMode !== 'learner-pays') {
      return html`<div class="institution" role="note">${this.t('pass.askInstitution')}</div>`;
    }
    if (!offer.canPurchase) return html`<div class="institution" role="note">${this.t('pass.unavailable')}</div>`;
    return html`<section aria-labelledby="offer-title">
      <h3 id="offer-title">${this.t('pass.offerTitle')}</h3>
      <p class="muted">${this.t('pass.offerBody')}</p>
      <ul class="products" part="pass-offer">
        ${offer.products.map(
          (p) => html`<li class="product card" part="pass-product card">
            <h4 id="product-${p.type}">${p.name}</h4>
            <p class="price">${p.price}</p>
            <p class="muted small">${this.i18n.plural('pass.days', p.durationDays)}</p>
            <button type="button" class="btn btn-primary" part="button button-primary" aria-describedby="product-${p.type}"
              ?disabled=${this.starting !== null} aria-busy=${this.starting === p.type ? 'true' : 'false'} @click=${() => void this.buy(p)}>
              ${this.starting === p.type ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('pass.opening')}` : this.t('pass.buy', { pass: p.name })}
            </button>
          </li>`,
        )}
      </ul>
      <p class="muted small">${this.t('pass.newWindow')}</p>
      ${offer.provider === 'demo' ? html`<p class="muted small">${this.t('pass.demoProvider')}</p>` : nothing}
    </section>`;
  }

  private body(): TemplateResult {
    const o = this.offer;
    if (o.status === 'loading') return loadingBlock(this.i18n);
    if (o.status === 'error') return errorBlock(this.i18n, o.failure, () => void this.load());
    const active = this.snapshot?.entitlement.kind === 'pass' ? this.snapshot.passes.active : null;
    if (active && !this.watch) return this.activeCard(active, this.snapshot?.passes.coveredUntil ?? null);
    return html`${this.limitCard()}
      ${this.watch ? this.pendingCard(this.watch.checkout) : this.offerList(o.data)}
      ${this.failure ? errorBlock(this.i18n, this.failure) : nothing}
      <div class="row actions">
        <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => this.ctx.navigate({ name: 'star' })}>
          ${this.t('pass.meanwhile')}
        </button>
        <button type="button" class="btn btn-quiet" part="button" @click=${() => this.ctx.navigate({ name: 'home' })}>${this.t('nav.home')}</button>
      </div>`;
  }

  override render(): TemplateResult {
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t(this.action ? 'pass.title' : 'pass.browseTitle')}</h2>
      ${this.body()}`;
  }
}
