import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { DeletionRequest, LearnerProfile, PrivacySettings } from '../../core/api.js';
import type { Failure } from '../../core/context.js';
import { errorCodeOf } from '../../core/errors.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { downloadJson, exportFileName } from './download.js';
import { privacyStyles } from './privacy.styles.js';

/** The panel's parts that act on the server, one at a time. */
type Section = 'restriction' | 'preferences' | 'profile' | 'export' | 'delete';

/** Settings, or `none`: no account yet (nothing is stored before the first use). */
type SettingsState = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'none' } | { status: 'ready'; data: PrivacySettings };

/**
 * @summary The privacy panel: what is stored and how feedback is produced (automated, text
 * only), and the learner's rights in one place: download everything as JSON, delete the account
 * (after a confirmation that says what is deleted and what is kept), restrict processing (data
 * kept, nothing scored or generated) and lift it, analytics opt-out and marketing consent
 * (with the time each was recorded), and correcting their name and e-mail.
 *
 * @csspart privacy - The card that explains what is stored.
 * @csspart privacy-section - Each group of controls (processing, choices, details, your data).
 * @csspart restricted - The banner shown while processing is restricted.
 * @csspart confirm-dialog - The deletion confirmation.
 * @csspart disclaimer - The note that scores are automated and have no standing with employers.
 */
export class PrivacyView extends StudioView {
  static override styles = [sharedStyles, privacyStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    learner: { attribute: false },
    settings: { state: true },
    busy: { state: true },
    saved: { state: true },
    failure: { state: true },
    deletion: { state: true },
    emailError: { state: true },
  };
  protected readonly viewName = 'privacy' as const;
  /** The learner (arrives shortly after the first render). */
  declare learner: LearnerProfile | null;
  declare settings: SettingsState;
  declare busy: Section | null;
  /** The last section whose change was saved, for its confirmation line. */
  declare saved: Section | null;
  declare failure: { section: Section; failure: Failure } | null;
  /** The confirmation the server issued for deleting the account (dialog open). */
  declare deletion: DeletionRequest | null;
  declare emailError: string | null;

  constructor() {
    super();
    this.learner = null;
    this.settings = { status: 'loading' };
    this.busy = null;
    this.saved = null;
    this.failure = null;
    this.deletion = null;
    this.emailError = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.settings = { status: 'loading' };
    try {
      this.settings = { status: 'ready', data: await this.ctx.api.privacySettings() };
    } catch (error) {
      if (errorCodeOf(error) === 'NOT_FOUND') this.settings = { status: 'none' };
      else {
        const failure = this.ctx.fail(error, 'privacy.settings');
        if (failure) this.settings = { status: 'error', failure };
      }
    }
    this.markSettled();
  }

  /** Runs one change; the settings it returns replace the shown ones. */
  private async run(section: Section, change: () => Promise<PrivacySettings | void>, announce?: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = section;
    this.saved = null;
    this.failure = null;
    try {
      const updated = await change();
      if (updated) this.settings = { status: 'ready', data: updated };
      this.saved = section;
      if (announce) this.ctx.announce(announce);
      return true;
    } catch (error) {
      const failure = this.ctx.fail(error, `privacy.${section}`);
      if (failure) this.failure = { section, failure };
      return false;
    } finally {
      this.busy = null;
    }
  }

  private setRestricted(restricted: boolean): void {
    const api = this.ctx.api;
    void this.run('restriction', () => (restricted ? api.restrict() : api.unrestrict()), this.t(restricted ? 'privacy.restrictedNow' : 'privacy.unrestrictedNow'));
  }

  private savePreferences(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
    const input = { analyticsOptOut: checked('analytics-opt-out'), marketingConsent: checked('marketing-consent') };
    // The saved line is a status region: no separate announcement.
    void this.run('preferences', () => this.ctx.api.setPreferences(input));
  }

