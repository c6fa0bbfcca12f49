/**
 * Autosave for a STAR story: edits are saved a moment after the learner stops typing (and at
 * once on `flush()`), one save at a time, each naming the revision it started from. A save
 * refused with CONFLICT (the story changed in another tab) overwrites nothing: the conflict is
 * reported with the other version, and the learner chooses.
 */
import type { StarContent, StarDraft, StarSaveInput } from './api.js';
import { errorCodeOf } from './errors.js';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

export interface AutosaveState {
  status: SaveStatus;
  id: string | null;
  revision: number;
  /** The other version, when status is 'conflict'. */
  theirs: StarDraft | null;
  /** The failure of the last save, when status is 'error'. */
  error: unknown;
}

export interface AutosaveOptions {
  save(input: StarSaveInput): Promise<StarDraft>;
  get(id: string): Promise<StarDraft>;
  onChange(state: AutosaveState): void;
  /** The story was created (first save): its id. */
  onCreated?(draft: StarDraft): void;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 800;

export function contentOf(draft: StarDraft): StarContent {
  const { title, competency, situation, task, action, result, reflection } = draft;
  return { title, competency, situation, task, action, result, reflection };
}

export function isBlank(content: StarContent): boolean {
  return [content.title, content.situation, content.task, content.action, content.result, content.reflection].every((s) => s.trim() === '');
}

export class StarAutosave {
  private content: StarContent;
  private state: AutosaveState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** Edits made since the last save began. */
  private dirty = false;

  constructor(
    private readonly options: AutosaveOptions,
    initial: StarDraft | null,
    blank: StarContent,
  ) {
    this.content = initial ? contentOf(initial) : blank;
    this.state = { status: 'saved', id: initial?.id ?? null, revision: initial?.revision ?? 0, theirs: null, error: null };
  }

  get current(): AutosaveState {
    return this.state;
  }

  get value(): StarContent {
    return this.content;
  }

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }

  edit(content: StarContent): void {
    this.content = content;
    this.dirty = true;
    if (this.state.status === 'conflict') return;
    if (this.state.status !== 'saving' && this.state.status !== 'unsaved') this.set({ status: 'unsaved', error: null });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is unsaved; resolves once everything typed so far is saved (or failed). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.state.status === 'conflict') return;
    if (this.state.id === null && isBlank(this.content)) {
      this.dirty = false;
      this.set({ status: 'saved' });
      return;
    }
    this.inFlight = this.saveOnce().finally(() => (this.inFlight = null));
    await this.inFlight;
    if (this.dirty && this.state.status === 'unsaved') await this.flush();
  }

  private async saveOnce(): Promise<void> {
    this.dirty = false;
    const content = this.content;
    this.set({ status: 'saving' });
    try {
      const saved = await this.options.save({ id: this.state.id, expectedRevision: this.state.revision, content });
      const created = this.state.id === null;
      this.set({ status: this.dirty ? 'unsaved' : 'saved', id: saved.id, revision: saved.revision, error: null });
      if (created) this.options.onCreated?.(saved);
    } catch (error) {
      this.dirty = true;
      if (errorCodeOf(error) === 'CONFLICT' && this.state.id) {
        const theirs = await this.options.get(this.state.id).catch(() => null);
        this.set({ status: 'conflict', theirs, error });
        return;
      }
      this.set({ status: 'error', error });
    }
  }

  /** Conflict: save this version over the other one. */
  async keepMine(): Promise<void> {
    const theirs = this.state.theirs;
    if (!theirs) return;
    this.dirty = true;
    this.set({ status: 'unsaved', revision: theirs.revision, theirs: null });
    await this.flush();
  }

  /** Conflict: drop this version's unsaved edits and continue from the other one. */
  takeTheirs(): StarContent | null {
    const theirs = this.state.theirs;
    if (!theirs) return null;
    this.content = contentOf(theirs);
    this.dirty = false;
    this.set({ status: 'saved', revision: theirs.revision, theirs: null, error: null });
    return this.content;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
