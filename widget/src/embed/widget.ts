/**
 * `/widget.js`, the script tag's loader: a small classic script that installs
 * `window.InterviewStudio`, replays the queue stub's calls, mounts the instance its own
 * `<script data-publishable-key …>` tag describes, and imports the elements themselves as ES
 * modules (`/widget/core.js`; views and locales follow as chunks when needed). Elements
 * created before the modules arrive upgrade when they do.
 *
 * Loaded a second time, it finds the first copy's API and only mounts what its own tag
 * describes, through that API: nothing is defined twice.
 */
import { baseUrlOf, createGlobal, drainQueue, mountFromScript, type InterviewStudioGlobal } from './global.js';

declare const __WIDGET_VERSION__: string;
/** The chunks core.js imports (filled in at build time). */
declare const __CORE_CHUNKS__: string[];

function findScript(): HTMLScriptElement | null {
  if (document.currentScript instanceof HTMLScriptElement) return document.currentScript;
  // Fallback for loaders that run us without currentScript: the last widget.js tag.
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return tags[tags.length - 1] ?? null;
}

const script = findScript();
const existing = window.InterviewStudio;

if (existing && 'version' in existing && typeof existing.mount === 'function') {
  mountFromScript(existing, script);
} else {
  const api: InterviewStudioGlobal = createGlobal(__WIDGET_VERSION__, baseUrlOf(script?.src));
  const queue = existing && 'q' in existing && Array.isArray(existing.q) ? existing.q : [];
  window.InterviewStudio = api;
  drainQueue(api, queue);
  mountFromScript(api, script);
  const base = script?.src ?? document.baseURI;
  const core = new URL(`widget/core.js?v=${__WIDGET_VERSION__}`, base).href;
  // Fetch core's chunks alongside core.js rather than after parsing it (one round trip fewer).
  for (const chunk of __CORE_CHUNKS__) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`widget/${chunk}`, base).href;
    document.head.appendChild(link);
  }
  import(/* @vite-ignore */ core).catch((error: unknown) => console.error('[interview-studio] Could not load the widget code.', error));
}
