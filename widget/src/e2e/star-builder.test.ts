/**
 * The STAR builder autosaves (saved / unsaved indicator), the story survives a reload, a save
 * from a stale tab is refused and resolved without losing either version, and a story can be
 * used in an answer.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../test-support/chromium.js';
import { openAsNewLearner, screenshot, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStudioServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('STAR builder', () => {
  it('autosaves, survives a reload, resolves a conflict and feeds an answer', async () => {
    const { context, page, errors, studio } = await openAsNewLearner(browser, `${server.url}/`);
    await studio.getByRole('button', { name: 'STAR stories', exact: true }).click();
    await studio.getByText('No stories yet.').waitFor();
    await studio.getByRole('button', { name: 'New story' }).first().click();
    const status = studio.locator('[part~="save-status"]');
    await expect(status.textContent()).resolves.toBe('Start typing to save');

    await studio.getByLabel('Title').fill('Rota crisis at the café');
    await expect(status.getAttribute('data-status')).resolves.toMatch(/unsaved|saving/);
    await studio.getByLabel('Situation').fill('Two of five staff called in sick on graduation weekend.');
    await studio.getByLabel('Task').fill('As shift lead I had to keep the café open without breaking break rules.');
    await studio.getByLabel('Action').fill('I rebuilt the rota in 20 minutes, closed the hot-food counter and asked the manager for one cover shift.');
    await studio.getByLabel('Result').fill('We served 340 customers, the longest queue was 8 minutes, and nobody missed a break.');
    await studio.locator('[part~="save-status"][data-status="saved"]').waitFor();
    await expect(status.textContent()).resolves.toBe('All changes saved');
    await screenshot(page, 'star-editor');

    // The story survives a reload (the guest keeps their token in this browser).
    await page.reload();
    await waitForStudioEvent(page, 'is-ready');
    await studio.getByRole('button', { name: 'STAR stories', exact: true }).click();
    await studio.getByRole('button', { name: 'Open Rota crisis at the café' }).click();
    await expect(studio.getByLabel('Result').inputValue()).resolves.toBe('We served 340 customers, the longest queue was 8 minutes, and nobody missed a break.');
    await expect(studio.getByLabel('Shows this skill').inputValue()).resolves.toBe('');

    // A second tab edits and saves first; this tab's next save is refused, not lost.
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    const otherStudio = other.locator('interview-studio');
    await otherStudio.getByRole('button', { name: 'STAR stories', exact: true }).click();
    await otherStudio.getByRole('button', { name: 'Open Rota crisis at the café' }).click();
    await otherStudio.getByLabel('Reflection').fill('Asking early for help beats heroics.');
    await otherStudio.locator('[part~="save-status"][data-status="saved"]').waitFor();
    await other.close();

    await studio.getByLabel('Reflection').fill('Plan for absence before the busy weekend.');
    await studio.locator('[part~="conflict"]').waitFor();
    await screenshot(page, 'star-conflict');
    await studio.getByRole('button', { name: 'Keep my version' }).click();
    await studio.locator('[part~="save-status"][data-status="saved"]').waitFor();

    // Coach suggestions, then use the story in an answer.
    await studio.getByRole('button', { name: 'Ask the coach' }).click();
    await studio.locator('[part~="suggestions"]').first().waitFor();
    await studio.getByRole('button', { name: 'Use in an answer' }).click();
    await studio.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await studio.getByLabel('Role').fill('Retail supervisor');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: /Question 1 of/ }).waitFor();
    await expect(studio.getByLabel('Your answer').inputValue()).resolves.toContain('Plan for absence before the busy weekend.');
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    await context.close();
  }, 60_000);
});
