import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AnswerView, CriterionScore, Feedback, FeedbackPart, SessionView, Unsubscribe } from '../../core/api.js';
import type { Failure, Load } from '../../core/context.js';
import { highlightSegments, type Quote } from '../../core/highlight.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { feedbackStyles } from './feedback.styles.js';

/** Feedback as far as it has arrived. */
export interface PartialFeedback {
  criteria: CriterionScore[];
  overallScore: number | null;
  strengths: string[] | null;
  improvements: string[] | null;
  outline: string[] | null;
  notice: string | null;
  source: string | null;
}

type Section = 'criteria' | 'overall' | 'strengths' | 'improvements' | 'outline';

export const EMPTY_FEEDBACK: PartialFeedback = {
  criteria: [],
  overallScore: null,
  strengths: null,
  improvements: null,
  outline: null,
  notice: null,
  source: null,
};

/** Adds one streamed part (a criterion replaces an earlier one with the same name). */
export function applyPart(current: PartialFeedback, part: FeedbackPart): PartialFeedback {
  switch (part.kind) {
    case 'criterion':
      return { ...current, criteria: [...current.criteria.filter((c) => c.criterion !== part.criterion.criterion), part.criterion] };
    case 'overall':
      return { ...current, overallScore: part.overallScore };
    case 'strengths':
    case 'improvements':
    case 'outline':
      return { ...current, [part.kind]: part.items };
    case 'notice':
      return { ...current, notice: part.message };
  }
}

export function fromFeedback(f: Feedback): PartialFeedback {
  return {
    criteria: f.criteria,
    overallScore: f.overallScore,
    strengths: f.strengths,
    improvements: f.improvements,
    outline: f.outline,
    notice: f.notice,
    source: f.source,
  };
}

interface Base {
  session: SessionView;
  answer: AnswerView;
}

/**
 * @summary Feedback on one answer, streaming in as the coach writes it: the overall score,
 * each criterion with its score, reason and evidence (highlighted in the answer), strengths,
 * improvements and a suggested outline. From here the learner retries the question, compares
 * attempts, or moves on. Each section is announced once through the polite live region.
 *
 * @csspart feedback - The feedback region.
 * @csspart score - The overall score.
 * @csspart streaming - The "writing feedback" indicator.
 * @csspart criterion - One criterion.
 * @csspart criterion-score - A criterion's score.
 * @csspart answer-text - The answer, with evidence highlighted.
 * @csspart evidence - A highlighted quote in the answer.
 * @csspart strengths - The strengths list.
 * @csspart improvements - The improvements list.
 * @csspart outline - The suggested outline.
 * @csspart disclaimer - The note, closing the feedback region, that the scores and feedback are automated and have no standing with employers.
 */
export class FeedbackView extends StudioView {
  static override styles = [sharedStyles, feedbackStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    sessionId: {},
    answerId: {},
    base: { state: true },
    feedback: { state: true },
    stream: { state: true },
    streamFailure: { state: true },
    activeCriterion: { state: true },
    busy: { state: true },
    actionFailure: { state: true },
  };
  protected readonly viewName = 'feedback' as const;
  declare sessionId: string;
  declare answerId: string;
  declare base: Load<Base>;
  declare feedback: PartialFeedback;
  declare stream: 'idle' | 'streaming' | 'done' | 'failed';
  declare streamFailure: Failure | null;
  declare activeCriterion: string | null;
  declare busy: boolean;
  declare actionFailure: Failure | null;

  private unsubscribe: Unsubscribe | null = null;
  private announced = new Set<Section>();

