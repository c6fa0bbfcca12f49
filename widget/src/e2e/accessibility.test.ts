/**
 * axe-core on every view, on the real server: no serious or critical violation (WCAG 2.2 A/AA
 * and best practices), in light, dark and right-to-left. axe is loaded from the page's own
 * origin, as it would have to be under a strict CSP.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, recordStudioEvents, screenshot, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let server: StudioServer;
let browser: Browser;

const page = (pk: string, attrs: string, dir = 'ltr') =>
  `<!doctype html><html lang="en" dir="${dir}"><head><meta charset="utf-8"><title>Accessibility</title><link rel="icon" href="data:,">
<script async src="/widget.js" data-publishable-key="${pk}" data-target="#slot" ${attrs}></script></head>
<body><main><h1>Careers</h1><div id="slot"></div></main></body></html>`;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startStudioServer({
      routes(app, s) {
        app.get('/test/axe.js', async (_q, r) => r.type('text/javascript').send(AXE));
        app.get('/test/a11y', async (_q, r) => r.type('text/html').send(page(s.publishableKey(), '')));
        app.get('/test/a11y-dark', async (_q, r) => r.type('text/html').send(page(s.publishableKey(), 'data-theme="dark"')));
        app.get('/test/a11y-rtl', async (_q, r) => r.type('text/html').send(page(s.publishableKey(), 'data-locale="fr"', 'rtl')));
      },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serious and critical violations on the page as it is now. */
async function audit(p: Page, name: string): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ url: `${server.url}/test/axe.js` });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  await screenshot(p, `a11y-${name}`);
  return violations
    .filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: Violation) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** Opens a page with a new guest; `gate` is audited (when named) before the age is confirmed. */
async function open(path: string, found: string[], gate?: string): Promise<Page> {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  const p = await context.newPage();
  await recordStudioEvents(p);
  await p.goto(`${server.url}${path}`);
  await waitForStudioEvent(p, 'is-ready');
  const studio = p.locator('interview-studio');
  await studio.locator('[part~="age-gate"]').waitFor();
  if (gate) found.push(...(await audit(p, gate)));
  await confirmAge(studio);
  return p;
}

