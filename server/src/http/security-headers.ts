/**
 * Security headers on every response the server sends: its own pages (demo, demo checkout,
 * dev pages), the API, health checks, errors and the widget bundle.
 *
 * - Pages (text/html) get a strict Content-Security-Policy (no inline script or style, no
 *   framing by anyone), unless the route set its own; everything else gets `default-src
 *   'none'`, which an API response or a script file never needs more than.
 * - The widget stays embeddable: partner pages load `/widget.js` with a script tag, which no
 *   header here prevents (no `Cross-Origin-Resource-Policy: same-origin`; the widget route
 *   sets `cross-origin` itself), and the widget renders into the partner's page, not a frame,
 *   so `frame-ancestors 'none'` only stops others from framing this server's own pages.
 * - HSTS only when `PUBLIC_URL` is https: sent over plain http it would be ignored, and on
 *   localhost it would break other development servers.
 */
import type { FastifyInstance } from 'fastify';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers every response carries (set only where the route did not set its own). */
export function baseSecurityHeaders(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // Text only: no camera, microphone or location, ever (privacy policy, section 3).
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  if (publicUrl.startsWith('https://')) headers['strict-transport-security'] = HSTS;
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const base = Object.entries(baseSecurityHeaders(options.publicUrl));
  // A callback hook, not an async one: it runs on every response and needs no promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of base) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    const isPage = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', isPage ? PAGE_CSP : NON_PAGE_CSP);
    if (isPage && !reply.hasHeader('cross-origin-opener-policy')) reply.header('cross-origin-opener-policy', 'same-origin');
    done(null, payload);
  });
}
