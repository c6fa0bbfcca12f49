import { html, nothing, svg, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Entitlement, Readiness, SessionListItem } from '../../core/api.js';
import type { Load } from '../../core/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { setStyle } from '../set-style.js';
import { errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { homeStyles } from './home.styles.js';

interface HomeData {
  readiness: Readiness;
  entitlement: Entitlement;
  active: SessionListItem | null;
}

const RING = 2 * Math.PI * 52;

/**
 * @summary The home view: the learner's readiness score and its parts, the next thing to
 * practise, a way back into an unfinished session, and how much free practice is left.
 *
 * @csspart readiness - The readiness card.
 * @csspart readiness-score - The score.
 * @csspart readiness-parts - Performance, coverage and consistency.
 * @csspart next-practice - The "next to practise" card.
 * @csspart continue - The "continue where you left off" card.
 * @csspart entitlement - What is left of the free tier, or the active pass and when it ends.
 * @csspart disclaimer - The note that scores are automated and have no standing with employers.
 */
export class HomeView extends StudioView {
  static override styles = [sharedStyles, homeStyles];
  static override readonly labelsAiOutput = true;
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    state: { state: true },
  };
  protected readonly viewName = 'home' as const;
  declare state: Load<HomeData>;

  constructor() {
    super();
    this.state = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private load(): Promise<void> {
    return this.loadState(
      'home.load',
      async () => {
        const { api } = this.ctx;
        const [readiness, entitlement, sessions] = await Promise.all([api.readiness(), api.entitlement(), api.listSessions({ limit: 5 })]);
        const active = sessions.items.find((s) => s.status === 'active' && s.answeredCount < s.questionCount) ?? null;
        return { readiness, entitlement, active };
      },
      (state) => (this.state = state),
    );
  }

  private ring(score: number): TemplateResult {
    const filled = (Math.max(0, Math.min(100, score)) / 100) * RING;
    return html`<svg class="ring" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
      ${svg`<circle class="track" cx="60" cy="60" r="52" fill="none" stroke-width="10"></circle>
        <circle class="value" cx="60" cy="60" r="52" fill="none" stroke-width="10" stroke-linecap="round"
          stroke-dasharray="${filled.toFixed(1)} ${RING.toFixed(1)}" transform="rotate(-90 60 60)"></circle>
        <text class="number" x="60" y="64" text-anchor="middle">${score}</text>
        <text class="of" x="60" y="82" text-anchor="middle">/ 100</text>`}
    </svg>`;
  }

  private partRow(label: string, value: number): TemplateResult {
    return html`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
      <span class="bar" aria-hidden="true"><span ${setStyle({ width: `${Math.max(0, Math.min(100, value))}%` })}></span></span>
    </div>`;
  }

  private readinessCard(r: Readiness): TemplateResult {
    if (r.score === 0 && r.competencies.length === 0) {
      return html`<section class="card" part="readiness card empty" aria-labelledby="readiness-title">
        <h3 id="readiness-title">${this.t('home.readinessTitle')}</h3>
        <p>${this.t('home.emptyTitle')}</p>
        <p class="muted">${this.t('home.emptyBody')}</p>
      </section>`;
    }
    return html`<section class="card" part="readiness card" aria-labelledby="readiness-title">
      <h3 id="readiness-title">${this.t('home.readinessTitle')}</h3>
      <div class="readiness">
        ${this.ring(r.score)}
        <p class="sr-only" part="readiness-score">${this.t('home.scoreOutOf', { score: r.score })}</p>
        <dl part="readiness-parts">
          ${this.partRow(this.t('home.performance'), r.parts.performance)} ${this.partRow(this.t('home.coverage'), r.parts.coverage)}
          ${this.partRow(this.t('home.consistency'), r.parts.consistency)}
        </dl>
      </div>
    </section>`;
  }

  private nextCard(r: Readiness): TemplateResult | typeof nothing {
    if (!r.next) return nothing;
    const competency = this.i18n.competency(r.next.competency);
    const reason =
      r.next.reason === 'not-practised' ? 'home.reasonNotPractised' : r.next.reason === 'weakest' ? 'home.reasonWeakest' : 'home.reasonLeastRecent';
    return html`<section class="card" part="next-practice card" aria-labelledby="next-title">
      <h3 id="next-title">${this.t('home.nextTitle')}</h3>
      <p><span class="tag" part="tag">${competency}</span></p>
      <p class="muted">${this.t(reason, { competency })}</p>
      <button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.ctx.navigate({ name: 'setup' })}>
        ${this.t('home.practiseThis')}
      </button>
    </section>`;
  }

  private continueCard(active: SessionListItem | null): TemplateResult | typeof nothing {
    if (!active) return nothing;
    return html`<section class="card" part="continue card" aria-labelledby="continue-title">
      <h3 id="continue-title">${this.t('home.continueTitle')}</h3>
      <p>${active.role}${active.mode === 'mock' ? html` · <span class="tag" part="tag">${this.t('mode.mock')}</span>` : nothing}</p>
      <p class="muted">${this.t('home.answeredOf', { answered: active.answeredCount, total: active.questionCount })}</p>
      <button type="button" class="btn btn-primary" part="button button-primary" @click=${() => this.ctx.navigate({ name: 'question', sessionId: active.id })}>
        ${this.t('home.continue')}
      </button>
    </section>`;
  }

  private entitlementLine(e: Entitlement): TemplateResult {
    let text: string;
    const pass = e.kind === 'pass' ? e.pass : null;
    if (e.kind === 'sponsored') text = this.t('home.sponsored', { tenant: this.ctx.tenant.name });
    else if (pass) {
      const name = this.t(`passType.${pass.type}` as MessageKey);
      text = this.t('home.passUntil', { pass: name, date: this.i18n.date(pass.expiresAt) });
      // Another pass queued after this one: access lasts until the last of them ends.
      if (pass.coveredUntil && Date.parse(pass.coveredUntil) > Date.parse(pass.expiresAt)) {
        text += ` ${this.t('home.passQueued', { date: this.i18n.date(pass.coveredUntil) })}`;
      }
      if (pass.source !== 'purchase') text += ` ${this.t('home.passProvided', { tenant: this.ctx.tenant.name })}`;
    } else
      text = this.t('home.freeLeft', {
        sets: e.remaining.questionSets ?? 0,
        feedback: e.remaining.feedback ?? 0,
      });
    const offer = e.kind === 'free' && this.ctx.tenant.billingMode === 'learner-pays';
    return html`<div class="row entitlement">
      <p class="muted small" part="entitlement">${text}</p>
      ${offer
        ? html`<button type="button" class="btn btn-quiet small" part="button"
            @click=${() => this.ctx.navigate({ name: 'pass', action: null, period: null, resume: { name: 'home' } })}>${this.t('home.seePasses')}</button>`
        : nothing}
    </div>`;
  }

  private hasScores(r: Readiness): boolean {
    return r.score > 0 || r.competencies.length > 0;
  }

  override render(): TemplateResult {
    const s = this.state;
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('home.title')}</h2>
      ${s.status === 'loading'
        ? loadingBlock(this.i18n)
        : s.status === 'error'
          ? errorBlock(this.i18n, s.failure, () => void this.load())
          : html`<div class="grid">${this.readinessCard(s.data.readiness)} ${this.continueCard(s.data.active)} ${this.nextCard(s.data.readiness)}</div>
              <div class="row actions">
                <button type="button" class="btn ${s.data.active ? 'btn-secondary' : 'btn-primary'}" part="button ${s.data.active ? 'button-secondary' : 'button-primary'}"
                  @click=${() => this.ctx.navigate({ name: 'setup' })}>${this.t('home.start')}</button>
                <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => this.ctx.navigate({ name: 'star' })}>
                  ${this.t('home.buildStar')}
                </button>
                <button type="button" class="btn btn-quiet" part="button" @click=${() => this.ctx.navigate({ name: 'history' })}>${this.t('home.seeProgress')}</button>
              </div>
              ${this.entitlementLine(s.data.entitlement)}
              ${this.hasScores(s.data.readiness) ? html`<p class="disclaimer" part="disclaimer">${this.t('disclaimer.ai')}</p>` : nothing}`}`;
  }
}
