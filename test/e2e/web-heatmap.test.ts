import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startWebHarness, type WebHarness } from '../support/web-harness.js';

/**
 * The dashboard's heatmap (issue #20) in a real headless Chromium against the real app in
 * playground mode with the demo organisation (HR's view): groups × eNPS and drivers, coloured
 * against the organisation, hidden cells marked, and each row opening to its trend per driver.
 */
let harness: WebHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startWebHarness();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${harness.base}/dashboard`);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.dispose();
});

/** A difference as the page prints it ("+12", "−3", "±0") as a number. */
const parseSigned = (text: string) => (text.startsWith('−') ? -1 : 1) * Number(text.replace(/[^\d]/g, ''));

describe('the heatmap in Chromium', () => {
  it('has a row per group and a column for eNPS and each driver asked', async () => {
    const heatmap = page.getByTestId('heatmap');
    await expect.poll(() => heatmap.count()).toBe(1);
    const headers = await heatmap.locator('thead th').allTextContents();
    expect(headers[0]).toBe('Group');
    expect(headers).toContain('eNPS');
    expect(headers.length).toBeGreaterThan(3);
    const rows = await Promise.all((await heatmap.locator('tbody tr[data-segment]').all()).map((tr) => tr.getAttribute('data-segment')));
    expect(rows[0]).toBe('org');
    expect(rows).toEqual(expect.arrayContaining(['engineering', 'people-legal']));
  });

  it('marks every cell of a group below the threshold hidden, with no number in it', async () => {
    const legal = page.locator('table.heatmap tr[data-segment="people-legal"]');
    const cells = legal.locator('td');
    expect(await cells.count()).toBeGreaterThan(1);
    expect(await legal.locator('td.heat-hidden').count()).toBe(await cells.count());
    expect(await cells.allTextContents()).toEqual(Array.from({ length: await cells.count() }, () => 'hidden'));
    expect(await legal.locator('[data-trend]').count()).toBe(0);
  });

  it('colours each shown cell by how far it is from the organisation, and prints the difference', async () => {
    const cells: { cls: string; column: string | null; delta: string | null }[] = [];
    for (const td of await page.locator('table.heatmap tr[data-segment]:not([data-segment="org"]) td[data-column]').all()) {
      const small = td.locator('small');
      cells.push({
        cls: (await td.getAttribute('class')) ?? '',
        column: await td.getAttribute('data-column'),
        delta: (await small.count()) > 0 ? await small.textContent() : null,
      });
    }
    expect(cells.length).toBeGreaterThan(5);
    let checked = 0;
    for (const cell of cells) {
      if (cell.delta === null) continue;
      const delta = parseSigned(cell.delta);
      const step = cell.column === 'enps' ? 10 : 5;
      const expected =
        delta <= -2 * step
          ? 'heat-much-lower'
          : delta <= -step
            ? 'heat-lower'
            : delta < step
              ? 'heat-same'
              : delta < 2 * step
                ? 'heat-higher'
                : 'heat-much-higher';
      // Rounding to whole points for print can move a difference across a step by at most 0.5.
      if (Math.abs(Math.abs(delta) - step) > 0.5 && Math.abs(Math.abs(delta) - 2 * step) > 0.5) {
        expect(cell.cls, `${cell.column} ${cell.delta}`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
    // The organisation's own row is its own reference: every difference is ±0.
    const org = await page.locator('table.heatmap tr[data-segment="org"] td small').allTextContents();
    expect(org.length).toBeGreaterThan(0);
    expect(new Set(org)).toEqual(new Set(['±0']));
  });

  it('opens a group to its trend per driver, one chart each, and closes it again', async () => {
    const button = page.locator('table.heatmap [data-trend="engineering"]');
    await button.click();
    const trend = page.locator('tr[data-trend-for="engineering"]');
    await expect.poll(() => trend.isVisible()).toBe(true);
    const figures = trend.locator('figure[data-driver]');
    expect(await figures.count()).toBeGreaterThan(1);
    expect(await figures.first().locator('svg polyline, svg circle').count()).toBeGreaterThan(0);
    expect(await figures.first().locator('figcaption').textContent()).toMatch(/% favourable in Engineering/);
    await page.getByTestId('heatmap').screenshot({ path: await screenshotPath('heatmap.png') });
    await button.click();
    await expect.poll(() => trend.isVisible()).toBe(false);
  });

  it('answers a drill-down only for a group the heatmap shows', async () => {
    expect((await fetch(`${harness.base}/dashboard/trend?segment=engineering`)).status).toBe(200);
    expect((await fetch(`${harness.base}/dashboard/trend?segment=people-legal`)).status).toBe(404);
    expect((await fetch(`${harness.base}/dashboard/trend?segment=no-such-group`)).status).toBe(404);
    expect((await fetch(`${harness.base}/dashboard/trend`)).status).toBe(404);
  });

  it('cuts the rows by remote work: a row per value, each shown, its label in the reader’s language, no drill-down', async () => {
    await page.locator('select[data-heatmap-by]').selectOption('remote');
    const table = page.locator('table.heatmap[data-by="remote"]');
    await expect.poll(() => table.count()).toBe(1);
    expect(page.url()).toMatch(/\?by=remote$/);
    expect((await table.locator('thead th').allTextContents())[0]).toBe('Remote');
    const rows = table.locator('tbody tr[data-value]');
    expect(await Promise.all((await rows.all()).map((tr) => tr.getAttribute('data-value')))).toEqual(['no', 'yes']);
    expect(await rows.locator('th').allTextContents()).toEqual(['On site', 'Remote']);
    expect(await table.locator('td.heat-hidden').count()).toBe(0);
    expect(await table.locator('td[data-column="enps"]').count()).toBe(2);
    expect(await table.locator('[data-trend]').count()).toBe(0);
    await page.getByTestId('heatmap').screenshot({ path: await screenshotPath('heatmap-by-remote.png') });
  });

  it('shows no location at all: every team sits in one place, so a location minus its teams would single people out', async () => {
    await page.locator('select[data-heatmap-by]').selectOption('location');
    const table = page.locator('table.heatmap[data-by="location"]');
    await expect.poll(() => table.count()).toBe(1);
    const cells = table.locator('tbody td');
    expect(await cells.count()).toBeGreaterThan(0);
    expect(await table.locator('td.heat-hidden').count()).toBe(await cells.count());
    await page.locator('select[data-heatmap-by]').selectOption('');
    await expect.poll(() => page.locator('table.heatmap:not([data-by]) tr[data-segment="engineering"]').count()).toBe(1);
  });

  it('refuses an attribute the results are not cut by with a 400 naming `by`', async () => {
    const response = await fetch(`${harness.base}/dashboard/view?by=shoe_size`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toMatch(/^by: results are cut by remote, location, tenure, not shoe_size$/);
  });
});
