import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AnswerView, SessionView } from '../../core/api.js';
import type { Load } from '../../core/context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { emptyBlock, errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { compareStyles } from './compare.styles.js';

interface CompareData {
  session: SessionView;
  /** Oldest first. */
  attempts: AnswerView[];
}

/**
 * @summary Attempts at one question side by side: overall and per-criterion scores with the
 * change from the previous attempt, and each attempt's text.
 *
 * @csspart compare-table - The score table.
 * @csspart disclaimer - The note that scores are automated and have no standing with employers.
 */
export class CompareView extends StudioView {
  static override styles = [sharedStyles, compareStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    sessionId: {},
    questionId: {},
    state: { state: true },
  };
  protected readonly viewName = 'compare' as const;
  declare sessionId: string;
  declare questionId: string;
  declare state: Load<CompareData>;

  constructor() {
    super();
    this.sessionId = '';
    this.questionId = '';
    this.state = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private load(): Promise<void> {
    return this.loadState(
      'answer.listForQuestion',
      async () => {
        const [session, attempts] = await Promise.all([
          this.ctx.api.getSession(this.sessionId),
          this.ctx.api.listAttempts(this.sessionId, this.questionId),
        ]);
        return { session, attempts: [...attempts].sort((a, b) => a.attempt - b.attempt) };
      },
      (state) => (this.state = state),
    );
  }

  private delta(now: number | undefined, before: number | undefined): TemplateResult | typeof nothing {
    if (now === undefined || before === undefined || now === before) return nothing;
    const up = now > before;
    return html` <span class=${up ? 'up' : 'down'}>${up ? '▲' : '▼'}<span class="sr-only">${this.t(up ? 'compare.up' : 'compare.down')}</span>
      ${Math.abs(now - before)}</span>`;
  }

  private table(attempts: AnswerView[]): TemplateResult {
    const criteria = [...new Set(attempts.flatMap((a) => a.feedback?.criteria.map((c) => c.criterion) ?? []))];
    const score = (a: AnswerView | undefined, criterion: string) => a?.feedback?.criteria.find((c) => c.criterion === criterion)?.score;
    return html`<div class="table-wrap">
      <table part="compare-table">
        <caption class="sr-only">${this.t('compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('compare.criterion')}</th>
            ${attempts.map((a) => html`<th scope="col">${this.t('question.attempt', { n: a.attempt })}</th>`)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">${this.t('compare.overall')}</th>
            ${attempts.map(
              (a, i) => html`<td>${a.feedback ? a.feedback.overallScore : '—'}${this.delta(a.feedback?.overallScore, attempts[i - 1]?.feedback?.overallScore)}</td>`,
            )}
          </tr>
          ${criteria.map(
            (c) => html`<tr>
              <th scope="row">${this.i18n.criterion(c)}</th>
              ${attempts.map((a, i) => html`<td>${score(a, c) ?? '—'}${this.delta(score(a, c), score(attempts[i - 1], c))}</td>`)}
            </tr>`,
          )}
          <tr>
            <th scope="row">${this.t('compare.words')}</th>
            ${attempts.map((a) => html`<td>${a.wordCount}</td>`)}
          </tr>
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const heading = html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('compare.title')}</h2>`;
    const s = this.state;
    if (s.status === 'loading') return html`${heading}${loadingBlock(this.i18n)}`;
    if (s.status === 'error') return html`${heading}${errorBlock(this.i18n, s.failure, () => void this.load())}`;
    const { session, attempts } = s.data;
    const question = session.questions.find((q) => q.id === this.questionId);
    const back = html`<div class="row">
      <button type="button" class="btn btn-primary" part="button button-primary"
        @click=${() => this.ctx.navigate({ name: 'question', sessionId: session.id, questionId: this.questionId })}
        ?hidden=${session.status !== 'active' || session.mode !== 'practice'}>${this.t('feedback.retry')}</button>
      ${attempts.length
        ? html`<button type="button" class="btn btn-secondary" part="button button-secondary"
            @click=${() => this.ctx.navigate({ name: 'feedback', sessionId: session.id, answerId: attempts[attempts.length - 1]!.id })}>
            ${this.t('compare.latestFeedback')}
          </button>`
        : nothing}
    </div>`;
    if (attempts.length === 0) return html`${heading}${emptyBlock(this.t('compare.emptyTitle'), this.t('compare.emptyBody'))}${back}`;
    return html`${heading}
      <p><strong>${question?.text ?? ''}</strong></p>
      ${this.table(attempts)}
      <div class="attempts">
        ${attempts.map(
          (a) => html`<details class="card">
            <summary>${this.t('question.attempt', { n: a.attempt })} · ${this.i18n.date(a.createdAt)}</summary>
            <p class="answer">${a.text}</p>
          </details>`,
        )}
      </div>
      <p></p>
      ${back}
      <p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>`;
  }
}
