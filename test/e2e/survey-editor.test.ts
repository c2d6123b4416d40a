import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startWebHarness, type WebHarness } from '../support/web-harness.js';

/**
 * The survey editor on the dashboard (issue #17), in a real headless Chromium against the real
 * app in playground mode: HR starts from a template, edits the document, sees the prompt as Slack
 * and Teams will show it in each language, is told what is wrong, saves, and pauses.
 */
let harness: WebHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startWebHarness({ now: '2026-11-18T12:00:00Z' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  await page.goto(`${harness.base}/dashboard/surveys`);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.dispose();
});

/** Waits for a preview newer than `after` (the page numbers them) that came back valid. */
const previewed = (after: string) => page.waitForSelector(`body[data-preview]:not([data-preview="${after}"]):not([data-preview="invalid"])`);
const previewNumber = async () => (await page.locator('body').getAttribute('data-preview')) ?? '';

describe('the survey editor in Chromium', () => {
  it('lists the surveys, with the demo organisation’s own and the built-in pulse', async () => {
    const list = page.getByTestId('surveys');
    await expect.poll(() => list.textContent()).toContain('Workplace check (workplace-check)');
    expect(await list.textContent()).toContain('Pulse (pulse)');
  });

  it('starts from a template and previews its first round in Slack (Block Kit as HTML) and in Teams (the Adaptive Card), in each language', async () => {
    await page.getByTestId('template-wellbeing').click();
    await previewed('');
    expect(await page.getByTestId('document').inputValue()).toContain('id: my-wellbeing');
    const slack = page.getByTestId('slack-preview');
    expect(await slack.locator('.bk-header').textContent()).toBe('Wellbeing');
    expect(await slack.locator('.bk-button').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('teams').locator('.ac-adaptiveCard').count()).toBe(1);
    const english = await page.getByTestId('teams').textContent();

    const before = await previewNumber();
    await page.getByTestId('language').selectOption('nb');
    await previewed(before);
    const norwegian = await page.getByTestId('teams').textContent();
    expect(norwegian).not.toBe(english);
    expect(norwegian).toContain('anonyme');
    await page.screenshot({ path: await screenshotPath('survey-editor-preview.png'), fullPage: true });
  });

  it('a mistake is shown with its path as it is typed, and saving it is refused', async () => {
    const text = await page.getByTestId('document').inputValue();
    await page.getByTestId('document').fill(text.replace(/weekday: \d/, 'weekday: 9'));
    await page.waitForSelector('body[data-preview="invalid"]');
    expect(await page.getByTestId('issues').textContent()).toContain('trigger.weekday: is 1 (Monday) to 7 (Sunday)');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Not saved yet: fix these first.');
    expect(await harness.app.database.collections.surveys.countDocuments({ _id: 'my-wellbeing' })).toBe(0);
    await page.getByTestId('document').fill(text);
    await previewed('invalid');
  });

  it('saves the survey through the survey service, which then lists it; pause and resume work from the list', async () => {
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Saved: Wellbeing.');
    const stored = await harness.app.database.collections.surveys.findOne({ _id: 'my-wellbeing' });
    expect(stored?.document?.name).toBe('Wellbeing');
    await expect.poll(() => page.getByTestId('surveys').textContent()).toContain('Wellbeing (my-wellbeing): active');

    await page.getByTestId('pause-my-wellbeing').click();
    await expect.poll(async () => (await harness.app.database.collections.surveys.findOne({ _id: 'my-wellbeing' }))?.active).toBe(false);
    await expect.poll(() => page.getByTestId('surveys').textContent()).toContain('Wellbeing (my-wellbeing): paused');
    await page.getByTestId('resume-my-wellbeing').click();
    await expect.poll(async () => (await harness.app.database.collections.surveys.findOne({ _id: 'my-wellbeing' }))?.active).toBe(true);
  });

  it('refuses a state change that does not come from the page (another origin)', async () => {
    const response = await fetch(`${harness.base}/dashboard/surveys/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ id: 'my-wellbeing', action: 'archive' }),
    });
    expect(response.status).toBe(403);
    expect((await harness.app.database.collections.surveys.findOne({ _id: 'my-wellbeing' }))?.archived).toBe(false);
  });
});
