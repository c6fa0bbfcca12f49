/**
 * The demo site `npm start` serves for the demo tenant: "Demo University — Careers" at `/`,
 * with the widget embedded inline by one script tag, and `/demo/embed-modes` showing the modal
 * and launcher modes driven through `window.InterviewStudio`. Both pages are served with the
 * strict Content-Security-Policy the README asks partners to use, so they double as proof
 * that the widget needs no inline script, inline style or eval.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface DemoPageInfo {
  tenantName: string;
  publishableKey: string;
  /** The server's public URL (shown in snippets when a request does not say its own host). */
  publicUrl: string;
}

/** The policy the demo pages are served with (the widget's host is 'self' here). */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function originOf(request: FastifyRequest, fallback: string): string {
  const host = request.headers.host;
  return host ? `${request.protocol}://${host}` : fallback;
}

function layout(title: string, body: string, scripts: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/demo.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/"><span class="crest" aria-hidden="true">DU</span> Demo University</a>
    <nav aria-label="Main">
      <ul>
        <li><a href="/" aria-current="${title.includes('Careers') ? 'page' : 'false'}">Careers</a></li>
        <li><a href="/demo/embed-modes" aria-current="${title.includes('modes') ? 'page' : 'false'}">Embedding modes</a></li>
        <li><a href="/healthz">Service status</a></li>
      </ul>
    </nav>
  </div>
</header>
${body}
<footer class="site-footer">
  <div class="wrap">
    <p>Demo University is a fictional institution used to demonstrate Interview Studio. Nothing here is a real offer.</p>
  </div>
</footer>
</body>
</html>`;
}

export function renderCareersPage(info: DemoPageInfo, origin: string): string {
  const pk = escapeHtml(info.publishableKey);
  const host = escapeHtml(origin);
  const body = `<main id="main">
  <section class="hero">
    <div class="wrap">
      <p class="eyebrow">Careers &amp; Employability Service</p>
      <h1>Demo University — Careers</h1>
      <p class="lead">Book an appointment, find placements, and practise interviews with instant, private feedback — any time, on any device.</p>
    </div>
  </section>
  <section class="wrap practice" aria-labelledby="practice-title">
    <h2 id="practice-title">Practise your interviews</h2>
    <p>Answer realistic questions for the role you want and get scored feedback in seconds. Your practice is private to you.</p>
    <div id="interview-studio" class="widget-slot"></div>
    <noscript><p>Interview practice needs JavaScript.</p></noscript>
  </section>
  <div class="wrap columns-2">
    <section aria-labelledby="events-title">
      <h2 id="events-title">This week</h2>
      <ul class="events">
        <li><strong>Mon 14:00</strong> CV clinic, Library room 2</li>
        <li><strong>Wed 12:30</strong> Assessment centres explained</li>
        <li><strong>Thu 17:00</strong> Graduate employers fair</li>
      </ul>
    </section>
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">Opportunities</h2>
      <ul class="jobs">
        <li><a href="#practice-title">Graduate data analyst — City Council</a></li>
        <li><a href="#practice-title">Summer intern, software — Northwind</a></li>
        <li><a href="#practice-title">Trainee nurse associate — Royal Infirmary</a></li>
      </ul>
    </section>
  </div>
  <section class="wrap developer" aria-labelledby="dev-title">
    <h2 id="dev-title">For partner developers</h2>
    <p>This page embeds ${escapeHtml(info.tenantName)}'s Interview Studio with one tag, under a strict Content-Security-Policy:</p>
    <pre tabindex="0"><code>&lt;div id="interview-studio"&gt;&lt;/div&gt;
&lt;script async src="${host}/widget.js"
        data-publishable-key="${pk}"
        data-mode="inline" data-target="#interview-studio"&gt;&lt;/script&gt;</code></pre>
    <p>Content-Security-Policy: <code>${escapeHtml(DEMO_CSP)}</code></p>
    <p>See <a href="/demo/embed-modes">the modal and launcher modes</a>.</p>
  </section>
</main>`;
  const scripts = `<script async src="/widget.js" data-publishable-key="${pk}" data-mode="inline" data-target="#interview-studio"></script>`;
  return layout('Demo University — Careers', body, scripts);
}

export function renderEmbedModesPage(info: DemoPageInfo, origin: string): string {
  const pk = escapeHtml(info.publishableKey);
  const host = escapeHtml(origin);
  const body = `<main id="main">
  <section class="hero">
    <div class="wrap">
      <p class="eyebrow">Interview Studio</p>
      <h1>Embedding modes: modal and launcher</h1>
      <p class="lead">The same widget, opened from your own button as a dialog, or from a floating launcher in the corner of every page.</p>
    </div>
  </section>
  <div class="wrap columns">
    <section class="main-column" aria-labelledby="modal-title">
      <h2 id="modal-title">Modal</h2>
      <p>Open the practice dialog from anywhere on your page. Escape closes it and focus returns to the button.</p>
      <p><button type="button" class="cta" id="open-practice">Practise an interview</button></p>
      <pre tabindex="0"><code>InterviewStudio.mount(null, { publishableKey: '${pk}', mode: 'modal', id: 'practice' });
document.querySelector('#open-practice')
  .addEventListener('click', () =&gt; InterviewStudio.open('practice'));</code></pre>
      <h2>Launcher</h2>
      <p>The floating button at the bottom of this page opens a second, independent instance.</p>
      <pre tabindex="0"><code>&lt;script async src="${host}/widget.js" data-publishable-key="${pk}" data-mode="launcher"&gt;&lt;/script&gt;</code></pre>
      <h2>Events</h2>
      <p>Both instances report to the page (never with answer text):</p>
      <ol id="event-log" class="event-log" aria-live="polite"></ol>
    </section>
    <aside class="side-column">
      <h2>Calls before the script loads</h2>
      <p>This page calls <code>InterviewStudio.mount()</code> before <code>widget.js</code> has arrived. A small queue stub (first lines of <a href="/demo/embed-modes.js">embed-modes.js</a>) holds the calls until it does.</p>
    </aside>
  </div>
</main>`;
  const scripts = `<script src="/demo/embed-modes.js" data-publishable-key="${pk}"></script>
<script async src="/widget.js" data-publishable-key="${pk}" data-mode="launcher" data-id="launcher"></script>`;
  return layout('Interview Studio — embedding modes', body, scripts);
}

/** The second page's script (no inline scripts under the CSP): the queue stub, then the calls. */
export const EMBED_MODES_JS = `// The queue stub: calls made before widget.js has loaded are replayed once it has.
window.InterviewStudio = window.InterviewStudio || (function () {
  var q = [], s = { q: q };
  ['mount', 'open', 'close', 'destroy', 'setToken'].forEach(function (m) {
    s[m] = function () { q.push([m, [].slice.call(arguments)]); };
  });
  return s;
})();

(function () {
  var key = document.currentScript.dataset.publishableKey;
  function log(name) {
    return function (detail) {
      var list = document.getElementById('event-log');
      if (!list) return;
      var item = document.createElement('li');
      item.textContent = name + ' ' + JSON.stringify(detail);
      list.appendChild(item);
    };
  }
  var on = {};
  ['is-ready', 'is-session-start', 'is-answer-submit', 'is-feedback', 'is-session-complete', 'is-pass-required', 'is-purchase-complete', 'is-error'].forEach(function (name) {
    on[name] = log(name);
  });
  InterviewStudio.mount(null, { publishableKey: key, mode: 'modal', id: 'practice', on: on });
  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('open-practice').addEventListener('click', function () {
      InterviewStudio.open('practice');
    });
  });
})();
`;

export const DEMO_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1b1f24;background:#f7f5f0}
body{margin:0}
a{color:#6b1d2f}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.site-header{background:#6b1d2f;color:#fff}
.header-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;padding-block:.8rem}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.2rem;display:flex;align-items:center;gap:.6rem}
.crest{display:inline-grid;place-items:center;width:2.2rem;height:2.2rem;border:2px solid #f3d27a;border-radius:50% 50% 45% 45%;font-size:.8rem;color:#f3d27a}
.site-header ul{display:flex;gap:1.2rem;list-style:none;margin:0;padding:0}
.site-header a{color:#fff}
.site-header a[aria-current=page]{text-decoration-thickness:3px}
.hero{background:#efe9dc;border-bottom:1px solid #ddd3bf;padding-block:2.2rem}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;margin:0;color:#6b1d2f}
h1{font-size:2.2rem;margin:.2rem 0 .6rem;line-height:1.2}
.lead{max-width:42rem;font-size:1.1rem;margin:0}
.columns{display:grid;grid-template-columns:minmax(0,1fr) 18rem;gap:2rem;padding-block:2rem}
@media (max-width:60rem){.columns{grid-template-columns:1fr}}
.practice{padding-block:2rem 0}
.widget-slot{margin-block:1rem 0;min-height:24rem}
.columns-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:2rem;padding-block:1rem}
.events,.jobs{padding-left:1.1rem}
.developer{padding-block:1rem 2.5rem}
pre{background:#1b1f24;color:#f7f5f0;padding:1rem;border-radius:6px;overflow:auto;font-size:.8rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
.cta{font:inherit;font-weight:700;background:#6b1d2f;color:#fff;border:0;border-radius:6px;padding:.7rem 1.2rem;cursor:pointer}
.cta:focus-visible{outline:3px solid #f3d27a;outline-offset:2px}
.event-log{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75rem;max-height:14rem;overflow:auto;background:#fff;border:1px solid #ddd3bf;padding:.5rem 1.5rem}
.site-footer{background:#1b1f24;color:#d8d4cc;padding-block:1.2rem;font-size:.85rem}
`;

/** Registers `/`, `/demo/embed-modes` and their assets (once; a second call is a no-op). */
export function registerDemoPage(app: FastifyInstance, info: DemoPageInfo): void {
  if (app.hasRoute({ method: 'GET', url: '/' })) return;
  const html = (render: (i: DemoPageInfo, origin: string) => string) => async (request: FastifyRequest, reply: import('fastify').FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DEMO_CSP)
      .header('cache-control', 'no-cache')
      .send(render(info, originOf(request, info.publicUrl)));
  app.get('/', html(renderCareersPage));
  app.get('/demo/embed-modes', html(renderEmbedModesPage));
  app.get('/demo/demo.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(DEMO_CSS));
  app.get('/demo/embed-modes.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(EMBED_MODES_JS),
  );
}
