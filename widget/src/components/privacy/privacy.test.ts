import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';
import { exportFileName } from './download.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('privacy view', () => {
  it('explains what is stored, AI processing, text only and the tenant’s minimum age', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' }, tenant: 'harbour' });
    const panel = page.locator('interview-studio').locator('[part~="privacy"]');
    await expect(panel.innerText()).resolves.toMatch(/What is stored[\s\S]*not used to train AI models[\s\S]*text only[\s\S]*aged 18 or over/);
    expect(await panel.getByText('Practising as a guest').count()).toBe(0);
    await expect(page.locator('interview-studio').locator('[part~="disclaimer"]').textContent()).resolves.toContain('no standing with any employer');
  });

  it('tells a guest their progress lives in this browser', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' }, fixture: { learner: { guest: true } } });
    await page.locator('interview-studio').getByText('Practising as a guest').waitFor();
  });

  it('says nothing is stored before the first use (no account yet)', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' }, fixture: { privacy: { noAccount: true } } });
    await page.locator('interview-studio').getByText('Nothing is stored about you yet', { exact: false }).waitFor();
    expect(await page.locator('interview-studio').getByRole('button', { name: 'Download my data' }).count()).toBe(0);
  });

  it('restricts processing, explains what that means, and lifts it', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Restrict processing' }).click();
    await studio.locator('[part~="restricted"]').getByText('Processing of your data is restricted').waitFor();
    await studio.getByText(/^Restricted since .+ Your data is kept, but nothing is scored or generated/).waitFor();
    await studio.getByRole('button', { name: 'Lift the restriction' }).click();
    await studio.getByText('Your answers are scored and feedback is generated for you.').waitFor();
    expect(await studio.locator('[part~="restricted"]').count()).toBe(0);
    expect(await page.evaluate(() => window.harness.api!.calls.filter((c) => c === 'restrict' || c === 'unrestrict'))).toEqual(['restrict', 'unrestrict']);
  });

  it('saves preferences and shows when consent was given', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' } });
    const studio = page.locator('interview-studio');
    await studio.getByText('No consent given.', { exact: false }).waitFor();
    await studio.getByLabel('Send me news and offers by e-mail').check();
    await studio.getByLabel('Leave me out of product analytics').check();
    await studio.getByRole('button', { name: 'Save preferences' }).click();
    await studio.getByText('Preferences saved.').waitFor();
    await studio.getByText(/^Consent given on .+\d{2}:\d{2}\. Untick and save to withdraw it\.$/).waitFor();
    await studio.getByText(/^Opted out on /).waitFor();
    expect(await page.evaluate(() => window.harness.api!.state.privacy)).toMatchObject({ marketingConsent: true, analyticsOptOut: true });
  });

  it('corrects name and e-mail, refusing an e-mail that is not one', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' } });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Name').fill('Sam Okafor');
    await studio.getByLabel('E-mail address').fill('not-an-email');
    await studio.getByRole('button', { name: 'Save details' }).click();
    await studio.getByText('Enter an e-mail address such as name@example.com, or leave it empty.').waitFor();
    await studio.getByLabel('E-mail address').fill('sam@example.org');
    await studio.getByRole('button', { name: 'Save details' }).click();
    await studio.getByText('Details saved.').waitFor();
    await studio.getByText(/^Last corrected on /).waitFor();
    expect(await page.evaluate(() => window.harness.api!.state.privacy.profile)).toMatchObject({ name: 'Sam Okafor', email: 'sam@example.org' });
  });

  it('downloads everything as interview-studio-export-YYYY-MM-DD.json', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' } });
    const studio = page.locator('interview-studio');
    const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toBe(exportFileName(new Date()));
    expect(download.suggestedFilename()).toMatch(/^interview-studio-export-\d{4}-\d{2}-\d{2}\.json$/);
    const body = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { schemaVersion: number; profile: { externalId: string } };
    expect(body).toMatchObject({ schemaVersion: 1, profile: { externalId: 'student-42' } });
  });

  it('deletes the account after a confirmation that says what is deleted and what is kept', async () => {
    const { page } = await h.mount({ view: { name: 'privacy' }, fixture: { learner: { guest: true } } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = studio.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toMatch(
      /What is deleted[\s\S]*practice sessions, answers, feedback[\s\S]*guest progress[\s\S]*within 30 days[\s\S]*What is kept[\s\S]*Records of purchases[\s\S]*link to you severed/,
    );
    // Keeping the account closes the dialog and deletes nothing.
    await dialog.getByRole('button', { name: 'Keep my account' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.harness.api!.state.deleted)).toBe(false);

    await studio.getByRole('button', { name: 'Delete my account…' }).click();
    await studio.getByRole('dialog').getByRole('button', { name: 'Delete my account' }).click();
    await studio.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    expect(await page.evaluate(() => window.harness.api!.state.deleted)).toBe(true);
    expect(await studio.locator('[part~="nav"]').count()).toBe(0);
    expect(await page.evaluate(() => window.harness.element!.currentView)).toBe('closed');
  });

  it('explains a restricted learner’s missing feedback and links to lifting the restriction', async () => {
    const { page } = await h.mount({
      session: { input: { role: 'Analyst', seniority: 'junior', interviewType: 'behavioural', questionCount: 2, mode: 'practice' }, options: { answered: 1, feedback: 'pending' }, view: 'feedback' },
      fixture: { privacy: { restricted: true } },
    });
    const studio = page.locator('interview-studio');
    const notice = studio.locator('[part~="restricted"]');
    await expect(notice.innerText()).resolves.toMatch(/Processing of your data is restricted[\s\S]*no questions, scores or feedback are produced\. Your answers and stories are still stored\./);
    await notice.getByRole('button', { name: 'Open privacy settings' }).click();
    await studio.getByRole('heading', { name: 'Your data and privacy' }).waitFor();
    await studio.getByRole('button', { name: 'Lift the restriction' }).click();
    await studio.getByText('Your answers are scored and feedback is generated for you.').waitFor();
  });
});