  private saveProfile(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement);
    const email = field('email');
    this.emailError = null;
    if (!email.checkValidity()) {
      this.emailError = this.t('privacy.emailInvalid');
      email.focus();
      return;
    }
    const value = (name: string) => field(name).value.trim() || null;
    void this.run('profile', () => this.ctx.api.updateProfile({ name: value('name'), email: value('email') }));
  }

  private exportData(): void {
    void this.run(
      'export',
      async () => {
        const document = await this.ctx.api.exportData();
        downloadJson(this.renderRoot as ShadowRoot, document, exportFileName(new Date()));
      },
      this.t('privacy.exported'),
    );
  }

  private async askToDelete(): Promise<void> {
    let request: DeletionRequest | null = null;
    const ok = await this.run('delete', async () => {
      request = await this.ctx.api.requestDeletion();
    });
    this.saved = null;
    if (!ok || !request) return;
    this.deletion = request;
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('#keep-account')?.focus();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  private async confirmDelete(): Promise<void> {
    const request = this.deletion;
    if (!request) return;
    const ok = await this.run('delete', async () => {
      await this.ctx.api.deleteAccount(request.confirmationToken);
    });
    if (!ok) return;
    this.dialog?.close();
    this.ctx.closeAccount('deleted', request.purgeAfterDays);
  }

  private onDialogClose(): void {
    this.deletion = null;
    this.renderRoot.querySelector<HTMLElement>('#delete-account')?.focus();
  }

  private failureFor(section: Section): TemplateResult | typeof nothing {
    return this.failure?.section === section ? errorBlock(this.i18n, this.failure.failure) : nothing;
  }

  private savedLine(section: Section, key: 'privacy.preferencesSaved' | 'privacy.profileSaved'): TemplateResult {
    return html`<p class="saved small" role="status">${this.saved === section ? this.t(key) : ''}</p>`;
  }

  private about(): TemplateResult {
    const guest = (this.learner ?? this.ctx.learner)?.guest ?? false;
    return html`<section class="card" part="privacy card">
      <dl>
        <dt>${this.t('privacy.storedTitle')}</dt>
        <dd>${this.t('privacy.stored')}</dd>
        <dt>${this.t('privacy.aiTitle')}</dt>
        <dd>${this.t('privacy.ai')}</dd>
        <dt>${this.t('privacy.textOnlyTitle')}</dt>
        <dd>${this.t('notice.textOnly')}</dd>
        <dt>${this.t('privacy.confidentialTitle')}</dt>
        <dd>${this.t('privacy.confidential')}</dd>
        <dt>${this.t('privacy.ageTitle')}</dt>
        <dd>${this.t('privacy.age', { age: this.ctx.tenant.minimumAge })}</dd>
        ${guest ? html`<dt>${this.t('privacy.guestTitle')}</dt><dd>${this.t('privacy.guest')}</dd>` : nothing}
      </dl>
    </section>`;
  }

  private restriction(s: PrivacySettings): TemplateResult {
    const restricted = s.processingRestricted;
    return html`<section class="card" part="privacy-section card" aria-labelledby="restriction-title">
      <h3 id="restriction-title">${this.t('privacy.restrictionTitle')}</h3>
      <p>${restricted && s.restrictedAt
        ? this.t('privacy.restrictedSince', { date: this.i18n.dateTime(s.restrictedAt) })
        : this.t('privacy.processingOn')}</p>
      <p class="muted small">${this.t('privacy.restrictionExplained')}</p>
      <button type="button" class="btn ${restricted ? 'btn-primary' : 'btn-secondary'}" part="button ${restricted ? 'button-primary' : 'button-secondary'}"
        ?disabled=${this.busy !== null} @click=${() => this.setRestricted(!restricted)}>
        ${this.t(restricted ? 'privacy.unrestrict' : 'privacy.restrict')}
      </button>
      ${this.failureFor('restriction')}
    </section>`;
  }

  private preferences(s: PrivacySettings): TemplateResult {
    const when = (at: string | null) => (at ? this.i18n.dateTime(at) : '');
    return html`<section class="card" part="privacy-section card" aria-labelledby="preferences-title">
      <h3 id="preferences-title">${this.t('privacy.preferencesTitle')}</h3>
      <form @submit=${this.savePreferences}>
        <label class="choice">
          <input type="checkbox" name="analytics-opt-out" .checked=${s.analyticsOptOut} aria-describedby="analytics-hint" />
          <span>${this.t('privacy.analyticsOptOut')}
            <span class="hint" id="analytics-hint">${s.analyticsOptOut && s.analyticsOptOutAt
              ? this.t('privacy.analyticsOptedOutAt', { date: when(s.analyticsOptOutAt) })
              : this.t('privacy.analyticsExplained')}</span></span>
        </label>
        <label class="choice">
          <input type="checkbox" name="marketing-consent" .checked=${s.marketingConsent} aria-describedby="marketing-hint" />
          <span>${this.t('privacy.marketingConsent')}
            <span class="hint" id="marketing-hint" part="hint">${s.marketingConsent && s.marketingConsentAt
              ? this.t('privacy.marketingConsentAt', { date: when(s.marketingConsentAt) })
              : this.t('privacy.marketingNone')}</span></span>
        </label>
        <div class="row">
          <button type="submit" class="btn btn-secondary" part="button button-secondary" ?disabled=${this.busy !== null}>${this.t('privacy.savePreferences')}</button>
          ${this.savedLine('preferences', 'privacy.preferencesSaved')}
        </div>
      </form>
      ${this.failureFor('preferences')}
    </section>`;
  }

  private profile(s: PrivacySettings): TemplateResult {
    return html`<section class="card" part="privacy-section card" aria-labelledby="profile-title">
      <h3 id="profile-title">${this.t('privacy.profileTitle')}</h3>
      <p class="muted small">${this.t('privacy.profileExplained')}</p>
      <form novalidate @submit=${this.saveProfile}>
        <div class="field">
          <label for="profile-name" part="label">${this.t('privacy.name')}</label>
          <input id="profile-name" name="name" type="text" part="input" autocomplete="name" maxlength="200" .value=${s.profile.name ?? ''} />
        </div>
        <div class="field">
          <label for="profile-email" part="label">${this.t('privacy.email')}</label>
          <input id="profile-email" name="email" type="email" part="input" autocomplete="email" maxlength="254" .value=${s.profile.email ?? ''}
            aria-invalid=${this.emailError ? 'true' : 'false'} aria-describedby=${this.emailError ? 'email-error' : nothing} />
          ${this.emailError ? html`<p class="field-error" id="email-error" part="field-error">${this.emailError}</p>` : nothing}
        </div>
        ${s.profile.editedAt ? html`<p class="muted small">${this.t('privacy.profileEditedAt', { date: this.i18n.dateTime(s.profile.editedAt) })}</p>` : nothing}
        <div class="row">
          <button type="submit" class="btn btn-secondary" part="button button-secondary" ?disabled=${this.busy !== null}>${this.t('privacy.saveProfile')}</button>
          ${this.savedLine('profile', 'privacy.profileSaved')}
        </div>
      </form>
      ${this.failureFor('profile')}
    </section>`;
  }

  private yourData(s: PrivacySettings): TemplateResult {
    const inactive = s.retention.inactiveLearnerDays;
    return html`<section class="card" part="privacy-section card" aria-labelledby="data-title">
      <h3 id="data-title">${this.t('privacy.dataTitle')}</h3>
      <p>${this.t('privacy.exportExplained')}</p>
      <button type="button" class="btn btn-secondary" part="button button-secondary" ?disabled=${this.busy !== null}
        aria-busy=${this.busy === 'export' ? 'true' : 'false'} @click=${() => this.exportData()}>${this.t('privacy.export')}</button>
      ${this.failureFor('export')}
      <p class="delete-intro">${this.t('privacy.deleteExplained', { days: s.erasurePurgeDays })}</p>
      <button type="button" id="delete-account" class="btn btn-danger" part="button" aria-haspopup="dialog" ?disabled=${this.busy !== null}
        @click=${() => void this.askToDelete()}>${this.t('privacy.delete')}</button>
      ${this.deletion ? nothing : this.failureFor('delete')}
      ${inactive !== null ? html`<p class="muted small retention">${this.t('privacy.retention', { days: inactive, reminder: s.retention.reminderDaysBefore })}</p>` : nothing}
    </section>`;
  }

  private deleteDialog(): TemplateResult {
    const request = this.deletion;
    const guest = (this.learner ?? this.ctx.learner)?.guest ?? false;
    return html`<dialog part="confirm-dialog" aria-labelledby="delete-title" aria-describedby="delete-summary" @close=${this.onDialogClose}>
      ${request
        ? html`<h3 id="delete-title">${this.t('privacy.deleteTitle')}</h3>
            <p id="delete-summary">${this.t('privacy.deleteCannotUndo')}</p>
            <h4>${this.t('privacy.deletedTitle')}</h4>
            <ul>
              <li>${this.t('privacy.deletedProfile')}</li>
              <li>${this.t('privacy.deletedPractice')}</li>
              <li>${this.t('privacy.deletedStories')}</li>
              ${guest ? html`<li>${this.t('privacy.deletedGuest')}</li>` : nothing}
            </ul>
            <p>${this.t('privacy.deletedWhen', { days: request.purgeAfterDays })}</p>
            <h4>${this.t('privacy.keptTitle')}</h4>
            <ul>
              <li>${this.t('privacy.keptPurchases')}</li>
            </ul>
            ${this.failureFor('delete')}
            <div class="row">
              <button type="button" class="btn btn-danger" part="button" ?disabled=${this.busy !== null} aria-busy=${this.busy === 'delete' ? 'true' : 'false'}
                @click=${() => void this.confirmDelete()}>${this.t('privacy.deleteConfirm')}</button>
              <button type="button" id="keep-account" class="btn btn-secondary" part="button button-secondary" @click=${() => this.closeDialog()}>
                ${this.t('privacy.deleteCancel')}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private controls(): TemplateResult {
    const s = this.settings;
    if (s.status === 'loading') return loadingBlock(this.i18n);
    if (s.status === 'error') return errorBlock(this.i18n, s.failure, () => void this.load());
    if (s.status === 'none') return html`<p class="card" part="privacy-section card">${this.t('privacy.noAccount')}</p>`;
    const data = s.data;
    return html`${this.restriction(data)} ${this.preferences(data)} ${this.profile(data)} ${this.yourData(data)} ${this.deleteDialog()}`;
  }

  override render(): TemplateResult {
    const s = this.settings;
    const restricted = s.status === 'ready' && s.data.processingRestricted;
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('privacy.title')}</h2>
      ${restricted
        ? html`<div class="notice" part="notice restricted" role="status">
            <p><strong>${this.t('restricted.title')}</strong></p>
            <p>${this.t('privacy.restrictedBanner')}</p>
          </div>`
        : nothing}
      <div class="stack">${this.about()} ${this.controls()}</div>
      <p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>`;
  }
}
