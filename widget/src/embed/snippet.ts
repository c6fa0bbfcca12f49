/**
 * The queue stub (cal.com's pattern): paste it before anything calls `InterviewStudio.*`, and
 * calls made before `/widget.js` has loaded are queued and replayed in order once it has. It is
 * safe to paste twice. Under a strict Content-Security-Policy (no `'unsafe-inline'`), put it at
 * the top of one of your own script files instead of an inline `<script>`.
 */
export const QUEUE_STUB = `window.InterviewStudio = window.InterviewStudio || (function () {
  var q = [], s = { q: q };
  ['mount', 'open', 'close', 'destroy', 'setToken'].forEach(function (m) {
    s[m] = function () { q.push([m, [].slice.call(arguments)]); };
  });
  return s;
})();`;

/** The script tag a partner pastes. */
export function scriptTag(options: { host: string; publishableKey: string; mode?: 'inline' | 'modal' | 'launcher'; target?: string }): string {
  const attrs = [
    `async src="${options.host}/widget.js"`,
    `data-publishable-key="${options.publishableKey}"`,
    `data-mode="${options.mode ?? 'inline'}"`,
    ...(options.target ? [`data-target="${options.target}"`] : []),
  ];
  return `<script ${attrs.join(' ')}></script>`;
}
