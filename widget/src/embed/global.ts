/**
 * `window.InterviewStudio`: the script-tag API.
 *
 *   InterviewStudio.mount('#careers-practice', { publishableKey: 'pk_…', getToken })
 *   InterviewStudio.mount(null, { publishableKey: 'pk_…', mode: 'launcher', id: 'coach' })
 *   InterviewStudio.open('coach'); InterviewStudio.setToken(token); InterviewStudio.destroy('coach')
 *
 * Calls made through the queue stub before this script arrived are replayed in order. Several
 * instances can live on one page; calls without an id apply to all of them.
 */
import type { InterviewStudio } from '../components/studio/studio.component.js';
import type { StudioMode, StudioTheme } from '../components/studio/studio.component.js';
import type { GetToken } from '../core/token.js';
import type { StudioEventDetails, StudioEventName } from '../events.js';

export interface MountOptions {
  /** The tenant's publishable key (`pk_…`). */
  publishableKey: string;
  /** The Interview Studio server; defaults to where widget.js was loaded from. */
  apiUrl?: string;
  token?: string;
  getToken?: GetToken;
  locale?: string;
  theme?: StudioTheme;
  /** `inline` (default), `modal` or `launcher`. */
  mode?: StudioMode;
  /** A name for this instance, for `open(id)`, `setToken(token, id)`… */
  id?: string;
  /** Open the dialog at once (modal mode). */
  open?: boolean;
  /** Event handlers, such as `{ 'is-feedback': (detail) => analytics.track(…) }`. */
  on?: { [K in StudioEventName]?: (detail: StudioEventDetails[K]) => void };
}

export interface WidgetHandle {
  readonly id: string;
  readonly element: InterviewStudio;
  open(): void;
  close(): void;
  setToken(token: string | null): void;
  destroy(): void;
}

export interface InterviewStudioGlobal {
  readonly version: string;
  mount(target: Element | string | null | undefined, options: MountOptions): WidgetHandle;
  open(id?: string): void;
  close(id?: string): void;
  setToken(token: string | null, id?: string): void;
  destroy(id?: string): void;
  get(id: string): WidgetHandle | undefined;
  instances(): WidgetHandle[];
}

type QueuedCall = [keyof InterviewStudioGlobal, unknown[]];

declare global {
  interface Window {
    InterviewStudio?: InterviewStudioGlobal | { q: QueuedCall[] };
  }
}

const OPTION_NAMES = ['publishableKey', 'apiUrl', 'token', 'getToken', 'locale', 'theme', 'mode', 'id', 'open', 'on'];

/** The server base URL from the script's own URL (`https://host/path/widget.js` → `https://host/path`). */
export function baseUrlOf(scriptSrc: string | null | undefined): string | null {
  if (!scriptSrc) return null;
  try {
    const url = new URL(scriptSrc, document.baseURI);
    return `${url.origin}${url.pathname.replace(/\/[^/]*$/, '')}`;
  } catch {
    return null;
  }
}

export function createGlobal(version: string, defaultApiUrl: string | null): InterviewStudioGlobal {
  const handles = new Map<string, WidgetHandle>();
  let counter = 0;

  function resolveTarget(target: Element | string | null | undefined): Element | null {
    if (typeof target === 'string') return document.querySelector(target);
    return target ?? null;
  }

  function select(id: string | undefined): WidgetHandle[] {
    if (id === undefined) return [...handles.values()];
    const handle = handles.get(id);
    return handle ? [handle] : [];
  }

  const api: InterviewStudioGlobal = {
    version,
    mount(target, options) {
      if (typeof options !== 'object' || options === null) throw new TypeError('[interview-studio] mount(target, options) needs an options object.');
      for (const key of Object.keys(options)) {
        if (!OPTION_NAMES.includes(key)) console.warn(`[interview-studio] Unknown mount option "${key}" ignored. Known: ${OPTION_NAMES.join(', ')}.`);
      }
      const mode = options.mode ?? 'inline';
      let container = resolveTarget(target);
      if (!container && target !== null && target !== undefined) {
        throw new Error(`[interview-studio] mount target ${String(target)} was not found on the page.`);
      }
      // Mounting into the same place twice returns the first instance.
      const existing = [...handles.values()].find((h) => h.element.parentElement === container && container !== null);
      if (existing) return existing;
      let ownContainer: HTMLElement | null = null;
      if (!container) {
        if (mode === 'inline') throw new Error('[interview-studio] inline mode needs a target element (data-target or mount(target, …)).');
        ownContainer = document.createElement('div');
        ownContainer.setAttribute('data-interview-studio', '');
        document.body.appendChild(ownContainer);
        container = ownContainer;
      }
      const id = options.id ?? `interview-studio-${++counter}`;
      if (handles.has(id)) return handles.get(id)!;

      const element = document.createElement('interview-studio') as InterviewStudio;
      element.setAttribute('publishable-key', options.publishableKey);
      const apiUrl = options.apiUrl ?? defaultApiUrl;
      if (apiUrl) element.setAttribute('api-url', apiUrl);
      if (options.locale) element.setAttribute('locale', options.locale);
      if (options.theme) element.setAttribute('theme', options.theme);
      element.setAttribute('mode', mode);
      if (options.token) element.token = options.token;
      if (options.getToken) element.getToken = options.getToken;
      for (const [name, handler] of Object.entries(options.on ?? {})) {
        if (typeof handler === 'function') element.addEventListener(name, (event) => (handler as (d: unknown) => void)((event as CustomEvent).detail));
      }
      // Properties, not methods: the element may not be upgraded yet (Lit keeps properties set before).
      if (options.open) element.open = true;
      container.appendChild(element);

      const handle: WidgetHandle = {
        id,
        element,
        open: () => (element.open = true),
        close: () => (element.open = false),
        setToken: (token) => (element.token = token),
        destroy: () => {
          element.remove();
          ownContainer?.remove();
          handles.delete(id);
        },
      };
      handles.set(id, handle);
      return handle;
    },
    open: (id) => select(id).forEach((h) => h.element.getAttribute('mode') !== 'inline' && h.open()),
    close: (id) => select(id).forEach((h) => h.close()),
    setToken: (token, id) => select(id).forEach((h) => h.setToken(token)),
    destroy: (id) => select(id).forEach((h) => h.destroy()),
    get: (id) => handles.get(id),
    instances: () => [...handles.values()],
  };
  return api;
}

/** Replays calls the queue stub collected, in order; one failing call does not stop the rest. */
export function drainQueue(api: InterviewStudioGlobal, queue: QueuedCall[]): void {
  for (const [method, args] of queue.splice(0)) {
    try {
      (api[method] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error('[interview-studio]', error);
    }
  }
}

/** Mounts the instance a `<script data-publishable-key …>` tag describes, once the page allows. */
export function mountFromScript(api: InterviewStudioGlobal, script: HTMLScriptElement | null): void {
  const data = script?.dataset;
  if (!script || !data?.publishableKey) return;
  const mode = (data.mode as StudioMode | undefined) ?? 'inline';
  const run = () => {
    try {
      api.mount(data.target ?? null, {
        publishableKey: data.publishableKey!,
        mode,
        ...(data.apiUrl ? { apiUrl: data.apiUrl } : {}),
        ...(data.locale ? { locale: data.locale } : {}),
        ...(data.theme ? { theme: data.theme as StudioTheme } : {}),
        ...(data.id ? { id: data.id } : {}),
      });
    } catch (error) {
      console.error(error);
    }
  };
  // With `async` the script may run before the target exists; wait for the document.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