  constructor() {
    super();
    this.sessionId = '';
    this.answerId = '';
    this.base = { status: 'loading' };
    this.feedback = EMPTY_FEEDBACK;
    this.stream = 'idle';
    this.streamFailure = null;
    this.activeCriterion = null;
    this.busy = false;
    this.actionFailure = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async load(): Promise<void> {
    this.base = { status: 'loading' };
    try {
      const [session, answer] = await Promise.all([this.ctx.api.getSession(this.sessionId), this.ctx.api.getAnswer(this.answerId)]);
      this.base = { status: 'ready', data: { session, answer } };
      if (answer.feedbackStatus === 'ready' && answer.feedback) {
        this.feedback = fromFeedback(answer.feedback);
        this.stream = 'done';
        this.ctx.announce(this.t('feedback.readyAnnouncement', { score: answer.feedback.overallScore }));
      } else {
        this.follow();
      }
    } catch (error) {
      const failure = this.ctx.fail(error, 'answer.get');
      if (failure) this.base = { status: 'error', failure };
    }
    this.markSettled();
  }

  private follow(): void {
    this.unsubscribe?.();
    this.feedback = EMPTY_FEEDBACK;
    this.stream = 'streaming';
    this.streamFailure = null;
    this.announced.clear();
    this.unsubscribe = this.ctx.api.streamFeedback(this.answerId, {
      onEvent: (event) => {
        if (event.type === 'part') {
          const before = this.feedback;
          this.feedback = applyPart(before, event.part);
          this.announceSections(event.part.kind === 'criterion' ? null : event.part.kind);
        } else {
          this.feedback = fromFeedback(event.feedback);
          this.stream = 'done';
          this.announceSections('done');
          this.finished(event.feedback);
        }
      },
      onError: (error) => {
        this.stream = 'failed';
        this.streamFailure = this.ctx.fail(error, 'answer.feedback');
      },
    });
  }

  /** Announces each section once, when it is complete (criteria: when the next section starts). */
  private announceSections(arrived: FeedbackPart['kind'] | 'done' | null): void {
    const f = this.feedback;
    const say = (section: Section, message: string) => {
      if (this.announced.has(section)) return;
      this.announced.add(section);
      this.ctx.announce(message);
    };
    if (arrived !== null && f.criteria.length > 0) say('criteria', this.i18n.plural('feedback.criteriaAnnouncement', f.criteria.length));
    if (f.overallScore !== null) say('overall', this.t('feedback.overallAnnouncement', { score: f.overallScore }));
    if (f.strengths) say('strengths', this.i18n.plural('feedback.strengthsAnnouncement', f.strengths.length));
    if (f.improvements) say('improvements', this.i18n.plural('feedback.improvementsAnnouncement', f.improvements.length));
    if (f.outline) say('outline', this.t('feedback.outlineAnnouncement'));
  }

  private finished(feedback: Feedback): void {
    if (this.base.status !== 'ready') return;
    const { answer } = this.base.data;
    this.ctx.emit('is-feedback', {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      answerId: answer.id,
      attempt: answer.attempt,
      overallScore: feedback.overallScore,
      source: feedback.source,
    });
  }

  private nextUnanswered(data: Base): string | null {
    const answered = new Set(data.session.answers.map((a) => a.questionId));
    answered.add(data.answer.questionId);
    return data.session.questions.find((q) => !answered.has(q.id))?.id ?? null;
  }

  private async finish(): Promise<void> {
    this.busy = true;
    this.actionFailure = null;
    try {
      await this.ctx.completeSession(this.sessionId);
    } catch (error) {
      this.actionFailure = this.ctx.fail(error, 'session.complete');
    } finally {
      this.busy = false;
    }
  }

  private criterionItem(c: CriterionScore): TemplateResult {
    const active = this.activeCriterion === c.criterion;
    const name = this.i18n.criterion(c.criterion);
    return html`<li class="criterion" part="criterion">
      <div class="criterion-head">
        <strong>${name}</strong>
        <span part="criterion-score" class="row" role="img" aria-label=${this.t('feedback.criterionScore', { score: c.score, max: 5 })}>
          <span class="dots" aria-hidden="true">${[1, 2, 3, 4, 5].map((i) => html`<span class="dot ${i <= c.score ? 'on' : ''}"></span>`)}</span>
          <span aria-hidden="true">${c.score}/5</span>
        </span>
      </div>
      <p>${c.reason}</p>
      ${c.evidence.length
        ? html`${c.evidence.map((e) => html`<blockquote>${e}</blockquote>`)}
            <button type="button" class="btn btn-quiet small" part="button" aria-pressed=${active ? 'true' : 'false'}
              @click=${() => (this.activeCriterion = active ? null : c.criterion)}>
              ${this.t('feedback.showEvidence', { criterion: name })}
            </button>`
        : nothing}
    </li>`;
  }

  private answerText(answer: AnswerView): TemplateResult {
    const quotes: Quote[] = this.feedback.criteria.flatMap((c) => c.evidence.map((text) => ({ criterion: c.criterion, text })));
    const segments = highlightSegments(answer.text, quotes);
    return html`<div class="answer" part="answer-text">${segments.map((s) =>
      s.criteria
        ? html`<mark part="evidence" class=${this.activeCriterion && s.criteria.includes(this.activeCriterion) ? 'active' : ''}
            title=${s.criteria.map((c) => this.i18n.criterion(c)).join(', ')}>${s.text}</mark>`
        : s.text,
    )}</div>`;
  }

  private list(part: 'strengths' | 'improvements' | 'outline', title: string, items: string[] | null): TemplateResult | typeof nothing {
    if (!items) return nothing;
    const body = items.length ? items.map((i) => html`<li>${i}</li>`) : html`<li class="muted">${this.t('feedback.none')}</li>`;
    return html`<section class="card" part="${part} card">
      <h3>${title}</h3>
      ${part === 'outline' ? html`<ol>${body}</ol>` : html`<ul>${body}</ul>`}
    </section>`;
  }

  private actions(data: Base): TemplateResult {
    const { session, answer } = data;
    const next = this.nextUnanswered(data);
    const practice = session.mode === 'practice' && session.status === 'active';
    return html`<div class="row actions">
      ${practice && next
        ? html`<button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.ctx.navigate({ name: 'question', sessionId: session.id })}>
            ${this.t('feedback.next')}
          </button>`
        : nothing}
      ${practice && !next
        ? html`<button type="button" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} @click=${() => void this.finish()}>
            ${this.t('feedback.finish')}
          </button>`
        : nothing}
      ${practice
        ? html`<button type="button" class="btn btn-secondary" part="button button-secondary"
            @click=${() => this.ctx.navigate({ name: 'question', sessionId: session.id, questionId: answer.questionId })}>${this.t('feedback.retry')}</button>`
        : nothing}
      ${answer.attempt > 1
        ? html`<button type="button" class="btn btn-secondary" part="button button-secondary"
            @click=${() => this.ctx.navigate({ name: 'compare', sessionId: session.id, questionId: answer.questionId })}>${this.t('feedback.compare')}</button>`
        : nothing}
      ${session.status === 'completed'
        ? html`<button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => this.ctx.navigate({ name: 'summary', sessionId: session.id })}>
            ${this.t('feedback.backToSummary')}
          </button>`
        : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const heading = html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('feedback.title')}</h2>`;
    const b = this.base;
    if (b.status === 'loading') return html`${heading}${loadingBlock(this.i18n)}`;
    if (b.status === 'error') return html`${heading}${errorBlock(this.i18n, b.failure, () => void this.load())}`;
    const { session, answer } = b.data;
    const question = session.questions.find((q) => q.id === answer.questionId);
    const index = session.questions.findIndex((q) => q.id === answer.questionId);
    const f = this.feedback;
    return html`${heading}
      <p class="muted">${this.t('question.ofTotal', { n: index + 1, total: session.questions.length })}
        ${answer.attempt > 1 ? html` · ${this.t('question.attempt', { n: answer.attempt })}` : nothing}
        ${answer.late ? html` · <span class="tag" part="tag">${this.t('feedback.late')}</span>` : nothing}</p>
      <p><strong>${question?.text ?? ''}</strong></p>
      <section part="feedback" aria-busy=${this.stream === 'streaming' ? 'true' : 'false'}>
        <div class="head">
          ${f.overallScore !== null
            ? html`<p class="score" part="score"><span class="value">${f.overallScore}</span><span>/ 100</span>
                <span class="sr-only">${this.t('feedback.overallLabel')}</span></p>`
            : html`<span></span>`}
          ${this.stream === 'streaming'
            ? html`<p class="streaming" part="streaming"><span class="spinner" aria-hidden="true"></span>${this.t('feedback.streaming')}</p>`
            : nothing}
        </div>
        ${this.stream === 'failed' && this.streamFailure ? errorBlock(this.i18n, this.streamFailure, () => this.follow()) : nothing}
        <div class="layout">
          <section class="card" aria-labelledby="criteria-title">
            <h3 id="criteria-title">${this.t('feedback.criteria')}</h3>
            ${f.criteria.length
              ? html`<ul class="criteria">${f.criteria.map((c) => this.criterionItem(c))}</ul>`
              : html`<p class="muted">${this.t('feedback.waiting')}</p>`}
          </section>
          <section class="card" aria-labelledby="answer-title">
            <h3 id="answer-title">${this.t('feedback.yourAnswer')}</h3>
            ${this.answerText(answer)}
          </section>
        </div>
        <div class="lists">
          ${this.list('strengths', this.t('feedback.strengths'), f.strengths)} ${this.list('improvements', this.t('feedback.improvements'), f.improvements)}
          ${this.list('outline', this.t('feedback.outline'), f.outline)}
        </div>
        ${f.notice ? html`<p class="notice" part="notice">${f.notice}</p>` : nothing}
        <p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>
      </section>
      ${this.actionFailure ? errorBlock(this.i18n, this.actionFailure) : nothing}
      ${this.stream === 'done' ? this.actions(b.data) : nothing}`;
  }
}
