/**
 * The small pages billing serves itself: where Stripe Checkout returns to (`/billing/return`),
 * and the layout the demo checkout shares. Served under a strict CSP with no script at all.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CHECKOUT_RETURN_PATH } from '../billing/checkout.js';

export const BILLING_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const BILLING_CSS_PATH = '/billing/pages.css';

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const CSS = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#18181b;background:#f4f4f5}
main{max-width:34rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:1.5rem}
.demo-banner{background:#fef3c7;border:2px dashed #b45309;color:#78350f;border-radius:8px;padding:.75rem 1rem;margin-bottom:1rem;font-weight:600}
h1{font-size:1.5rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem;margin:1rem 0}
dt{color:#52525b}dd{margin:0;font-weight:600}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
input[type=email]{width:100%;font:inherit;padding:.55rem .7rem;border:1px solid #a1a1aa;border-radius:6px}
.hint{color:#52525b;font-size:.875rem;margin:.3rem 0 0}
.error{color:#b91c1c;font-weight:600}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.25rem}
button{font:inherit;font-weight:600;border-radius:6px;padding:.65rem 1.1rem;cursor:pointer;border:1px solid #1d4ed8}
button.pay{background:#1d4ed8;color:#fff}
button.cancel{background:#fff;color:#1d4ed8}
button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.stack{margin-bottom:1rem}
pre{white-space:pre-wrap;background:#f4f4f5;padding:.75rem;border-radius:6px;font-size:.85rem}
`;

export function billingPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${BILLING_CSS_PATH}">
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', BILLING_PAGE_CSP)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}

/** `/billing/pages.css` and `/billing/return` (Stripe Checkout's success and cancel URLs). */
export function registerBillingPages(app: FastifyInstance): void {
  app.get(BILLING_CSS_PATH, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(CSS));
  app.get<{ Querystring: { status?: string } }>(CHECKOUT_RETURN_PATH, async (request, reply) => {
    const paid = request.query.status === 'success';
    const body = paid
      ? `<div class="card"><h1>Thank you</h1><p>Your payment went through. Your pass appears where you practise within a few seconds.</p><p>You can close this window.</p></div>`
      : `<div class="card"><h1>Checkout cancelled</h1><p>No payment was taken. You can close this window and carry on practising.</p></div>`;
    return sendPage(reply, 200, billingPage(paid ? 'Payment received' : 'Checkout cancelled', body));
  });
}
