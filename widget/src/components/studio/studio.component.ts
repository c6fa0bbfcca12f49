import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { GuestStart, LearnerProfile, SessionView, StudioApi, TenantConfig } from '../../core/api.js';
import type { CheckoutWatch } from '../../core/checkout-watch.js';
import type { ClosedReason, Failure, StudioContext, ViewState } from '../../core/context.js';
import { errorCodeOf, errorDetailsOf, isAbortError, StudioError } from '../../core/errors.js';
import { createSdkApi } from '../../core/sdk-api.js';
import { brandTheme, warnAboutContrast } from '../../core/theme.js';
import { GuestTokenStore, TokenSource, type GetToken } from '../../core/token.js';
import { createStudioEvent, type StudioEventDetails, type StudioEventName, type ViewName } from '../../events.js';
import { browserLocales, I18n, isLoaded, loadMessages, regionalVariant, resolveLocale, type MessageKey } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { EXPORT_PARTS } from '../parts.js';
import { errorBlock } from '../states.js';
import type { StudioView } from '../view-base.js';
import { studioStyles } from './studio.styles.js';
import { ensureAgeGate, ensureView, isAgeGateDefined, isViewDefined, labelsAiOutput, preloadViews } from './view-loaders.js';

export type StudioMode = 'inline' | 'modal' | 'launcher';
export type StudioTheme = 'light' | 'dark' | 'auto';
/** `age`: the age confirmation, before anything else. `closed`: the account is gone (deleted, under age). */
type Phase = 'booting' | 'ready' | 'signin' | 'failed' | 'age' | 'closed';

/** No tenant may ask for less (the server's floor). */
const MIN_AGE_FLOOR = 13;

/**
 * Instances on one page share a guest (or a signed-in learner): when one of them records the
 * age confirmation, the others stop asking. The detail is the tenant's id.
 */
const ageConfirmations = new EventTarget();

const NAV: { view: ViewState; label: MessageKey; matches: ViewName[] }[] = [
  { view: { name: 'home' }, label: 'nav.home', matches: ['home'] },
  { view: { name: 'setup' }, label: 'nav.practise', matches: ['setup', 'question', 'feedback', 'compare', 'summary'] },
  { view: { name: 'star' }, label: 'nav.star', matches: ['star'] },
  { view: { name: 'history' }, label: 'nav.history', matches: ['history'] },
  { view: { name: 'privacy' }, label: 'nav.privacy', matches: ['privacy'] },
];

/** How many announcements the live region keeps (older ones are dropped, never re-read). */
const LIVE_REGION_SIZE = 6;

