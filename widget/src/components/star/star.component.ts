import '../../i18n/views.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { StarContent, StarDraft, StarSuggestions } from '../../core/api.js';
import { StarAutosave, type AutosaveState } from '../../core/autosave.js';
import type { Failure, Load } from '../../core/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { emptyBlock, errorBlock, loadingBlock } from '../states.js';
import { StudioView } from '../view-base.js';
import { starStyles } from './star.styles.js';

export const STAR_PARTS = ['situation', 'task', 'action', 'result', 'reflection'] as const;
type StarPart = (typeof STAR_PARTS)[number];

/** The competencies a story can be tagged with (the server's core list). */
export const STAR_COMPETENCIES = [
  'teamwork',
  'communication',
  'problem-solving',
  'ownership',
  'conflict',
  'leadership',
  'adaptability',
  'failure-and-learning',
  'prioritisation',
  'customer-focus',
  'ethics',
  'motivation-fit',
] as const;

export const BLANK_STORY: StarContent = { title: '', competency: null, situation: '', task: '', action: '', result: '', reflection: '' };

/**
 * @summary The STAR builder: a list of the learner's stories, and an editor for one with the
 * four STAR parts plus a reflection. Edits save automatically (with a saved / unsaved
 * indicator); a story changed in another tab is never overwritten silently. The coach suggests
 * how to tighten each part, and a story can be used in an answer.
 *
 * @csspart star-list - The list of stories.
 * @csspart star-item - One story in the list.
 * @csspart star-editor - The editor form.
 * @csspart star-part - One STAR part (label, field, suggestions).
 * @csspart save-status - The saved / unsaved indicator.
 * @csspart suggestions - The coach's suggestions for a part.
 * @csspart conflict - The "changed elsewhere" notice.
 */
export class StarView extends StudioView {
  static override styles = [sharedStyles, starStyles];
  static override properties: PropertyDeclarations = {
    ...StudioView.properties,
    draftId: {},
    list: { state: true },
    editor: { state: true },
    content: { state: true },
    save: { state: true },
    suggestions: { state: true },
    busy: { state: true },
    actionFailure: { state: true },
  };
  protected readonly viewName = 'star' as const;
  /** undefined: the list; null: a new story; otherwise the story to open. */
  declare draftId: string | null | undefined;
  declare list: Load<StarDraft[]>;
  declare editor: Load<true> | null;
  declare content: StarContent;
  declare save: AutosaveState | null;
  declare suggestions: Load<StarSuggestions> | null;
  declare busy: boolean;
  declare actionFailure: Failure | null;

  private autosave: StarAutosave | null = null;

  constructor() {
    super();
    this.draftId = undefined;
    this.list = { status: 'loading' };
    this.editor = null;
    this.content = BLANK_STORY;
    this.save = null;
    this.suggestions = null;
    this.busy = false;
    this.actionFailure = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.draftId === undefined) void this.loadList();
    else void this.open(this.draftId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the view saves what was typed; nothing waits for it.
    void this.autosave?.flush().finally(() => this.autosave?.dispose());
  }

  private async loadList(): Promise<void> {
    this.list = { status: 'loading' };
    try {
      const drafts = await this.ctx.api.listStar();
      this.list = { status: 'ready', data: [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) };
    } catch (error) {
      const failure = this.ctx.fail(error, 'star.list');
      if (failure) this.list = { status: 'error', failure };
    }
    this.markSettled();
  }

  private async open(id: string | null): Promise<void> {
    this.editor = { status: 'loading' };
    this.suggestions = null;
    try {
      const draft = id ? await this.ctx.api.getStar(id) : null;
      this.autosave?.dispose();
      this.autosave = new StarAutosave(
        {
          save: (input) => this.ctx.api.saveStar(input),
          get: (draftId) => this.ctx.api.getStar(draftId),
          onChange: (state) => {
            this.save = state;
            if (state.status === 'conflict') this.ctx.announce(this.t('star.conflictAnnouncement'));
          },
        },
        draft,
        BLANK_STORY,
      );
      this.content = this.autosave.value;
      this.save = this.autosave.current;
      this.editor = { status: 'ready', data: true };
    } catch (error) {
      const failure = this.ctx.fail(error, 'star.get');
      if (failure) this.editor = { status: 'error', failure };
    }
    this.markSettled();
  }

  private edit<K extends keyof StarContent>(key: K, value: StarContent[K]): void {
    this.content = { ...this.content, [key]: value };
    this.autosave?.edit(this.content);
  }

