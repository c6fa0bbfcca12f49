import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { SessionView } from '../../core/api.js';
import type { Load } from '../../core/context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { summaryStyles } from './summary.styles.js';

/** The mean of the scored answers, rounded; null when none is scored. */
export function averageScore(session: SessionView): number | null {
  const scores = session.answers.map((a) => a.overallScore).filter((s): s is number => s !== null);
  return scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
}

/**
 * @summary The end of a session: a mock interview's overall score and written summary (with
 * late answers counted), or a practice session's average; each question with its score and a
 * link to its feedback.
 *
 * @csspart summary - The result card.
 * @csspart disclaimer - The note that scores are automated and have no standing with employers.
 */
export class SummaryView extends StudioView {
  static override styles = [sharedStyles, summaryStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    sessionId: {},
    state: { state: true },
  };
  protected readonly viewName = 'summary' as const;
  declare sessionId: string;
  declare state: Load<SessionView>;

  constructor() {
    super();
    this.sessionId = '';
    this.state = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private load(): Promise<void> {
    return this.loadState('session.get', () => this.ctx.api.getSession(this.sessionId), (state) => (this.state = state));
  }

  private result(session: SessionView): TemplateResult {
    const summary = session.summary;
    if (session.mode === 'mock' && summary) {
      return html`<section class="card" part="summary card" aria-labelledby="result-title">
        <h3 id="result-title">${this.t('summary.mockScore')}</h3>
        <div class="result">
          <p class="big" part="score">${summary.overallScore}<span class="sr-only"> / 100</span></p>
          <p class="muted">${this.t('summary.answered', { answered: summary.answeredCount, total: session.questions.length })}
            ${summary.lateCount ? html`<br />${this.i18n.plural('summary.late', summary.lateCount)}` : nothing}</p>
        </div>
        <p>${summary.summary}</p>
      </section>`;
    }
    const average = averageScore(session);
    return html`<section class="card" part="summary card" aria-labelledby="result-title">
      <h3 id="result-title">${this.t('summary.average')}</h3>
      ${average === null
        ? html`<p class="muted">${this.t('summary.noScores')}</p>`
        : html`<p class="big" part="score">${average}<span class="sr-only"> / 100</span></p>`}
    </section>`;
  }

  override render(): TemplateResult {
    const s = this.state;
    const completed = s.status === 'ready' && s.data.status === 'completed';
    const heading = html`<h2 tabindex="-1" data-view-heading part="heading">
      ${completed ? this.t('summary.title') : this.t('summary.progressTitle')}
    </h2>`;
    if (s.status === 'loading') return html`${heading}${loadingBlock(this.i18n)}`;
    if (s.status === 'error') return html`${heading}${errorBlock(this.i18n, s.failure, () => void this.load())}`;
    const session = s.data;
    const byQuestion = new Map(session.answers.map((a) => [a.questionId, a]));
    return html`${heading}
      <p class="muted">${session.role} · ${this.t(`mode.${session.mode}`)} · ${this.i18n.date(session.createdAt)}</p>
      ${this.result(session)}
      <h3 class="questions">${this.t('summary.questions')}</h3>
      <ol>
        ${session.questions.map((q, i) => {
          const a = byQuestion.get(q.id);
          return html`<li class="item">
            <p><span class="muted">${i + 1}.</span> ${q.text}</p>
            ${a
              ? html`<span class="tag" part="tag">${a.overallScore !== null ? `${a.overallScore} / 100` : this.t('summary.pending')}</span>
                  <button type="button" class="btn btn-secondary" part="button button-secondary"
                    @click=${() => this.ctx.navigate({ name: 'feedback', sessionId: session.id, answerId: a.answerId })}>${this.t('summary.seeFeedback')}</button>`
              : html`<span class="muted small">${this.t('summary.notAnswered')}</span>`}
          </li>`;
        })}
      </ol>
      <div class="row actions">
        ${session.status === 'active'
          ? html`<button type="button" class="btn btn-primary" part="button button-primary"
              @click=${() => this.ctx.navigate({ name: 'question', sessionId: session.id })}>${this.t('home.continue')}</button>`
          : html`<button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.ctx.navigate({ name: 'setup' })}>
              ${this.t('summary.again')}
            </button>`}
        <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => this.ctx.navigate({ name: 'history' })}>
          ${this.t('home.seeProgress')}
        </button>
      </div>
      <p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>`;
  }
}