describe('accessibility (axe-core)', () => {
  it('every view of a practice flow has no serious or critical violation', async () => {
    const found: string[] = [];
    const p = await open('/test/a11y', found, 'age-gate');
    const studio = p.locator('interview-studio');
    await studio.getByText('No score yet.').waitFor();
    found.push(...(await audit(p, 'home-empty')));

    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByText(/Enter the role/).waitFor();
    found.push(...(await audit(p, 'setup-error')));
    await studio.getByLabel('Role').fill('Marketing assistant');
    await studio.getByLabel('Number of questions').selectOption('3');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    found.push(...(await audit(p, 'question')));

    await studio.getByLabel('Your answer').fill('I ran the society Instagram and grew it from 300 to 2,100 followers in a term. Email me at sam@example.com for the plan.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.locator('[part~="warning"]').waitFor();
    found.push(...(await audit(p, 'question-warning')));
    await studio.getByRole('button', { name: 'Submit anyway' }).click();
    await waitForStudioEvent(p, 'is-feedback');
    await studio.getByRole('heading', { name: 'A stronger outline' }).waitFor();
    found.push(...(await audit(p, 'feedback')));

    await studio.getByRole('button', { name: 'Try this question again' }).click();
    await studio.getByLabel('Your answer').fill('I grew the society Instagram from 300 to 2,100 followers in one term by posting three times a week and tracking which posts worked.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await waitForStudioEvent(p, 'is-feedback', 2);
    await studio.getByRole('button', { name: 'Compare attempts' }).click();
    await studio.getByRole('heading', { name: 'Compare your attempts' }).waitFor();
    found.push(...(await audit(p, 'compare')));

    await studio.getByRole('button', { name: 'Progress', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your progress' }).waitFor();
    await studio.locator('is-trend-chart').waitFor();
    found.push(...(await audit(p, 'history')));

    await studio.getByRole('button', { name: 'STAR stories', exact: true }).click();
    await studio.getByText('No stories yet.').waitFor();
    found.push(...(await audit(p, 'star-empty')));
    await studio.getByRole('button', { name: 'New story' }).first().click();
    await studio.getByLabel('Title').fill('Society growth');
    await studio.getByLabel('Situation').fill('Our society had 300 followers and few members at events.');
    await studio.locator('[part~="save-status"][data-status="saved"]').waitFor();
    await studio.getByRole('button', { name: 'Ask the coach' }).click();
    await studio.locator('[part~="suggestions"]').first().waitFor();
    found.push(...(await audit(p, 'star-editor')));
    await studio.getByRole('button', { name: 'All stories' }).click();
    await studio.locator('[part~="star-item"]').first().waitFor();
    found.push(...(await audit(p, 'star-list')));

    await studio.getByRole('button', { name: 'Privacy', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your data and privacy' }).waitFor();
    await studio.getByRole('button', { name: 'Download my data' }).waitFor();
    found.push(...(await audit(p, 'privacy')));
    await studio.getByRole('button', { name: 'Delete my account…' }).click();
    await studio.getByRole('dialog', { name: 'Delete your account?' }).waitFor();
    found.push(...(await audit(p, 'privacy-delete-dialog')));
    await studio.getByRole('button', { name: 'Keep my account' }).click();
    await studio.getByRole('dialog').waitFor({ state: 'hidden' });

    await studio.getByRole('button', { name: 'Home', exact: true }).click();
    await studio.getByRole('heading', { name: 'Readiness score' }).waitFor();
    found.push(...(await audit(p, 'home')));

    // Back into the session to finish it: the summary.
    await studio.getByRole('button', { name: 'Continue' }).click();
    for (const n of [2, 3]) {
      await studio.getByRole('heading', { name: `Question ${n} of 3` }).waitFor();
      await studio.getByLabel('Your answer').fill('We cut the queue at the freshers fair stand from 20 to 5 minutes by adding a QR sign-up.');
      await studio.getByRole('button', { name: 'Submit answer' }).click();
      await waitForStudioEvent(p, 'is-feedback', n + 1);
      if (n === 2) await studio.getByRole('button', { name: 'Next question' }).click();
    }
    await studio.getByRole('button', { name: 'Finish session' }).click();
    await studio.getByRole('heading', { name: 'Session complete' }).waitFor();
    found.push(...(await audit(p, 'summary')));

    // The free tier runs out: the pass view.
    await server.updateSettings({ freeTier: { questionSetsPerMonth: 0, feedbackPerMonth: 0 } });
    await studio.getByRole('button', { name: 'Practise again' }).click();
    await studio.getByLabel('Role').fill('Marketing assistant');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: /free practice/ }).waitFor();
    await studio.locator('[part~="pass-product"]').first().waitFor();
    found.push(...(await audit(p, 'pass-required')));
    const [checkout] = await Promise.all([p.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Week pass' }).click()]);
    await studio.getByRole('heading', { name: 'Waiting for your Week pass payment' }).waitFor();
    found.push(...(await audit(p, 'checkout-pending')));
    await checkout.close();
    await server.updateSettings({ freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 10 } });

    expect(found).toEqual([]);
    await p.context().close();
  }, 120_000);

  it('dark theme, right-to-left and the modal have no serious or critical violation', async () => {
    const found: string[] = [];
    const dark = await open('/test/a11y-dark', found, 'age-gate-dark');
    await dark.locator('interview-studio').getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    found.push(...(await audit(dark, 'home-dark')));
    await dark.locator('interview-studio').getByRole('button', { name: 'Start a new practice' }).click();
    await dark.locator('interview-studio').getByLabel('Role').waitFor();
    found.push(...(await audit(dark, 'setup-dark')));
    await dark.context().close();

    const rtl = await open('/test/a11y-rtl', found);
    await rtl.locator('interview-studio').getByRole('heading', { name: 'Votre préparation aux entretiens' }).waitFor();
    found.push(...(await audit(rtl, 'home-rtl-fr')));
    await rtl.context().close();

    const context = await newContext(browser, { reducedMotion: 'reduce' });
    const modal = await context.newPage();
    await recordStudioEvents(modal);
    await modal.goto(`${server.url}/demo/embed-modes`);
    await waitForStudioEvent(modal, 'is-ready', 2);
    await modal.getByRole('button', { name: 'Practise an interview' }).click();
    await modal.locator('interview-studio[mode="modal"] dialog[open]').waitFor();
    found.push(...(await audit(modal, 'modal-age-gate')));
    await confirmAge(modal.locator('interview-studio[mode="modal"]'));
    await modal.locator('interview-studio[mode="modal"]').getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    found.push(...(await audit(modal, 'modal')));
    await context.close();

    expect(found).toEqual([]);
  }, 60_000);
});