  private async askCoach(): Promise<void> {
    const autosave = this.autosave;
    if (!autosave) return;
    await autosave.flush();
    const id = autosave.current.id;
    if (!id) {
      this.actionFailure = { code: 'VALIDATION_FAILED', message: this.t('star.writeFirst') };
      return;
    }
    this.actionFailure = null;
    this.suggestions = { status: 'loading' };
    try {
      this.suggestions = { status: 'ready', data: await this.ctx.api.suggestStar(id) };
      this.ctx.announce(this.t('star.suggestionsReady'));
    } catch (error) {
      const failure = this.ctx.fail(error, 'star.suggest');
      this.suggestions = failure ? { status: 'error', failure } : null;
    }
  }

  private async useInAnswer(): Promise<void> {
    const autosave = this.autosave;
    if (!autosave) return;
    this.busy = true;
    this.actionFailure = null;
    try {
      await autosave.flush();
      const id = autosave.current.id;
      if (!id) {
        this.actionFailure = { code: 'VALIDATION_FAILED', message: this.t('star.writeFirst') };
        return;
      }
      const { text } = await this.ctx.api.starToAnswer(id);
      this.ctx.pendingAnswerText = text;
      const sessionId = this.ctx.activeSessionId;
      if (sessionId) this.ctx.navigate({ name: 'question', sessionId });
      else {
        this.ctx.announce(this.t('star.useAfterSetup'));
        this.ctx.navigate({ name: 'setup' });
      }
    } catch (error) {
      this.actionFailure = this.ctx.fail(error, 'star.toAnswer');
    } finally {
      this.busy = false;
    }
  }

  private async deleteStory(): Promise<void> {
    const id = this.autosave?.current.id;
    if (id) {
      if (typeof confirm === 'function' && !confirm(this.t('star.deleteConfirm'))) return;
      try {
        this.autosave?.dispose();
        this.autosave = null;
        await this.ctx.api.deleteStar(id);
        this.ctx.announce(this.t('star.deleted'));
      } catch (error) {
        this.actionFailure = this.ctx.fail(error, 'star.delete');
        return;
      }
    }
    this.ctx.navigate({ name: 'star' });
  }

  private statusBadge(): TemplateResult | typeof nothing {
    const s = this.save;
    if (!s) return nothing;
    const label: Record<AutosaveState['status'], MessageKey> = {
      saved: s.id ? 'star.saved' : 'star.notStarted',
      unsaved: 'star.unsaved',
      saving: 'star.saving',
      error: 'star.saveFailed',
      conflict: 'star.conflict',
    };
    return html`<span class="status ${s.status}" part="save-status" role="status" data-status=${s.status}>${this.t(label[s.status])}</span>`;
  }

  private conflictPanel(): TemplateResult | typeof nothing {
    const s = this.save;
    if (s?.status !== 'conflict') return nothing;
    return html`<div class="notice" part="conflict notice" role="alert">
      <p><strong>${this.t('star.conflictTitle')}</strong></p>
      <p>${this.t('star.conflictBody')}</p>
      <div class="row">
        <button type="button" class="btn btn-primary" part="button button-primary" @click=${() => void this.autosave?.keepMine()}>${this.t('star.keepMine')}</button>
        <button type="button" class="btn btn-secondary" part="button button-secondary" ?disabled=${!s.theirs}
          @click=${() => {
            const theirs = this.autosave?.takeTheirs();
            if (theirs) this.content = theirs;
          }}>${this.t('star.takeTheirs')}</button>
      </div>
    </div>`;
  }

  private suggestionList(part: StarPart | 'overall'): TemplateResult | typeof nothing {
    const s = this.suggestions;
    if (s?.status !== 'ready') return nothing;
    const items = s.data[part];
    if (!items?.length) return nothing;
    return html`<div class="suggestions" part="suggestions">
      <p class="small"><strong>${this.t('star.coachSays')}</strong></p>
      <ul>${items.map((i) => html`<li>${i}</li>`)}</ul>
    </div>`;
  }