const canAdoptSheets = typeof Document !== 'undefined' && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype;

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary Interview Studio: AI mock-interview practice for a partner's site. Give it the
 * tenant's publishable key and a learner token (or a `getToken` callback, or nothing where the
 * tenant allows guests) and it shows the learner's readiness, practice and mock sessions with
 * streamed feedback, a STAR story builder and progress history, in the tenant's brand.
 *
 * @event is-ready - `{ tenantId, locale, guest, view }`: configured, signed in, first view drawn.
 * @event is-session-start - `{ sessionId, mode, questionCount, interviewType }`.
 * @event is-answer-submit - `{ sessionId, questionId, answerId, attempt, wordCount, late, warningCount }`.
 * @event is-feedback - `{ sessionId, questionId, answerId, attempt, overallScore, source }`.
 * @event is-session-complete - `{ sessionId, mode, answeredCount, mockScore }`.
 * @event is-pass-required - `{ action, period, billingMode }`: the free tier is used up.
 * @event is-purchase-complete - `{ passType, startsAt, expiresAt }`: the pass bought through a checkout started in this widget is active (once, whichever view is open).
 * @event is-token-expired - `{ reason: 'missing' | 'rejected' }`: call `setToken()` to continue.
 * @event is-error - `{ code, message, operation }`: a call failed (the message was shown).
 *
 * @csspart base - The outermost wrapper (resets inherited styles).
 * @csspart header - The header with the logo, product name and navigation.
 * @csspart logo - The tenant's logo.
 * @csspart title - The product name.
 * @csspart nav - The navigation.
 * @csspart nav-item - Each navigation button (`aria-current="page"` marks the current one).
 * @csspart view - The area the current view is drawn in.
 * @csspart footer - The notice that feedback is automated (left out under views that carry the full disclaimer by their scores).
 * @csspart launcher - The floating button (launcher mode).
 * @csspart dialog - The dialog (modal and launcher modes).
 * @csspart close-button - The dialog's close button.
 * @csspart heading - Each view's heading.
 * @csspart button - Every button; `button-primary` and `button-secondary` mark the kinds.
 * @csspart card - Cards. Also every part listed in the views' docs (`score`, `editor`, …).
 *
 * @cssproperty --is-primary - Brand colour of buttons and accents (default: the tenant's).
 * @cssproperty --is-on-primary - Text on the brand colour.
 * @cssproperty --is-primary-text - The brand colour as text and links.
 * @cssproperty --is-background - Background.
 * @cssproperty --is-surface - Cards and the header.
 * @cssproperty --is-surface-strong - Tracks, tags, hovered items.
 * @cssproperty --is-text - Text.
 * @cssproperty --is-muted - Secondary text.
 * @cssproperty --is-border - Dividers.
 * @cssproperty --is-border-strong - Field borders.
 * @cssproperty --is-field - Field backgrounds.
 * @cssproperty --is-focus - Focus ring.
 * @cssproperty --is-danger - Errors.
 * @cssproperty --is-success - Success.
 * @cssproperty --is-highlight - Evidence highlighted in answers.
 * @cssproperty --is-font-family - Font (default: the tenant's, else the system font).
 * @cssproperty --is-font-size - Base size (default 16px; everything scales with it).
 * @cssproperty --is-radius - Corner radius.
 * @cssproperty --is-gap - Space between blocks.
 */
export class InterviewStudio extends LitElement {
  static override styles = [sharedStyles, studioStyles];
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    apiUrl: { attribute: 'api-url' },
    token: {},
    locale: {},
    theme: { reflect: true },
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    getToken: { attribute: false },
    api: { attribute: false },
    initialView: { attribute: false },
    phase: { state: true },
    view: { state: true },
    failure: { state: true },
    tenant: { state: true },
    learner: { state: true },
    i18n: { state: true },
    dark: { state: true },
    announcements: { state: true },
    viewLoad: { state: true },
    ageMinimum: { state: true },
    closed: { state: true },
  };

  /** The tenant's publishable key (`pk_…`). */
  declare publishableKey: string | null;
  /** The Interview Studio server, such as `https://studio.example.com`. */
  declare apiUrl: string | null;
  /** A learner token minted by the tenant's backend. Prefer `getToken` for tokens that expire. */
  declare token: string | null;
  /** `en`, `es` or `fr`; defaults to the tenant's locale, then the browser's. */
  declare locale: string | null;
  declare theme: StudioTheme;
  /** `inline` (in the page), `modal` (a dialog opened with `show()`), `launcher` (a floating button opens the dialog). */
  declare mode: StudioMode;
  /** Whether the dialog is open (modal and launcher modes). */
  declare open: boolean;
  /** Called for a learner token at start, a minute before it expires, and when the server refuses it. */
  declare getToken: GetToken | null;
  /** Replaces the server API (Storybook fixtures, tests). */
  declare api: StudioApi | null;
  /** The first view to show instead of home (Storybook, deep links). */
  declare initialView: ViewState | null;

  private declare phase: Phase;
  private declare view: ViewState;
  private declare failure: Failure | null;
  private declare tenant: TenantConfig | null;
  private declare learner: LearnerProfile | null;
  private declare i18n: I18n;
  private declare dark: boolean;
  private declare announcements: { id: number; text: string }[];
  /** A view whose code is loading, or failed to load. */
  private declare viewLoad: { view: ViewState; failure: Failure | null } | null;
  /** The age the learner is asked to confirm (phase `age`). */
  private declare ageMinimum: number;
  /** Why the widget stopped (phase `closed`), and within how many days a deletion is purged. */
  private declare closed: { reason: ClosedReason; purgeAfterDays: number | null } | null;
  /** Where to go once the age is confirmed. */
  private gateResume: ViewState | null = null;

  private activeApi: StudioApi | null = null;
  /** A checkout the learner started here, followed whatever view is shown (see `CheckoutWatch`). */
  private checkoutWatch: CheckoutWatch | null = null;
  private readonly tokens: TokenSource;
  private readonly context: StudioContext;
  private viewKey = 0;
  private navTicket = 0;
  private rebootPending = false;
  private tokenChangePending = false;
  private bootRun = 0;
  private focusView = false;
  private settledView: ViewName | null = null;
  private meLoaded = false;
  private readyFired = false;
  private tokenRefusedReported = false;
  private brandSheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private darkQuery: MediaQueryList | null = null;
  private returnFocus: HTMLElement | null = null;
  private announceId = 0;
  private clockSkewMs = 0;

  constructor() {
    super();
    this.publishableKey = null;
    this.apiUrl = null;
    this.token = null;
    this.locale = null;
    this.theme = 'light';
    this.mode = 'inline';
    this.open = false;
    this.getToken = null;
    this.api = null;
    this.initialView = null;
    this.phase = 'booting';
    this.view = { name: 'home' };
    this.failure = null;
    this.tenant = null;
    this.learner = null;
    this.i18n = new I18n(resolveLocale(browserLocales()));
    this.dark = false;
    this.announcements = [];
    this.viewLoad = null;
    this.ageMinimum = 16;
    this.closed = null;
    this.tokens = new TokenSource({ fixedToken: () => this.token, getToken: () => this.getToken });
    this.context = this.createContext();
  }

  // ---------- public API ----------

  /** Opens the dialog (modal and launcher modes). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  hide(): void {
    this.open = false;
  }

  /** Gives the widget a new learner token (after `is-token-expired`, or on sign-in). */
  setToken(token: string | null): void {
    this.token = token;
  }

  /** The name of the view on screen. */
  get currentView(): ViewName {
    if (this.phase === 'signin' || this.phase === 'age' || this.phase === 'closed') return this.phase;
    return this.view.name;
  }

  /** Shows a view, as the widget's own navigation would. */
  navigate(view: ViewState): void {
    if (this.phase === 'ready') this.goTo(view, { focus: true });
  }

  // ---------- lifecycle ----------

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchColourScheme();
    ageConfirmations.addEventListener('confirmed', this.onAgeConfirmedElsewhere);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    this.darkQuery = null;
    ageConfirmations.removeEventListener('confirmed', this.onAgeConfirmedElsewhere);
  }

  protected override firstUpdated(): void {
    void this.boot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.watchColourScheme();
    if (!this.hasUpdated) return;
    if (changed.has('locale')) void this.applyLocale();
    if (changed.has('publishableKey') || changed.has('apiUrl') || changed.has('api')) this.rebootPending = true;
    else if (changed.has('token') || changed.has('getToken')) this.tokenChangePending = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.rebootPending) {
      this.rebootPending = false;
      this.tokens.reset();
      // Another tenant or server: a checkout started with the last one is not this one's to finish.
      this.watchCheckout(null);
      void this.boot();
    } else if (this.tokenChangePending) {
      this.tokenChangePending = false;
      this.onTokenChanged();
    }
    if (changed.has('open') || changed.has('mode')) this.syncDialog();
    if (this.focusView) {
      this.focusView = false;
      void this.focusCurrentView();
    }
  }

  private onTokenChanged(): void {
    const wasRefused = this.tokenRefusedReported;
    this.tokens.reset();
    this.tokenRefusedReported = false;
    if (this.phase === 'signin' || this.phase === 'failed' || this.phase === 'closed') void this.boot();
    else if (this.phase === 'ready' && wasRefused) {
      // The view failed for want of a token: load it again. (A routine token refresh must not
      // reload the view, or an answer being typed would be lost.)
      this.viewKey++;
      this.requestUpdate();
    }
  }

  // ---------- boot ----------

  private createApi(): StudioApi {
    if (this.api) return this.api;
    const url = this.apiUrl?.trim();
    const key = this.publishableKey?.trim();
    if (!key || !key.startsWith('pk_')) {
      throw new StudioError('MISCONFIGURED', 'interview-studio needs a publishable key (publishable-key="pk_…").');
    }
    if (!url) throw new StudioError('MISCONFIGURED', 'interview-studio needs the server URL (api-url="https://…").');
    return createSdkApi({ url, publishableKey: key, tokens: this.tokens, onTokenRefused: () => this.onTokenRefused() });
  }

  private async boot(): Promise<void> {
    const run = ++this.bootRun;
    this.phase = 'booting';
    this.failure = null;
    this.readyFired = false;
    this.settledView = null;
    this.meLoaded = false;
    this.closed = null;
    try {
      const api = this.createApi();
      this.activeApi = api;
      // The attribute's locale can load while the tenant is asked for.
      const early = this.locale ? loadMessages(resolveLocale(this.locale)).catch(() => undefined) : null;
      const guestStart = this.speculativeGuest(api);
      const tenant = await api.tenantConfig();
      await early;
      if (run !== this.bootRun) return;
      this.tenant = tenant;
      this.applyBranding(tenant);
      await this.applyLocale();
      if (run !== this.bootRun) return;
      /** A guest started just now behind the age gate: known to need the confirmation. */
      let unconfirmedGuest = false;
      if (!this.api) {
        if (this.publishableKey) GuestTokenStore.rememberTenant(this.publishableKey, { tenantId: tenant.tenantId, guests: tenant.guestAccess });
        if (this.tokens.kind === 'none' && tenant.guestAccess) {
          const store = new GuestTokenStore(tenant.tenantId);
          const started = await guestStart;
          if (started && !store.read()) {
            store.write({ token: started.token, expiresAt: started.expiresAt });
            unconfirmedGuest = started.learner === null;
          }
          this.tokens.useGuest(store, api);
        }
        if (this.tokens.kind === 'none') {
          this.phase = 'signin';
          this.emit('is-token-expired', { reason: 'missing' });
          this.fireReady('signin');
          return;
        }
      }
      const first = this.initialView ?? { name: 'home' };
      const minimumAge = unconfirmedGuest ? Math.max(MIN_AGE_FLOOR, tenant.minimumAge) : await this.pendingAgeConfirmation(api);
      if (run !== this.bootRun) return;
      if (minimumAge !== null) {
        this.enterAgeGate(minimumAge, first, false);
        return;
      }
      this.phase = 'ready';
      this.goTo(first, { focus: false });
      // Asked alongside the first view's data, so both share one request.
      this.loadLearner(api, run);
    } catch (error) {
      if (run !== this.bootRun) return;
      if (errorCodeOf(error) === 'MISCONFIGURED') console.error(`[interview-studio] ${(error as Error).message}`);
      this.failure = this.fail(error, 'boot');
      this.phase = 'failed';
    }
  }

  private loadLearner(api: StudioApi, run: number): void {
    api.me().then(
      (me) => {
        if (run !== this.bootRun) return;
        this.learner = me.learner;
        this.meLoaded = true;
        this.maybeReady();
      },
      () => {
        this.meLoaded = true;
        this.maybeReady();
      },
    );
  }

  /**
   * The age the learner must confirm before anything else (the tenant enforces the gate and
   * they have not confirmed it), or null. A failure here is not the gate's to show: the first
   * view asks the server again, shows what went wrong, and a call refused for want of the
   * confirmation opens the gate then (see `fail`).
   */
  private async pendingAgeConfirmation(api: StudioApi): Promise<number | null> {
    try {
      const status = await api.ageStatus();
      return status.enforced && !status.confirmed ? status.minimumAge : null;
    } catch {
      return null;
    }
  }

  /** Shows the age confirmation; `resume` is where the learner goes once they confirmed. */
  private enterAgeGate(minimumAge: number, resume: ViewState, focus: boolean): void {
    this.ageMinimum = minimumAge;
    this.gateResume = resume;
    this.viewLoad = null;
    this.phase = 'age';
    // Nothing to wait for: is-ready fires once the confirmation is drawn.
    this.meLoaded = true;
    this.focusView = focus;
    if (!isAgeGateDefined()) {
      ensureAgeGate().then(
        () => {
          this.focusView = focus;
          this.requestUpdate();
        },
        (error: unknown) => {
          console.warn('[interview-studio] Could not load the age confirmation.', error);
          this.failure = this.fail(new StudioError('UNAVAILABLE', 'view code failed to load'), 'view.load');
          this.phase = 'failed';
        },
      );
    }
  }

  private leaveAgeGate(focus: boolean): void {
    const resume = this.gateResume ?? { name: 'home' };
    this.gateResume = null;
    this.phase = 'ready';
    this.goTo(resume, { focus });
  }

  /** The learner's answer at the gate: yes continues where they were going, no ends here. */
  private async confirmAge(confirmed: boolean): Promise<void> {
    const api = this.activeApi!;
    const result = await api.confirmAge({ minimumAge: this.ageMinimum, confirmed }).catch((error: unknown) => {
      // The tenant raised its minimum age meanwhile: ask again with the new one.
      const required = errorDetailsOf(error).minimumAge;
      if (errorCodeOf(error) === 'CONFLICT' && typeof required === 'number') this.ageMinimum = required;
      throw error;
    });
    if (!result.allowed) {
      this.closeAccount('under-age');
      return;
    }
    this.learner = result.learner;
    this.meLoaded = true;
    if (this.tenant) ageConfirmations.dispatchEvent(new CustomEvent('confirmed', { detail: this.tenant.tenantId }));
    this.leaveAgeGate(true);
  }

  private readonly onAgeConfirmedElsewhere = (event: Event): void => {
    const api = this.activeApi;
    if (this.phase !== 'age' || !api || (event as CustomEvent<string>).detail !== this.tenant?.tenantId) return;
    const run = this.bootRun;
    api.ageStatus().then(
      (status) => {
        if (run !== this.bootRun || this.phase !== 'age' || (status.enforced && !status.confirmed)) return;
        this.leaveAgeGate(false);
        this.loadLearner(api, run);
      },
      () => undefined,
    );
  };

  /** Ends the widget for this learner: no token is used (a guest's is forgotten) and nothing more is shown. */
  private closeAccount(reason: ClosedReason, purgeAfterDays: number | null = null): void {
    this.tokens.drop();
    this.watchCheckout(null);
    this.context.activeSessionId = null;
    this.context.answerDrafts.clear();
    this.context.pendingAnswerText = null;
    this.learner = null;
    this.viewLoad = null;
    this.closed = { reason, purgeAfterDays };
    this.phase = 'closed';
    this.focusView = true;
  }

  /**
   * With no token and no `getToken`, the widget will need a guest if the tenant allows them:
   * start one alongside `tenant.config` instead of after it (one round trip less on a first
   * visit). Not when this browser already holds a guest token for the key's tenant, nor when it
   * learned that the tenant takes no guests; on a first visit to such a tenant the server
   * refuses the start (once), which is ignored.
   */
  private speculativeGuest(api: StudioApi): Promise<GuestStart | null> {
    if (this.api || this.tokens.kind !== 'none' || !this.publishableKey) return Promise.resolve(null);
    const known = GuestTokenStore.tenantOf(this.publishableKey);
    if (known && (!known.guests || new GuestTokenStore(known.tenantId).read())) return Promise.resolve(null);
    return api.startGuest().catch(() => null);
  }

  private applyBranding(tenant: TenantConfig): void {
    const theme = brandTheme(tenant.branding);
    warnAboutContrast(tenant.tenantId, theme.adjustments);
    const root = this.shadowRoot;
    if (!root) return;
    if (canAdoptSheets) {
      const sheet = this.brandSheet instanceof CSSStyleSheet ? this.brandSheet : new CSSStyleSheet();
      sheet.replaceSync(theme.css);
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.brandSheet = sheet;
    } else {
      // Browsers without constructable stylesheets: a <style> carrying Lit's CSP nonce.
      const style = this.brandSheet instanceof HTMLStyleElement ? this.brandSheet : document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce) style.setAttribute('nonce', nonce);
      style.textContent = theme.css;
      if (!style.isConnected) root.appendChild(style);
      this.brandSheet = style;
    }
  }

  private async applyLocale(): Promise<void> {
    const branding = this.tenant?.branding;
    const locale = resolveLocale(this.locale, branding?.locale, browserLocales());
    if (!isLoaded(locale)) {
      // Without its table the widget stays in English rather than failing.
      await loadMessages(locale).catch((error: unknown) => console.warn(`[interview-studio] Could not load the "${locale}" strings.`, error));
    }
    this.i18n = new I18n(locale, branding?.copy ?? {}, branding?.locale ?? null, regionalVariant(locale));
  }

  private watchColourScheme(): void {
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    this.darkQuery = null;
    if (this.theme === 'auto' && typeof matchMedia === 'function') {
      this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
      this.darkQuery.addEventListener('change', this.onSchemeChange);
    }
    this.dark = this.theme === 'dark' || (this.theme === 'auto' && (this.darkQuery?.matches ?? false));
  }

  private readonly onSchemeChange = (): void => {
    this.dark = this.darkQuery?.matches ?? false;
  };

  // ---------- context for views ----------

  private createContext(): StudioContext {
    const self = this;
    return {
      get api() {
        return self.activeApi!;
      },
      get tenant() {
        return self.tenant!;
      },
      get learner() {
        return self.learner;
      },
      get view() {
        return self.view;
      },
      get clockSkewMs() {
        return self.clockSkewMs;
      },
      get i18n() {
        return self.i18n;
      },
      get checkout() {
        return self.checkoutWatch;
      },
      watchCheckout: (watch) => this.watchCheckout(watch),
      navigate: (view, options) => this.goTo(view, options),
      emit: (name, detail) => this.emit(name, detail),
      announce: (message) => this.announce(message),
      fail: (error, operation) => this.fail(error, operation),
      noteServerTime: (iso, receivedAt = Date.now()) => {
        const server = Date.parse(iso);
        if (!Number.isNaN(server)) this.clockSkewMs = receivedAt - server;
      },
      pendingAnswerText: null,
      answerDrafts: new Map(),
      confirmAge: (confirmed) => this.confirmAge(confirmed),
      closeAccount: (reason, purgeAfterDays) => this.closeAccount(reason, purgeAfterDays ?? null),
      activeSessionId: null,
      completeSession: (id) => this.completeSession(id),
      settled: (view) => {
        this.settledView ??= view;
        this.maybeReady();
      },
    };
  }

  /** Keeps `watch` running as a controller of this element (so it outlives views), replacing any earlier one. */
  private watchCheckout(watch: CheckoutWatch | null): void {
    const previous = this.checkoutWatch;
    if (previous === watch) return;
    this.checkoutWatch = watch;
    if (previous) {
      this.removeController(previous);
      previous.cancel();
    }
    if (watch) this.addController(watch);
  }

  private goTo(view: ViewState, options: { focus?: boolean } = {}): void {
    const ticket = ++this.navTicket;
    if (isViewDefined(view.name)) {
      this.showView(view, options.focus ?? true);
      return;
    }
    this.viewLoad = { view, failure: null };
    ensureView(view.name).then(
      () => {
        if (ticket === this.navTicket) this.showView(view, options.focus ?? true);
      },
      (error: unknown) => {
        if (ticket !== this.navTicket) return;
        console.warn('[interview-studio] Could not load a view.', error);
        const failure = this.fail(new StudioError('UNAVAILABLE', 'view code failed to load'), 'view.load');
        this.viewLoad = { view, failure };
      },
    );
  }

  private showView(view: ViewState, focus: boolean): void {
    this.viewLoad = null;
    this.view = view;
    this.viewKey++;
    this.focusView = focus;
  }

  private async focusCurrentView(): Promise<void> {
    const element = this.renderRoot.querySelector<StudioView>('.view > [data-studio-view]');
    if (!element) {
      this.renderRoot.querySelector<HTMLElement>('.view [data-view-heading]')?.focus();
      return;
    }
    await element.updateComplete;
    element.focusHeading();
  }

  private emit<K extends StudioEventName>(name: K, detail: StudioEventDetails[K]): void {
    this.dispatchEvent(createStudioEvent(name, detail));
  }

  private announce(message: string): void {
    const id = ++this.announceId;
    this.announcements = [...this.announcements, { id, text: message }].slice(-LIVE_REGION_SIZE);
  }

  private fail(error: unknown, operation: string): Failure | null {
    if (isAbortError(error)) return null;
    const code = errorCodeOf(error);
    const message = this.i18n.errorMessage(code);
    if (code === 'INTERNAL' && !(error as { kind?: unknown } | null)?.kind) console.error('[interview-studio]', error);
    this.emit('is-error', { code, message, operation });
    const details = errorDetailsOf(error);
    if (code === 'PASS_REQUIRED') {
      const action = typeof details.action === 'string' ? details.action : null;
      const period = typeof details.period === 'string' ? details.period : null;
      const billingMode = typeof details.billingMode === 'string' ? details.billingMode : (this.tenant?.billingMode ?? 'learner-pays');
      this.emit('is-pass-required', { action, period, billingMode });
      // Back to what they were doing once a pass is active (an answer's draft is kept meanwhile).
      const resume = this.view.name === 'pass' ? (this.view.resume ?? null) : this.view;
      if (this.phase === 'ready') this.goTo({ name: 'pass', action, period, resume });
    }
    if (code === 'AGE_CONFIRMATION_REQUIRED' && this.phase === 'ready') {
      const required = typeof details.minimumAge === 'number' ? details.minimumAge : Math.max(MIN_AGE_FLOOR, this.tenant?.minimumAge ?? 16);
      this.enterAgeGate(required, this.view, true);
    }
    if (code === 'PROCESSING_RESTRICTED') {
      return { code, message, link: { label: this.i18n.t('restricted.link'), go: () => this.goTo({ name: 'privacy' }) } };
    }
    return { code, message };
  }

  private onTokenRefused(): void {
    if (this.tokenRefusedReported) return;
    this.tokenRefusedReported = true;
    this.emit('is-token-expired', { reason: 'rejected' });
  }

  private maybeReady(): void {
    if (this.settledView && this.meLoaded) this.fireReady(this.settledView);
  }

  private fireReady(view: ViewName): void {
    if (this.readyFired || !this.tenant) return;
    this.readyFired = true;
    // Before the age confirmation there is no learner yet; the token says whether it is a guest.
    const guest = this.learner?.guest ?? this.tokens.kind === 'guest';
    this.emit('is-ready', { tenantId: this.tenant.tenantId, locale: this.i18n.locale, guest, view });
    // The other views load once the first one is on screen, so later navigation is instant.
    setTimeout(preloadViews, 0);
  }

  private async completeSession(sessionId: string): Promise<SessionView> {
    const api = this.activeApi!;
    let session: SessionView;
    let completedNow = true;
    try {
      session = await api.completeSession(sessionId);
    } catch (error) {
      if (errorCodeOf(error) !== 'CONFLICT') throw error;
      session = await api.getSession(sessionId);
      if (session.status !== 'completed') throw error;
      completedNow = false;
    }
    if (this.context.activeSessionId === sessionId) this.context.activeSessionId = null;
    if (completedNow) {
      this.emit('is-session-complete', {
        sessionId: session.id,
        mode: session.mode,
        answeredCount: session.answers.length,
        mockScore: session.summary?.overallScore ?? null,
      });
      this.announce(this.i18n.t('summary.completeAnnouncement'));
    }
    this.goTo({ name: 'summary', sessionId: session.id });
    return session;
  }

  // ---------- dialog ----------

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private syncDialog(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
      void this.focusCurrentView();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private onDialogClose(): void {
    this.open = false;
    const target = this.returnFocus ?? this.renderRoot.querySelector<HTMLElement>('.launcher');
    this.returnFocus = null;
    target?.focus();
  }

  // ---------- rendering ----------

  private renderView(): unknown {
    const v = this.view;
    const ctx = this.context;
    const i18n = this.i18n;
    let element: TemplateResult;
    switch (v.name) {
      case 'home':
        element = html`<is-home-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}></is-home-view>`;
        break;
      case 'setup':
        element = html`<is-setup-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}></is-setup-view>`;
        break;
      case 'question':
        element = html`<is-question-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}
          .sessionId=${v.sessionId} .questionId=${v.questionId}></is-question-view>`;
        break;
      case 'feedback':
        element = html`<is-feedback-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}
          .sessionId=${v.sessionId} .answerId=${v.answerId}></is-feedback-view>`;
        break;
      case 'compare':
        element = html`<is-compare-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}
          .sessionId=${v.sessionId} .questionId=${v.questionId}></is-compare-view>`;
        break;
      case 'summary':
        element = html`<is-summary-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n} .sessionId=${v.sessionId}></is-summary-view>`;
        break;
      case 'star':
        element = html`<is-star-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n} .draftId=${v.draftId}></is-star-view>`;
        break;
      case 'history':
        element = html`<is-history-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}></is-history-view>`;
        break;
      case 'pass':
        element = html`<is-pass-required-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n}
          .action=${v.action} .period=${v.period} .resume=${v.resume ?? null}></is-pass-required-view>`;
        break;
      case 'privacy':
        element = html`<is-privacy-view data-studio-view exportparts=${EXPORT_PARTS} .ctx=${ctx} .i18n=${i18n} .learner=${this.learner}></is-privacy-view>`;
        break;
    }
    return keyed(this.viewKey, element);
  }

  private renderBody(): unknown {
    switch (this.phase) {
      case 'booting':
        return html`<div class="boot" part="loading" role="status">
          <span class="spinner" aria-hidden="true"></span>
          <p class="muted">${this.i18n.t('state.starting')}</p>
        </div>`;
      case 'failed':
        return errorBlock(this.i18n, this.failure ?? { code: 'INTERNAL', message: this.i18n.errorMessage('INTERNAL') }, () => void this.boot());
      case 'signin':
        return html`<div class="state card" part="empty">
          <h2 part="heading">${this.i18n.t('signin.title')}</h2>
          <p class="muted">${this.i18n.t('signin.body')}</p>
        </div>`;
      case 'age':
        if (!isAgeGateDefined()) {
          return html`<div class="boot" part="loading" role="status"><span class="spinner" aria-hidden="true"></span>
            <p class="muted">${this.i18n.t('state.loading')}</p></div>`;
        }
        return html`<is-age-gate data-studio-view exportparts=${EXPORT_PARTS} .ctx=${this.context} .i18n=${this.i18n}
          .minimumAge=${this.ageMinimum}></is-age-gate>`;
      case 'closed':
        return this.renderClosed();
      case 'ready': {
        const load = this.viewLoad;
        if (load?.failure) return errorBlock(this.i18n, load.failure, () => this.goTo(load.view));
        if (load) {
          return html`<div class="boot" part="loading" role="status"><span class="spinner" aria-hidden="true"></span>
            <p class="muted">${this.i18n.t('state.loading')}</p></div>`;
        }
        return this.renderView();
      }
    }
  }

  /** The end: after a deletion, or when the learner is under the minimum age. */
  private renderClosed(): TemplateResult {
    const closed = this.closed ?? { reason: 'deleted', purgeAfterDays: null };
    const t = (key: MessageKey) => this.i18n.t(key, { age: this.ageMinimum, days: closed.purgeAfterDays ?? 30 });
    const deleted = closed.reason === 'deleted';
    return html`<section class="state card closed" part="closed card" aria-labelledby="is-closed-title">
      <h2 id="is-closed-title" tabindex="-1" data-view-heading part="heading">${t(deleted ? 'closed.deletedTitle' : 'closed.underAgeTitle')}</h2>
      <p>${t(deleted ? 'closed.deletedBody' : 'closed.underAgeBody')}</p>
      <p class="muted">${t(deleted ? 'closed.deletedKept' : 'closed.underAgeNothingStored')}</p>
    </section>`;
  }

  private renderNav(): TemplateResult | typeof nothing {
    if (this.phase !== 'ready') return nothing;
    const current = (this.viewLoad?.view ?? this.view).name;
    return html`<nav part="nav" aria-label=${this.i18n.t('nav.label')}>
      <ul>
        ${NAV.map((item) => {
          const active = item.matches.includes(current);
          return html`<li>
            <button type="button" class="nav-item" part="nav-item" aria-current=${active ? 'page' : 'false'}
              @click=${() => this.goTo(item.view)}>${this.i18n.t(item.label)}</button>
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  /**
   * The notice that feedback is automated, except under a view that puts the full disclaimer
   * next to its scores: said twice on one screen, it would read as boilerplate.
   */
  private renderFooter(): TemplateResult | typeof nothing {
    if (this.phase === 'ready' && !this.viewLoad && labelsAiOutput(this.view.name)) return nothing;
    return html`<footer part="footer">${this.i18n.t('footer.disclaimer')}</footer>`;
  }

  private renderShell(): TemplateResult {
    const branding = this.tenant?.branding;
    const name = branding?.productName ?? this.tenant?.name ?? this.i18n.t('product.name');
    const inDialog = this.mode !== 'inline';
    return html`<section class="shell" aria-labelledby="is-title">
      <header part="header">
        <div class="brand">
          ${branding?.logoUrl ? html`<img class="logo" part="logo" src=${branding.logoUrl} alt="" />` : nothing}
          <span id="is-title" part="title">${name}</span>
        </div>
        ${this.renderNav()}
        ${inDialog
          ? html`<button type="button" class="close" part="close-button" aria-label=${this.i18n.t('action.close')} @click=${() => this.hide()}>×</button>`
          : nothing}
      </header>
      <div class="view" part="view">${this.renderBody()}</div>
      ${this.renderFooter()}
      <div class="sr-only" role="status" aria-live="polite" aria-relevant="additions" data-live-region>
        ${this.announcements.map((a) => html`<p data-id=${a.id}>${a.text}</p>`)}
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    const body = this.mode === 'inline'
      ? this.renderShell()
      : html`${this.mode === 'launcher'
            ? html`<button type="button" class="launcher" part="launcher" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'}
                @click=${() => this.show()}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor"
                  d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 5v2h10V9H7zm0 4v2h7v-2H7z"/></svg>
                ${this.i18n.t('launcher.label')}
              </button>`
            : nothing}
          <dialog part="dialog" aria-labelledby="is-title" @close=${this.onDialogClose}>${this.renderShell()}</dialog>`;
    return html`<div part="base" class=${this.dark ? 'base dark' : 'base'} lang=${this.i18n.locale}>${body}</div>`;
  }
}
