/**
 * `window.InterviewStudio`'s behaviour, in Chromium on the harness page (the full script-tag
 * path, with the loader and modules, is covered by e2e/embedding.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/harness.js';
import { QUEUE_STUB, scriptTag } from './snippet.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('InterviewStudio global', () => {
  it('derives the server from the script URL', async () => {
    const { page } = await h.open();
    expect(
      await page.evaluate(() => [
        window.harness.embed.baseUrlOf('https://studio.example.com/widget.js'),
        window.harness.embed.baseUrlOf('https://cdn.example.com/studio/v1/widget.js?x=1'),
        window.harness.embed.baseUrlOf(null),
      ]),
    ).toEqual(['https://studio.example.com', 'https://cdn.example.com/studio/v1', null]);
  });

  it('mounts instances, returns the same one for the same place, applies calls by id or to all, and destroys', async () => {
    const { page, errors } = await h.open();
    const result = await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<div id="a"></div><div id="b"></div>');
      const api = window.harness.embed.createGlobal('test', 'https://studio.example.com');
      const a = api.mount('#a', { publishableKey: 'pk_test_a', id: 'a', theme: 'dark' });
      const again = api.mount('#a', { publishableKey: 'pk_test_a' });
      const b = api.mount(document.querySelector('#b'), { publishableKey: 'pk_test_b', mode: 'modal', id: 'b' });
      const launcher = api.mount(null, { publishableKey: 'pk_test_c', mode: 'launcher' });
      api.setToken('tok');
      api.open();
      const state = {
        same: a === again,
        ids: api.instances().map((i) => i.id),
        apiUrl: a.element.getAttribute('api-url'),
        theme: a.element.getAttribute('theme'),
        tokens: api.instances().map((i) => i.element.token),
        open: api.instances().map((i) => i.element.open),
        launcherInBody: launcher.element.parentElement?.parentElement === document.body,
      };
      api.destroy('b');
      const afterOne = api.instances().map((i) => i.id);
      api.destroy();
      return { ...state, afterOne, left: document.querySelectorAll('interview-studio, [data-interview-studio]').length, bMounted: b.element.isConnected };
    });
    expect(result).toEqual({
      same: true,
      ids: ['a', 'b', 'interview-studio-1'],
      apiUrl: 'https://studio.example.com',
      theme: 'dark',
      tokens: ['tok', 'tok', 'tok'],
      open: [false, true, true],
      launcherInBody: true,
      afterOne: ['a', 'interview-studio-1'],
      left: 0,
      bMounted: false,
    });
    // Their own API calls fail (no such server); the embedding itself logs nothing else.
    expect(errors.filter((e) => !/Failed to fetch|ERR_|net::|studio\.example\.com/.test(e))).toEqual([]);
  });

  it('replays queued calls in order, and survives a failing one', async () => {
    const { page } = await h.open();
    const log = await page.evaluate((stub) => {
      // eslint-disable-next-line no-new-func -- the documented snippet, run as a page would.
      new Function(stub)();
      const w = window as unknown as { InterviewStudio: { q: [string, unknown[]][]; mount(...a: unknown[]): void; setToken(...a: unknown[]): void } };
      w.InterviewStudio.mount('#missing', { publishableKey: 'pk_x' });
      w.InterviewStudio.mount(null, { publishableKey: 'pk_x', mode: 'modal', id: 'm' });
      w.InterviewStudio.setToken('t1', 'm');
      const queued = w.InterviewStudio.q.map(([m]) => m);
      const api = window.harness.embed.createGlobal('test', null);
      const original = console.error;
      const logged: string[] = [];
      console.error = (...a: unknown[]) => logged.push(String(a[1] ?? a[0]));
      window.harness.embed.drainQueue(api, w.InterviewStudio.q as never);
      console.error = original;
      return { queued, ids: api.instances().map((i) => i.id), token: api.get('m')?.element.token, logged };
    }, QUEUE_STUB);
    expect(log.queued).toEqual(['mount', 'mount', 'setToken']);
    expect(log.ids).toEqual(['m']);
    expect(log.token).toBe('t1');
    expect(log.logged.join()).toMatch(/#missing was not found/);
  });

  it('documents the snippet a partner pastes', () => {
    expect(scriptTag({ host: 'https://studio.example.com', publishableKey: 'pk_live_1', target: '#practice' })).toBe(
      '<script async src="https://studio.example.com/widget.js" data-publishable-key="pk_live_1" data-mode="inline" data-target="#practice"></script>',
    );
  });
});
