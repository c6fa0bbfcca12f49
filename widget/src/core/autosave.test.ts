import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureError } from '../fixtures/fixture-api.js';
import type { StarContent, StarDraft, StarSaveInput } from './api.js';
import { AUTOSAVE_DELAY_MS, StarAutosave, type AutosaveState } from './autosave.js';

const blank: StarContent = { title: '', competency: null, situation: '', task: '', action: '', result: '', reflection: '' };

function server() {
  let stored: StarDraft | null = null;
  const saves: StarSaveInput[] = [];
  return {
    saves,
    get stored() {
      return stored;
    },
    changeElsewhere(patch: Partial<StarContent>) {
      stored = { ...stored!, ...patch, revision: stored!.revision + 1 };
    },
    async save(input: StarSaveInput): Promise<StarDraft> {
      saves.push(input);
      if ((stored?.revision ?? 0) !== input.expectedRevision || (input.id === null) !== (stored === null)) throw fixtureError('CONFLICT');
      stored = { id: 'star_1', ...input.content, revision: (stored?.revision ?? 0) + 1, createdAt: 'now', updatedAt: 'now' };
      return stored;
    },
    async get(): Promise<StarDraft> {
      return stored!;
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('STAR autosave', () => {
  it('saves a moment after typing stops, creating then updating with the revision it saw', async () => {
    const s = server();
    const states: AutosaveState['status'][] = [];
    const autosave = new StarAutosave({ save: (i) => s.save(i), get: () => s.get(), onChange: (st) => states.push(st.status) }, null, blank);
    autosave.edit({ ...blank, title: 'D' });
    autosave.edit({ ...blank, title: 'Deadline' });
    expect(autosave.current.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(s.saves).toEqual([{ id: null, expectedRevision: 0, content: { ...blank, title: 'Deadline' } }]);
    expect(autosave.current).toMatchObject({ status: 'saved', id: 'star_1', revision: 1 });

    autosave.edit({ ...blank, title: 'Deadline', situation: 'Three weeks' });
    await autosave.flush();
    expect(s.saves[1]).toMatchObject({ id: 'star_1', expectedRevision: 1 });
    expect(states).toEqual(['unsaved', 'saving', 'saved', 'unsaved', 'saving', 'saved']);
  });

  it('does not create an empty story', async () => {
    const s = server();
    const autosave = new StarAutosave({ save: (i) => s.save(i), get: () => s.get(), onChange: () => undefined }, null, blank);
    autosave.edit({ ...blank, title: '  ' });
    await autosave.flush();
    expect(s.saves).toEqual([]);
    expect(autosave.current.status).toBe('saved');
  });

  it('keeps edits made during a save and saves them next', async () => {
    const s = server();
    const autosave = new StarAutosave({ save: (i) => s.save(i), get: () => s.get(), onChange: () => undefined }, null, blank);
    autosave.edit({ ...blank, title: 'A' });
    const first = autosave.flush();
    autosave.edit({ ...blank, title: 'AB' });
    await first;
    await autosave.flush();
    expect(s.stored?.title).toBe('AB');
    expect(autosave.current.status).toBe('saved');
  });

  it('stops at a conflict, then keeps mine or takes theirs without losing the other silently', async () => {
    const s = server();
    const autosave = new StarAutosave({ save: (i) => s.save(i), get: () => s.get(), onChange: () => undefined }, null, blank);
    autosave.edit({ ...blank, title: 'Mine' });
    await autosave.flush();
    s.changeElsewhere({ title: 'Theirs' });

    autosave.edit({ ...blank, title: 'Mine, edited' });
    await autosave.flush();
    expect(autosave.current.status).toBe('conflict');
    expect(autosave.current.theirs?.title).toBe('Theirs');
    expect(s.stored?.title).toBe('Theirs');

    await autosave.keepMine();
    expect(s.stored?.title).toBe('Mine, edited');
    expect(autosave.current.status).toBe('saved');

    s.changeElsewhere({ title: 'Theirs again' });
    autosave.edit({ ...blank, title: 'Mine again' });
    await autosave.flush();
    expect(autosave.takeTheirs()?.title).toBe('Theirs again');
    expect(autosave.current).toMatchObject({ status: 'saved', revision: s.stored!.revision });
  });

  it('reports a failed save as an error and retries on flush', async () => {
    let fail = true;
    const s = server();
    const autosave = new StarAutosave(
      { save: (i) => (fail ? Promise.reject(fixtureError('UNAVAILABLE')) : s.save(i)), get: () => s.get(), onChange: () => undefined },
      null,
      blank,
    );
    autosave.edit({ ...blank, title: 'X' });
    await autosave.flush();
    expect(autosave.current.status).toBe('error');
    fail = false;
    await autosave.flush();
    expect(autosave.current.status).toBe('saved');
  });
});
