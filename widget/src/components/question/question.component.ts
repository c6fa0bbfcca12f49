import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ConfidentialWarning, SessionQuestion, SessionView, StarDraft } from '../../core/api.js';
import type { Failure, Load } from '../../core/context.js';
import { errorCodeOf } from '../../core/errors.js';
import { appendParagraph, countWords, MAX_ANSWER_CHARS, speakingTimeSeconds } from '../../core/text.js';
import type { I18n } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { setStyle } from '../set-style.js';
import { EXPORT_PARTS } from '../parts.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { questionStyles } from './question.styles.js';

interface Current {
  session: SessionView;
  /** Null when every question has an answer. */
  question: SessionQuestion | null;
  index: number;
  /** Attempts already made at this question. */
  previousAttempts: number;
}

/** The learner's sentence for a confidential-material warning (a kind the tables lack reads generically). */
export function describeWarning(i18n: I18n, warning: ConfidentialWarning): string {
  const key = `warning.${warning.kind}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t('warning.generic');
}

/** Which question a session shows next: the named one, the mock's current one, or the first unanswered. */
export function pickQuestion(session: SessionView, questionId?: string): Current {
  const answered = new Map(session.answers.map((a) => [a.questionId, a.attempt]));
  let index: number;
  if (questionId) index = session.questions.findIndex((q) => q.id === questionId);
  else if (session.mode === 'mock' && session.mock) index = session.mock.currentIndex;
  else index = session.questions.findIndex((q) => !answered.has(q.id));
  const question = index >= 0 ? (session.questions[index] ?? null) : null;
  return { session, question, index: question ? index : session.questions.length, previousAttempts: question ? (answered.get(question.id) ?? 0) : 0 };
}

/** Where a draft answer is kept while the learner is away from its question. */
const draftKey = (sessionId: string, questionId: string) => `${sessionId}/${questionId}`;

/**
 * @summary The question and answer view: "Question 3 of 5", the question and its guidance, an
 * editor with a live word count and speaking-time estimate, a STAR story picker, a warning
 * about confidential material before submitting, and in a mock interview the countdown. The
 * service is text only, and says so under the editor.
 *
 * Ctrl+Enter (⌘+Enter) submits from the editor. A draft survives leaving the view (a pass to
 * buy, a look at the privacy panel): it is back in the editor on return.
 *
 * @csspart progress - The "question n of m" bar.
 * @csspart question - The question text.
 * @csspart guidance - The "how to approach this" disclosure.
 * @csspart editor - The answer textarea.
 * @csspart word-count - Words and speaking time.
 * @csspart warning - The confidential-material warning.
 * @csspart star-picker - The list of STAR stories to insert.
 * @csspart timer - The mock-interview countdown.
 */
export class QuestionView extends StudioView {
  static override styles = [sharedStyles, questionStyles];
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    sessionId: {},
    questionId: {},
    state: { state: true },
    text: { state: true },
    warnings: { state: true },
    busy: { state: true },
    failure: { state: true },
    editorError: { state: true },
    stories: { state: true },
  };
  protected readonly viewName = 'question' as const;
  declare sessionId: string;
  declare questionId: string | undefined;
  declare state: Load<Current>;
  declare text: string;
  /** Warnings the learner has seen for the current text; submitting again sends anyway. */
  declare warnings: ConfidentialWarning[] | null;
  declare busy: boolean;
  declare failure: Failure | null;
  declare editorError: string | null;
  declare stories: Load<StarDraft[]> | null;

  constructor() {
    super();
    this.sessionId = '';
    this.questionId = undefined;
    this.state = { status: 'loading' };
    this.text = '';
    this.warnings = null;
    this.busy = false;
    this.failure = null;
    this.editorError = null;
    this.stories = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.keepDraft();
  }

  /** Keeps the unsubmitted text of the current question for when the learner comes back. */
  private keepDraft(): void {
    if (this.state.status !== 'ready' || !this.state.data.question) return;
    const key = draftKey(this.state.data.session.id, this.state.data.question.id);
    if (this.text.trim()) this.ctx.answerDrafts.set(key, this.text);
    else this.ctx.answerDrafts.delete(key);
  }

  private async load(questionId = this.questionId): Promise<void> {
    this.keepDraft();
    this.state = { status: 'loading' };
    try {
      const session = await this.ctx.api.getSession(this.sessionId);
      if (session.status === 'completed') {
        this.ctx.navigate({ name: 'summary', sessionId: session.id }, { focus: this.ctx.view.name === 'question' });
        return;
      }
      this.ctx.activeSessionId = session.id;
      const current = pickQuestion(session, questionId);
      this.state = { status: 'ready', data: current };
      const draft = current.question ? this.ctx.answerDrafts.get(draftKey(session.id, current.question.id)) : undefined;
      if (draft !== undefined && current.question) {
        this.text = draft;
        this.ctx.answerDrafts.delete(draftKey(session.id, current.question.id));
      }
      const pending = this.ctx.pendingAnswerText;
      if (pending) {
        this.text = appendParagraph(this.text, pending);
        this.ctx.pendingAnswerText = null;
      }
    } catch (error) {
      const failure = this.ctx.fail(error, 'session.get');
      if (failure) this.state = { status: 'error', failure };
    }
    this.markSettled();
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.warnings = null;
    this.editorError = null;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.submit();
    }
  }

  private async focusSelector(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async submit(): Promise<void> {
    if (this.busy || this.state.status !== 'ready' || !this.state.data.question) return;
    const { session, question } = this.state.data;
    const text = this.text.trim();
    if (!text) {
      this.editorError = this.t('question.empty');
      return this.focusSelector('#answer');
    }
    if (text.length > MAX_ANSWER_CHARS) {
      this.editorError = this.t('question.tooLong', { max: MAX_ANSWER_CHARS });
      return this.focusSelector('#answer');
    }
    this.busy = true;
    this.failure = null;
    try {
      if (this.warnings === null) {
        const check = await this.ctx.api.checkAnswer(text);
        if (check.warnings.length > 0) {
          this.warnings = check.warnings;
          this.busy = false;
          return this.focusSelector('#warning');
        }
      }
      const result = await this.ctx.api.submitAnswer({ sessionId: session.id, questionId: question.id, text });
      const answer = result.answer;
      this.ctx.emit('is-answer-submit', {
        sessionId: session.id,
        questionId: question.id,
        answerId: answer.id,
        attempt: answer.attempt,
        wordCount: answer.wordCount,
        late: answer.late,
        warningCount: result.warnings.length,
      });
      this.text = '';
      this.warnings = null;
      this.ctx.answerDrafts.delete(draftKey(session.id, question.id));
      if (session.mode === 'practice') {
        this.ctx.navigate({ name: 'feedback', sessionId: session.id, answerId: answer.id });
        return;
      }
      // A mock interview moves straight on; feedback comes with the summary.
      const isLast = this.state.data.index >= session.questions.length - 1;
      if (isLast) {
        this.busy = false;
        await this.finish();
        return;
      }
      this.ctx.announce(this.t('question.savedNext'));
      await this.load(undefined);
      this.focusHeading();
    } catch (error) {
      const code = errorCodeOf(error);
      this.failure = this.ctx.fail(error, 'answer.submit');
      if (code === 'CONFLICT' && session.mode === 'mock') await this.load(undefined);
    } finally {
      this.busy = false;
    }
  }

  private async finish(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = null;
    try {
      await this.ctx.completeSession(this.sessionId);
    } catch (error) {
      this.failure = this.ctx.fail(error, 'session.complete');
    } finally {
      this.busy = false;
    }
  }

  private async toggleStories(): Promise<void> {
    if (this.stories) {
      this.stories = null;
      return;
    }
    this.stories = { status: 'loading' };
    try {
      this.stories = { status: 'ready', data: await this.ctx.api.listStar() };
    } catch (error) {
      const failure = this.ctx.fail(error, 'star.list');
      this.stories = failure ? { status: 'error', failure } : null;
    }
  }

  private async insertStory(id: string): Promise<void> {
    try {
      const { text } = await this.ctx.api.starToAnswer(id);
      this.text = appendParagraph(this.text, text);
      this.warnings = null;
      this.stories = null;
      this.ctx.announce(this.t('question.storyInserted'));
      await this.focusSelector('#answer');
    } catch (error) {
      const failure = this.ctx.fail(error, 'star.toAnswer');
      if (failure) this.stories = { status: 'error', failure };
    }
  }

  private picker(): TemplateResult | typeof nothing {
    const s = this.stories;
    if (!s) return nothing;
    return html`<div class="card picker" part="star-picker card" id="star-picker">
      ${s.status === 'loading'
        ? loadingBlock(this.i18n)
        : s.status === 'error'
          ? errorBlock(this.i18n, s.failure)
          : s.data.length === 0
            ? html`<p class="muted">${this.t('question.noStories')}</p>`
            : html`<ul>
                ${s.data.map(
                  (d) => html`<li>
                    <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => void this.insertStory(d.id)}>
                      ${this.t('question.insertStory', { title: d.title || this.t('star.untitled') })}
                    </button>
                  </li>`,
                )}
              </ul>`}
    </div>`;
  }

  private warningPanel(): TemplateResult | typeof nothing {
    if (!this.warnings || this.warnings.length === 0) return nothing;
    return html`<div class="notice warning" part="warning notice" id="warning" tabindex="-1" role="alert">
      <p><strong>${this.t('question.warningTitle')}</strong></p>
      <ul>
        ${this.warnings.map((w) => html`<li>${describeWarning(this.i18n, w)}</li>`)}
      </ul>
      <p>${this.t('question.warningAdvice')}</p>
      <div class="row">
        <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => void this.focusSelector('#answer')}>
          ${this.t('question.editAnswer')}
        </button>
        <button type="button" class="btn btn-primary" part="button button-primary" @click=${() => void this.submit()} ?disabled=${this.busy}>
          ${this.t('question.submitAnyway')}
        </button>
      </div>
    </div>`;
  }

  private allAnswered(data: Current): TemplateResult {
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('question.allAnsweredTitle')}</h2>
      <p>${this.t('question.allAnsweredBody')}</p>
      ${this.failure ? errorBlock(this.i18n, this.failure) : nothing}
      <div class="row">
        <button type="button" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} @click=${() => void this.finish()}>
          ${data.session.mode === 'mock' ? this.t('question.finishMock') : this.t('question.finish')}
        </button>
      </div>`;
  }

  private editor(data: Current, question: SessionQuestion): TemplateResult {
    const { session, index } = data;
    const total = session.questions.length;
    const words = countWords(this.text);
    const tooLong = this.text.trim().length > MAX_ANSWER_CHARS;
    const deadline = session.mode === 'mock' ? (session.mock?.currentDeadline ?? null) : null;
    const describedBy = ['q-text', 'answer-meta', this.editorError ? 'answer-error' : ''].filter(Boolean).join(' ');
    return html`<div class="top">
        <h2 tabindex="-1" data-view-heading part="heading">${this.t('question.ofTotal', { n: index + 1, total })}</h2>
        ${deadline
          ? html`<is-mock-timer exportparts=${EXPORT_PARTS} .deadline=${deadline} .skewMs=${this.ctx.clockSkewMs} .i18n=${this.i18n}
              @is-timer-alert=${(e: CustomEvent<{ kind: 'low' | 'over' }>) =>
                this.ctx.announce(this.t(e.detail.kind === 'low' ? 'timer.lowAnnouncement' : 'timer.overAnnouncement'))}></is-mock-timer>`
          : nothing}
      </div>
      <div class="progress" part="progress">
        <span class="bar" aria-hidden="true"><span ${setStyle({ width: `${((index + 1) / total) * 100}%` })}></span></span>
      </div>
      <p class="row">
        <span class="tag" part="tag">${this.i18n.competency(question.competency)}</span>
        ${session.mode === 'mock' ? html`<span class="tag" part="tag">${this.t('mode.mock')}</span>` : nothing}
        ${data.previousAttempts > 0 ? html`<span class="muted small">${this.t('question.attempt', { n: data.previousAttempts + 1 })}</span>` : nothing}
      </p>
      <p class="question" part="question" id="q-text">${question.text}</p>
      ${question.guidance
        ? html`<details part="guidance">
            <summary>${this.t('question.guidance')}</summary>
            <p>${question.guidance}</p>
          </details>`
        : nothing}
      <label for="answer" part="label">${this.t('question.yourAnswer')}</label>
      <textarea id="answer" part="editor textarea" rows="10" spellcheck="true" aria-describedby=${describedBy}
        aria-invalid=${this.editorError || tooLong ? 'true' : 'false'} .value=${this.text} @input=${this.onInput} @keydown=${this.onKeydown}></textarea>
      ${this.editorError ? html`<p class="field-error" id="answer-error" part="field-error" role="alert">${this.editorError}</p>` : nothing}
      <div class="meta" id="answer-meta" part="word-count">
        <span>${this.i18n.plural('question.words', words)} · ${this.t('question.speakingTime', { time: this.i18n.duration(speakingTimeSeconds(words)) })}</span>
        <span class=${tooLong ? 'over' : ''}>${this.t('question.chars', { n: this.text.trim().length, max: MAX_ANSWER_CHARS })}</span>
      </div>
      <p class="muted small" part="hint">${this.t('notice.textOnly')} ${this.t('question.confidentialHint')}</p>
      ${this.warningPanel()}
      ${this.failure ? errorBlock(this.i18n, this.failure) : nothing}
      <div class="row spread">
        <div class="row">
          <button type="button" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
            @click=${() => void this.submit()}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('question.submitting')}` : this.t('question.submit')}
          </button>
          <button type="button" class="btn btn-secondary" part="button button-secondary" aria-expanded=${this.stories ? 'true' : 'false'}
            aria-controls="star-picker" @click=${() => void this.toggleStories()}>
            ${this.t('question.useStory')}
          </button>
        </div>
        <span class="muted small">${this.t('question.shortcut')}</span>
      </div>
      ${this.picker()}`;
  }

  override render(): TemplateResult {
    const s = this.state;
    if (s.status === 'loading') {
      return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('question.loadingTitle')}</h2>${loadingBlock(this.i18n)}`;
    }
    if (s.status === 'error') {
      return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('question.loadingTitle')}</h2>
        ${errorBlock(this.i18n, s.failure, () => void this.load())}`;
    }
    const question = s.data.question;
    return question ? this.editor(s.data, question) : this.allAnswered(s.data);
  }
}
