/**
 * The widget on a page with hostile global CSS looks the same as anywhere else, and its own
 * styles do not reach the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, recordStudioEvents, screenshot, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

const HOSTILE_CSS = `* { box-sizing: content-box; font: 30px serif; color: red; line-height: 3; letter-spacing: 2px; text-align: right; }
div { display: inline; }
button, input, textarea, select { all: unset; background: lime; }
h2, h3 { text-transform: uppercase; margin: 80px; }
html { font-size: 40px; }`;

function page(pk: string, hostile: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title><link rel="icon" href="data:,">
${hostile ? '<link rel="stylesheet" href="/test/hostile.css">' : ''}
<script async src="/widget.js" data-publishable-key="${pk}" data-target="#slot"></script></head>
<body><h2 id="host-heading">Host heading</h2><p id="host-text">Host paragraph</p><button id="host-button">Host button</button>
<div id="slot"></div></body></html>`;
}

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startStudioServer({
      routes(app, s) {
        app.get('/test/hostile.css', async (_req, reply) => reply.type('text/css').send(HOSTILE_CSS));
        app.get('/test/hostile', async (_req, reply) => reply.type('text/html').send(page(s.publishableKey(), true)));
        app.get('/test/plain', async (_req, reply) => reply.type('text/html').send(page(s.publishableKey(), false)));
      },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Computed styles of widget internals, read through the shadow roots. */
async function widgetStyles(p: Page) {
  return p.evaluate(() => {
    const root = document.querySelector('interview-studio')!.shadowRoot!;
    const view = root.querySelector('is-home-view')!.shadowRoot!;
    const pick = (el: Element | null) => {
      const s = getComputedStyle(el!);
      return {
        font: `${s.fontSize} ${s.fontFamily}`,
        color: s.color,
        lineHeight: s.lineHeight,
        boxSizing: s.boxSizing,
        display: s.display,
        textAlign: s.textAlign,
        letterSpacing: s.letterSpacing,
        textTransform: s.textTransform,
        background: s.backgroundColor,
      };
    };
    const base = root.querySelector('[part~="base"]')!;
    return {
      base: pick(base),
      heading: pick(view.querySelector('h2')),
      button: pick(view.querySelector('button')),
      card: pick(view.querySelector('.card')),
      width: base.getBoundingClientRect().width,
    };
  });
}

async function hostStyles(p: Page) {
  return p.evaluate(() =>
    ['host-heading', 'host-text', 'host-button'].map((id) => {
      const s = getComputedStyle(document.getElementById(id)!);
      return `${s.fontSize} ${s.fontFamily} ${s.color} ${s.display} ${s.boxSizing}`;
    }),
  );
}

async function open(path: string) {
  const context = await newContext(browser);
  const p = await context.newPage();
  const errors = collectPageErrors(p);
  await recordStudioEvents(p);
  await p.goto(`${server.url}${path}`);
  await waitForStudioEvent(p, 'is-ready');
  await confirmAge(p.locator('interview-studio'));
  await p.locator('interview-studio').getByRole('heading', { name: 'Your interview readiness' }).waitFor();
  return { p, errors, context };
}

describe('hostile global CSS', () => {
  it('does not change how the widget renders', async () => {
    const plain = await open('/test/plain');
    const hostile = await open('/test/hostile');
    const [a, b] = [await widgetStyles(plain.p), await widgetStyles(hostile.p)];
    expect(b).toEqual(a);
    expect(b.heading.font).toMatch(/^22px /);
    expect(b.heading.font).not.toMatch(/ serif$/);
    expect(b.button.boxSizing).toBe('border-box');
    expect(b.card.display).toBe('block');
    expect(b.heading.color).not.toBe('rgb(255, 0, 0)');
    await screenshot(hostile.p, 'hostile-css');
    expect([...plain.errors, ...hostile.errors]).toEqual([]);
    await plain.context.close();
    await hostile.context.close();
  }, 60_000);

  it('does not restyle the host page', async () => {
    const context = await newContext(browser);
    const p = await context.newPage();
    await recordStudioEvents(p);
    // The same page with the widget's script removed: the host's own look.
    await p.route('**/widget.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await p.goto(`${server.url}/test/hostile`);
    const without = await hostStyles(p);
    await p.unroute('**/widget.js');
    await p.goto(`${server.url}/test/hostile`);
    await waitForStudioEvent(p, 'is-ready');
    expect(await hostStyles(p)).toEqual(without);
    // Nothing was added to the document's own styles.
    expect(await p.evaluate(() => document.styleSheets.length + document.adoptedStyleSheets.length)).toBe(1);
    await context.close();
  }, 60_000);
});
