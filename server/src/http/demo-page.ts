/**
 * The page at `/` in development: shows that the server is up and how to embed it. The widget
 * issue replaces it with the real "Demo University — Careers" page.
 */
import type { FastifyInstance } from 'fastify';

export interface DemoPageInfo {
  tenantName: string;
  publishableKey: string;
  publicUrl: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderDemoPage(info: DemoPageInfo): string {
  const url = escapeHtml(info.publicUrl);
  const pk = escapeHtml(info.publishableKey);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.tenantName)} — Interview Studio is running</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
code,pre{background:#f3f4f6;border-radius:6px}pre{padding:1rem;overflow:auto}code{padding:.1rem .3rem}
.ok{color:#166534;font-weight:600}
</style>
</head>
<body>
<h1>Interview Studio is running</h1>
<p class="ok">Server up at ${url} with the demo tenant “${escapeHtml(info.tenantName)}”.</p>
<p>Health: <a href="/healthz">/healthz</a> · Readiness: <a href="/readyz">/readyz</a></p>
<h2>Embed on a partner page</h2>
<pre>&lt;script async src="${url}/widget.js" data-publishable-key="${pk}" data-mode="inline" data-target="#interview-studio"&gt;&lt;/script&gt;</pre>
<h2>Call the API from a backend</h2>
<pre>import { createInterviewStudioClient } from '@interview-studio/sdk';
const admin = createInterviewStudioClient({ url: '${url}', secretKey: process.env.INTERVIEW_STUDIO_SECRET_KEY });
const { token } = await admin.admin.learners.createToken.mutate({ externalId: 'student-42' });</pre>
<p>The publishable key of this demo tenant is <code>${pk}</code>. The secret key was printed in the terminal that ran <code>npm start</code>.</p>
</body>
</html>`;
}

export function registerDemoPage(app: FastifyInstance, info: DemoPageInfo): void {
  const html = renderDemoPage(info);
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
}
