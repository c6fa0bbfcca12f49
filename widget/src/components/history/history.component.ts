import '../../i18n/views.js';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ProgressHistory } from '../../core/api.js';
import type { Load } from '../../core/context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { EXPORT_PARTS } from '../parts.js';
import { emptyBlock, errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { historyStyles } from './history.styles.js';

type HistorySession = ProgressHistory['sessions'][number];

/**
 * @summary Progress over time: the readiness trend (weekly, as an inline SVG chart) and past
 * sessions with their scores, each reopening its summary or continuing where it stopped.
 *
 * @csspart history-list - The list of sessions.
 * @csspart history-item - One session.
 * @csspart chart - The trend chart (and its `chart-*` parts).
 * @csspart disclaimer - The note that scores are automated and have no standing with employers.
 */
export class HistoryView extends StudioView {
  static override styles = [sharedStyles, historyStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    state: { state: true },
  };
  protected readonly viewName = 'history' as const;
  declare state: Load<ProgressHistory>;

  constructor() {
    super();
    this.state = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private load(): Promise<void> {
    return this.loadState('progress.history', () => this.ctx.api.history(), (state) => (this.state = state));
  }

  private trendSentence(points: ProgressHistory['points']): string {
    const first = points.find((p) => p.score > 0) ?? points[0];
    const last = points[points.length - 1];
    if (!first || !last) return '';
    if (last.score === first.score) return this.t('history.trendFlat', { score: last.score });
    return this.t(last.score > first.score ? 'history.trendUp' : 'history.trendDown', { from: first.score, to: last.score });
  }

  private sessionItem(s: HistorySession): TemplateResult {
    const score = s.mockScore ?? s.averageScore;
    const active = s.status === 'active';
    return html`<li class="session" part="history-item">
      <div>
        <p><strong>${s.role}</strong> · <span class="tag" part="tag">${this.t(`mode.${s.mode}`)}</span></p>
        <p class="muted small">${this.i18n.date(s.createdAt)} · ${this.t(active ? 'history.inProgress' : 'history.completed')}</p>
      </div>
      <div class="row">
        <span class="score">${score === null ? this.t('history.noScore') : this.t('history.score', { score })}</span>
        <button type="button" class="btn btn-secondary" part="button button-secondary"
          @click=${() => this.ctx.navigate(active ? { name: 'question', sessionId: s.id } : { name: 'summary', sessionId: s.id })}>
          ${this.t(active ? 'home.continue' : 'history.open')}
        </button>
      </div>
    </li>`;
  }

  override render(): TemplateResult {
    const heading = html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('history.title')}</h2>`;
    const s = this.state;
    if (s.status === 'loading') return html`${heading}${loadingBlock(this.i18n)}`;
    if (s.status === 'error') return html`${heading}${errorBlock(this.i18n, s.failure, () => void this.load())}`;
    const { points, sessions } = s.data;
    if (sessions.length === 0) {
      return html`${heading}${emptyBlock(
        this.t('history.emptyTitle'),
        this.t('history.emptyBody'),
        html`<button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.ctx.navigate({ name: 'setup' })}>
          ${this.t('home.start')}
        </button>`,
      )}`;
    }
    const hasTrend = points.some((p) => p.score > 0);
    return html`${heading}
      <section class="card" aria-labelledby="trend-title">
        <h3 id="trend-title">${this.t('history.trendTitle')}</h3>
        ${hasTrend
          ? html`<is-trend-chart exportparts=${EXPORT_PARTS} .points=${points} label=${this.t('history.chartLabel', { weeks: points.length })}
              summary=${this.trendSentence(points)} locale=${this.i18n.formatLocale}></is-trend-chart>`
          : html`<p class="muted">${this.t('history.noTrend')}</p>`}
      </section>
      <section aria-labelledby="sessions-title">
        <h3 id="sessions-title">${this.t('history.sessionsTitle')}</h3>
        <ul class="sessions" part="history-list">${sessions.map((x) => this.sessionItem(x))}</ul>
      </section>
      <p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>`;
  }
}
