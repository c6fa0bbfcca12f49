// Its strings ship with the root (en-core): a first visit loads no other view's strings.
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Failure } from '../../core/context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { ageGateStyles } from './age-gate.styles.js';

/**
 * @summary The age confirmation on first use: "I am 16 or older" (the tenant's minimum age,
 * never below 13) before anything else, where the tenant asks for it. The server stores nothing
 * about the learner and answers no other call until they confirm. Saying they are younger
 * stores nothing at all: the widget forgets its token and shows that the service is not for
 * them (the root's `closed` state).
 *
 * The root shows this instead of any view, and returns the learner to where they were going
 * once they confirm.
 *
 * @csspart age-gate - The confirmation card.
 */
export class AgeGate extends StudioView {
  static override styles = [sharedStyles, ageGateStyles];
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    minimumAge: { type: Number },
    busy: { state: true },
    failure: { state: true },
  };
  protected readonly viewName = 'age' as const;
  /** The age to confirm. */
  declare minimumAge: number;
  declare busy: boolean;
  declare failure: Failure | null;

  constructor() {
    super();
    this.minimumAge = 16;
    this.busy = false;
    this.failure = null;
  }

  override firstUpdated(): void {
    this.markSettled();
  }

  private async answer(confirmed: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = null;
    try {
      await this.ctx.confirmAge(confirmed);
    } catch (error) {
      this.failure = this.ctx.fail(error, 'privacy.confirmAge');
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const age = this.minimumAge;
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('age.title')}</h2>
      <section class="card" part="age-gate card" aria-describedby="age-body">
        <p id="age-body">${this.t('age.body', { age })}</p>
        <p class="muted small">${this.t('age.nothingStored', { age })}</p>
        <div class="row">
          <button type="button" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} @click=${() => void this.answer(true)}>
            ${this.t('age.confirm', { age })}
          </button>
          <button type="button" class="btn btn-secondary" part="button button-secondary" ?disabled=${this.busy} @click=${() => void this.answer(false)}>
            ${this.t('age.decline', { age })}
          </button>
        </div>
        ${this.failure ? errorBlock(this.i18n, this.failure) : nothing}
      </section>
      <p class="muted small">${this.t('notice.textOnly')}</p>`;
  }
}