  private editorForm(): TemplateResult {
    const c = this.content;
    const s = this.suggestions;
    return html`<div class="bar-top">
        <h2 tabindex="-1" data-view-heading part="heading">${c.title.trim() || this.t('star.newTitle')}</h2>
        ${this.statusBadge()}
      </div>
      <p class="muted">${this.t('star.editorIntro')}</p>
      ${this.conflictPanel()}
      ${this.save?.status === 'error'
        ? html`<div class="notice" part="notice" role="alert">
            <p>${this.t('star.saveFailedBody')}</p>
            <button type="button" class="btn btn-secondary" part="button button-secondary retry-button" @click=${() => void this.autosave?.flush()}>
              ${this.t('action.retry')}
            </button>
          </div>`
        : nothing}
      <form part="star-editor" @submit=${(e: Event) => e.preventDefault()} @focusout=${() => void this.autosave?.flush()}>
        <div class="two">
          <div class="field">
            <label for="title" part="label">${this.t('star.storyTitle')}</label>
            <input id="title" type="text" part="input" maxlength="120" .value=${c.title}
              @input=${(e: Event) => this.edit('title', (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="competency" part="label">${this.t('star.competency')}</label>
            <select id="competency" part="select"
              @change=${(e: Event) => this.edit('competency', (e.target as HTMLSelectElement).value || null)}>
              <option value="" ?selected=${c.competency === null}>${this.t('star.noCompetency')}</option>
              ${STAR_COMPETENCIES.map((id) => html`<option value=${id} ?selected=${c.competency === id}>${this.i18n.competency(id)}</option>`)}
            </select>
          </div>
        </div>
        <div class="parts">
          ${STAR_PARTS.map(
            (part) => html`<div class="field star-part" part="star-part">
              <label for=${`part-${part}`} part="label"><span class="letter" aria-hidden="true">${this.t(`star.${part}Letter`)}</span>${this.t(`star.${part}`)}</label>
              <span class="hint" id=${`hint-${part}`} part="hint">${this.t(`star.${part}Hint`)}</span>
              <textarea id=${`part-${part}`} part="textarea" rows="3" maxlength="3000" aria-describedby=${`hint-${part}`} .value=${c[part]}
                @input=${(e: Event) => this.edit(part, (e.target as HTMLTextAreaElement).value)}></textarea>
              ${this.suggestionList(part)}
            </div>`,
          )}
        </div>
      </form>
      ${s?.status === 'loading' ? loadingBlock(this.i18n, this.t('star.coachThinking')) : nothing}
      ${s?.status === 'error' ? errorBlock(this.i18n, s.failure, () => void this.askCoach()) : nothing}
      ${this.suggestionList('overall')}
      ${this.actionFailure ? errorBlock(this.i18n, this.actionFailure) : nothing}
      <div class="row actions">
        <button type="button" class="btn btn-primary" part="button button-primary" ?disabled=${this.busy} @click=${() => void this.useInAnswer()}>
          ${this.t('star.useInAnswer')}
        </button>
        <button type="button" class="btn btn-secondary" part="button button-secondary" @click=${() => void this.askCoach()}>${this.t('star.askCoach')}</button>
        <button type="button" class="btn btn-quiet" part="button" @click=${() => this.ctx.navigate({ name: 'star' })}>${this.t('star.backToList')}</button>
        <button type="button" class="btn btn-danger" part="button" @click=${() => void this.deleteStory()}>${this.t('star.delete')}</button>
      </div>`;
  }

  private listView(): TemplateResult {
    const l = this.list;
    const newButton = html`<button type="button" class="btn btn-primary" part="button button-primary"
      @click=${() => this.ctx.navigate({ name: 'star', draftId: null })}>${this.t('star.new')}</button>`;
    return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('star.title')}</h2>
      <p class="muted">${this.t('star.intro')}</p>
      ${l.status === 'loading'
        ? loadingBlock(this.i18n)
        : l.status === 'error'
          ? errorBlock(this.i18n, l.failure, () => void this.loadList())
          : l.data.length === 0
            ? emptyBlock(this.t('star.emptyTitle'), this.t('star.emptyBody'), newButton)
            : html`<p>${newButton}</p>
                <ul class="stories" part="star-list">
                  ${l.data.map(
                    (d) => html`<li class="card story" part="star-item card">
                      <div>
                        <p><strong>${d.title || this.t('star.untitled')}</strong></p>
                        <p class="muted small">
                          ${d.competency ? html`${this.i18n.competency(d.competency)} · ` : nothing}${this.t('star.updated', { date: this.i18n.date(d.updatedAt) })}
                        </p>
                      </div>
                      <button type="button" class="btn btn-secondary" part="button button-secondary"
                        aria-label=${this.t('star.openNamed', { title: d.title || this.t('star.untitled') })}
                        @click=${() => this.ctx.navigate({ name: 'star', draftId: d.id })}>${this.t('star.open')}</button>
                    </li>`,
                  )}
                </ul>`}`;
  }

  override render(): TemplateResult {
    if (this.draftId === undefined) return this.listView();
    const e = this.editor;
    if (!e || e.status === 'loading') return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('star.title')}</h2>${loadingBlock(this.i18n)}`;
    if (e.status === 'error') {
      return html`<h2 tabindex="-1" data-view-heading part="heading">${this.t('star.title')}</h2>
        ${errorBlock(this.i18n, e.failure, () => void this.open(this.draftId ?? null))}`;
    }
    return this.editorForm();
  }
}
