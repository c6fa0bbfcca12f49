/**
 * The privacy panel against the real server, on the demo page (strict CSP), for a guest:
 * preferences save with the consent time shown, the export downloads one JSON document of
 * everything stored, restricting processing stores answers but produces no feedback (and the
 * widget says why and links to lifting it), and deletion, after a confirmation that says what
 * is deleted and what is kept, ends the account: its token stops working and this browser
 * forgets it.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../test-support/chromium.js';
import { openAsNewLearner, screenshot, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

const FIRST = 'At the student radio station I rebuilt the volunteer rota so that every show had a trained engineer, and missed broadcasts fell from five a term to none.';
const SECOND = 'When two committee members disagreed about the budget, I met each of them, wrote up both options with costs, and the committee chose one in a single meeting.';

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStudioServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('privacy panel', () => {
  it('saves preferences, exports JSON, explains a restriction and deletes the account after confirmation', async () => {
    const { context, page, errors, studio } = await openAsNewLearner(browser, `${server.url}/`, { acceptDownloads: true });

    // Something to export: one answer with feedback, one question left.
    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByLabel('Role').fill('Events coordinator');
    await studio.getByLabel('Number of questions').selectOption('3');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByLabel('Your answer').fill(FIRST);
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await waitForStudioEvent(page, 'is-feedback');

    await studio.getByRole('button', { name: 'Privacy', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your data and privacy' }).waitFor();
    await expect(studio.locator('[part~="privacy"]').innerText()).resolves.toMatch(/text only: it never records or processes audio, video or biometric data/);
    await screenshot(page, 'privacy-panel');

    // Preferences: saved, each with the time it was recorded.
    await studio.getByLabel('Send me news and offers by e-mail').check();
    await studio.getByLabel('Leave me out of product analytics').check();
    await studio.getByRole('button', { name: 'Save preferences' }).click();
    await studio.getByRole('status').filter({ hasText: 'Preferences saved.' }).waitFor();
    await studio.getByText(/^Consent given on .+\. Untick and save to withdraw it\.$/).waitFor();
    await studio.getByText(/^Opted out on .+\.$/).waitFor();
    const guestToken = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('interview-studio:guest:'))!;
      return (JSON.parse(localStorage.getItem(key)!) as { token: string }).token;
    });
    const learners = await server.store.forTenant(server.tenant.id).learners.list({ limit: 10 });
    expect(learners.items).toHaveLength(1);
    expect(learners.items[0]).toMatchObject({ guest: true, marketingConsentAt: expect.any(String), analyticsOptOutAt: expect.any(String) });
    await screenshot(page, 'privacy-preferences-saved');

    // Export: one JSON file, named for today, with what was written.
    const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Download my data' }).click()]);
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(download.suggestedFilename()).toBe(`interview-studio-export-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      schema: string;
      schemaVersion: number;
      sessions: { role: string }[];
      answers: { text: string; feedback: { overallScore: number } | null }[];
      preferences: { marketingEmails: { consented: boolean } };
    };
    expect(exported).toMatchObject({ schema: 'interview-studio/learner-export', schemaVersion: 1, preferences: { marketingEmails: { consented: true } } });
    expect(exported.sessions.map((s) => s.role)).toEqual(['Events coordinator']);
    expect(exported.answers.map((a) => a.text)).toEqual([FIRST]);
    expect(exported.answers[0]!.feedback?.overallScore).toEqual(expect.any(Number));

    // Restriction: the next answer is stored, but no feedback is produced; the widget says why.
    await studio.getByRole('button', { name: 'Restrict processing' }).click();
    await studio.locator('[part~="restricted"]').getByText('Processing of your data is restricted').waitFor();
    await screenshot(page, 'privacy-restricted');
    await studio.getByRole('button', { name: 'Home', exact: true }).click();
    await studio.getByRole('button', { name: 'Continue' }).click();
    await studio.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    await studio.getByLabel('Your answer').fill(SECOND);
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    const notice = studio.locator('[part~="restricted"]');
    await expect(notice.innerText()).resolves.toMatch(/restricted the processing of your data, so no questions, scores or feedback are produced\. Your answers and stories are still stored\./);
    await screenshot(page, 'privacy-restricted-feedback');
    const answers = await server.store.forTenant(server.tenant.id).answers.listForLearner(learners.items[0]!.id, { limit: 10 });
    expect(answers.items.map((a) => a.text).sort()).toEqual([FIRST, SECOND].sort());
    await notice.getByRole('button', { name: 'Open privacy settings' }).click();
    await studio.getByRole('button', { name: 'Lift the restriction' }).click();
    await studio.getByText('Your answers are scored and feedback is generated for you.').waitFor();

    // Deletion: the confirmation says what goes and what stays; then the account is gone.
    await studio.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = studio.getByRole('dialog', { name: 'Delete your account?' });
    await expect(dialog.innerText()).resolves.toMatch(
      /What is deleted[\s\S]*practice sessions, answers, feedback, scores[\s\S]*guest progress in this browser[\s\S]*within 30 days[\s\S]*What is kept[\s\S]*Records of purchases[\s\S]*link to you severed/,
    );
    await screenshot(page, 'privacy-delete-confirmation');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await studio.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    await screenshot(page, 'privacy-deleted');
    expect(await studio.locator('[part~="nav"]').count()).toBe(0);
    // This browser keeps no guest token, and the old one no longer works.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('interview-studio:guest:')))).toEqual([]);
    const me = await server.app.inject({ method: 'GET', url: '/trpc/learner.me', headers: { 'x-api-key': server.publishableKey, authorization: `Bearer ${guestToken}` } });
    expect(me.statusCode).toBe(401);
    expect((await server.store.forTenant(server.tenant.id).learners.list({ limit: 10 })).items).toEqual([]);

    // A reload starts afresh: a new guest, asked for their age again.
    await page.reload();
    await studio.getByRole('heading', { name: 'Before you start' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
