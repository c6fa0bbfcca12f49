import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { CreateSessionInput, InterviewType, Seniority, SessionMode } from '../../core/api.js';
import type { Failure } from '../../core/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { setupStyles } from './setup.styles.js';

export const SENIORITIES: readonly Seniority[] = ['intern', 'graduate', 'junior', 'mid', 'senior', 'lead'];
export const INTERVIEW_TYPES: readonly InterviewType[] = ['behavioural', 'technical-conceptual', 'situational', 'motivational', 'mixed'];
export const QUESTION_COUNTS = [3, 5, 8, 10] as const;
export const TIME_LIMITS = [60, 120, 180, 300] as const;

/** What the form holds; kept between visits so a second session starts from the first's choices. */
export interface SetupDraft {
  role: string;
  seniority: Seniority;
  interviewType: InterviewType;
  company: string;
  jobDescription: string;
  questionCount: number;
  mode: SessionMode;
  questionTimeLimitSec: number;
}

const DEFAULT_DRAFT: SetupDraft = {
  role: '',
  seniority: 'graduate',
  interviewType: 'behavioural',
  company: '',
  jobDescription: '',
  questionCount: 5,
  mode: 'practice',
  questionTimeLimitSec: 120,
};

let remembered: SetupDraft = { ...DEFAULT_DRAFT };

/**
 * @summary Session setup: the role, seniority and kind of interview to practise, optional
 * company and job description, how many questions, and practice or a timed mock interview.
 *
 * @csspart setup-form - The form.
 */
export class SetupView extends StudioView {
  static override styles = [sharedStyles, setupStyles];
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    draft: { state: true },
    roleError: { state: true },
    busy: { state: true },
    failure: { state: true },
  };
  protected readonly viewName = 'setup' as const;
  declare draft: SetupDraft;
  declare roleError: string | null;
  declare busy: boolean;
  declare failure: Failure | null;

  constructor() {
    super();
    this.draft = { ...remembered };
    this.roleError = null;
    this.busy = false;
    this.failure = null;
  }

  override firstUpdated(): void {
    this.markSettled();
  }

  private set<K extends keyof SetupDraft>(key: K, value: SetupDraft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    remembered = this.draft;
    if (key === 'role' && this.roleError) this.roleError = null;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const role = this.draft.role.trim();
    if (role.length < 2) {
      this.roleError = this.t('setup.roleRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#role')?.focus();
      return;
    }
    const d = this.draft;
    const input: CreateSessionInput = {
      role,
      seniority: d.seniority,
      interviewType: d.interviewType,
      company: d.company.trim() || null,
      jobDescription: d.jobDescription.trim() || null,
      questionCount: d.questionCount,
      mode: d.mode,
      ...(d.mode === 'mock' ? { questionTimeLimitSec: d.questionTimeLimitSec } : {}),
    };
    this.busy = true;
    this.failure = null;
    try {
      const receivedBefore = Date.now();
      const session = await this.ctx.api.createSession(input);
      this.ctx.noteServerTime(session.createdAt, (receivedBefore + Date.now()) / 2);
      this.ctx.activeSessionId = session.id;
      this.ctx.emit('is-session-start', {
        sessionId: session.id,
        mode: session.mode,
        questionCount: session.questions.length,
        interviewType: session.interviewType,
      });
      this.ctx.navigate({ name: 'question', sessionId: session.id });
    } catch (error) {
      this.failure = this.ctx.fail(error, 'session.create');
    } finally {
      this.busy = false;
    }
  }

  private select<T extends string | number>(
    id: string,
    label: string,
    value: T,
    options: readonly T[],
    optionLabel: (v: T) => string,
    onChange: (v: T) => void,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id} part="label">${label}</label>
      <select id=${id} part="select" @change=${(e: Event) => {
        const raw = (e.target as HTMLSelectElement).value;
        onChange((typeof value === 'number' ? Number(raw) : raw) as T);
      }}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${optionLabel(o)}</option>`)}
      </select>
    </div>`;
  }

  override render(): TemplateResult {
    const d = this.draft;
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('setup.title')}</h2>
      <p class="muted">${this.t('setup.intro')}</p>
      <form part="setup-form" novalidate @submit=${this.submit}>
        <div class="field">
          <label for="role" part="label">${this.t('setup.role')}</label>
          <span class="hint" id="role-hint" part="hint">${this.t('setup.roleHint')}</span>
          <input id="role" type="text" part="input" autocomplete="organization-title" maxlength="120" required
            aria-describedby=${this.roleError ? 'role-hint role-error' : 'role-hint'} aria-invalid=${this.roleError ? 'true' : 'false'}
            .value=${d.role} @input=${(e: Event) => this.set('role', (e.target as HTMLInputElement).value)} />
          ${this.roleError ? html`<p class="field-error" id="role-error" part="field-error">${this.roleError}</p>` : nothing}
        </div>
        <div class="two">
          ${this.select('seniority', this.t('setup.seniority'), d.seniority, SENIORITIES, (v) => this.t(`seniority.${v}` as MessageKey), (v) => this.set('seniority', v))}
          ${this.select('type', this.t('setup.type'), d.interviewType, INTERVIEW_TYPES, (v) => this.t(`type.${v}` as MessageKey), (v) => this.set('interviewType', v))}
          ${this.select('count', this.t('setup.count'), d.questionCount, QUESTION_COUNTS, (v) => this.i18n.plural('setup.countOption', v), (v) => this.set('questionCount', v))}
        </div>
        <fieldset class="field">
          <legend>${this.t('setup.mode')}</legend>
          <div class="modes">
            ${(['practice', 'mock'] as const).map(
              (mode) => html`<label class="choice mode">
                <input type="radio" name="mode" value=${mode} .checked=${d.mode === mode} @change=${() => this.set('mode', mode)} />
                <span><strong>${this.t(`mode.${mode}`)}</strong><span class="hint">${this.t(`setup.${mode}Hint`)}</span></span>
              </label>`,
            )}
          </div>
        </fieldset>
        ${d.mode === 'mock'
          ? html`<div class="field">
              ${this.select('limit', this.t('setup.timeLimit'), d.questionTimeLimitSec, TIME_LIMITS, (v) => this.i18n.duration(v), (v) => this.set('questionTimeLimitSec', v))}
              <p class="hint" part="hint">${this.t('setup.extraTime')}</p>
            </div>`
          : nothing}
        <details>
          <summary>${this.t('setup.more')}</summary>
          <div class="field">
            <label for="company" part="label">${this.t('setup.company')}</label>
            <input id="company" type="text" part="input" maxlength="120" .value=${d.company}
              @input=${(e: Event) => this.set('company', (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="jd" part="label">${this.t('setup.jobDescription')}</label>
            <span class="hint" id="jd-hint" part="hint">${this.t('setup.jobDescriptionHint')}</span>
            <textarea id="jd" rows="5" part="textarea" maxlength="8000" aria-describedby="jd-hint" .value=${d.jobDescription}
              @input=${(e: Event) => this.set('jobDescription', (e.target as HTMLTextAreaElement).value)}></textarea>
          </div>
        </details>
        ${this.failure ? html`<div class="field">${errorBlock(this.i18n, this.failure)}</div>` : nothing}
        <div class="row submit">
          <button type="submit" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('setup.starting')}` : this.t('setup.start')}
          </button>
          <button type="button" class="btn btn-quiet" part="button" @click=${() => this.ctx.navigate({ name: 'home' })}>${this.t('action.cancel')}</button>
        </div>
      </form>`;
  }
}
