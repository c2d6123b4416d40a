import { exitRequestId } from '../../src/store/documents/identity.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPersonKey } from '../../src/services/playground/seed-demo.js';
import { launchChromium, screenshotPath, startWebHarness, type WebHarness } from '../support/web-harness.js';

/**
 * The playground and the dashboard in a real headless Chromium (Debian's), against the real app
 * in playground mode on FerretDB with the demo organisation. The clock starts on Wednesday
 * 2026-11-18, so the round of Monday 2026-11-16 is open and its prompts have gone out.
 */
let harness: WebHarness;
let browser: Browser;

beforeAll(async () => {
  harness = await startWebHarness();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.dispose();
});

const KARI = demoPersonKey('kari-hansen'); // Engineering, has not answered this week's round
const OPEN_ROUND = 'pulse:2026-11-16';

/** The prompt cards of a chat (a comment's replies card, issue #19, is a card of its own). */
const promptCards = (page: Page) => page.getByTestId('card').filter({ hasText: 'Pulse survey' });

async function openChat(who: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${harness.base}/playground?person=${encodeURIComponent(who)}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** The first question of a rendered card that still has an input and a button. */
const openQuestion = (card: Locator) =>
  card
    .locator('.ac-container')
    .filter({ has: card.page().locator('.ac-pushButton') })
    .filter({ has: card.page().locator('.ac-input') })
    .last();

async function answerOne(card: Locator, comment: string): Promise<void> {
  const question = openQuestion(card);
  if ((await question.locator('textarea').count()) > 0) await question.locator('textarea').fill(comment);
  else if ((await question.locator('select').count()) > 0) await question.locator('select').selectOption('8');
  else if ((await question.locator('input[type=radio]').count()) > 0) await question.locator('input[type=radio]').nth(3).check();
  else await question.locator('input[type=checkbox]').first().check();
  await question.locator('.ac-pushButton').first().click();
}

async function answerData(): Promise<string> {
  const { collections } = harness.app.database;
  const docs = [
    ...(await collections.responses.find({}).toArray()),
    ...(await collections.comments.find({}).toArray()),
    ...(await collections.counters.find({}).toArray()),
  ];
  return JSON.stringify(docs);
}

describe('web playground in Chromium', () => {
  it('an employee answers the rendered Adaptive Card: each answer is recorded without any link to them, and the card updates in place', async () => {
    const page = await openChat(KARI);
    const card = promptCards(page).last();
    await expect.poll(() => card.locator('.ac-pushButton').count()).toBeGreaterThan(0);
    await expect(card.textContent()).resolves.toContain('Pulse survey');
    const questions = await card.locator('.ac-pushButton').count();
    const before = await harness.app.deps.store.counters.roundTotals(OPEN_ROUND);
    const responsesBefore = await harness.app.database.collections.responses.countDocuments({ roundId: OPEN_ROUND });

    await answerOne(card, 'Fewer meetings, please.');
    // Under a full test run an answer's round trip and redraw can take well over a second.
    await expect.poll(() => card.locator('.ac-pushButton').count(), { timeout: 10_000 }).toBe(questions - 1);
    await expect(card.textContent()).resolves.toContain('Answered');
    // The first answer makes Kari a respondent; the counters say so, without naming her.
    expect((await harness.app.deps.store.counters.roundTotals(OPEN_ROUND)).respondents).toBe(before.respondents + 1);

    for (let left = questions - 1; left > 0; left--) {
      await answerOne(card, 'Fewer meetings, please.');
      await expect.poll(() => card.locator('.ac-pushButton').count(), { timeout: 10_000 }).toBe(left - 1);
    }
    await expect(card.textContent()).resolves.toContain('All done. Thank you for taking part!');
    const responsesAfter = await harness.app.database.collections.responses.countDocuments({ roundId: OPEN_ROUND });
    expect(responsesAfter).toBeGreaterThan(responsesBefore);
    const comment = await harness.app.database.collections.comments.findOne({ roundId: OPEN_ROUND, text: 'Fewer meetings, please.' });
    expect(comment).not.toBeNull();
    expect(Object.keys(comment ?? {}).sort()).toEqual(['_id', 'questionId', 'roundDate', 'roundId', 'segment', 'text']);
    // Nothing on the answer side names her, in any form.
    const stored = await answerData();
    expect(stored).not.toContain('kari-hansen');
    expect(stored).not.toContain('web:local');

    // A reload rebuilds the card from the round and the ledger: still answered, nothing to click.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => promptCards(page).last().textContent()).toContain('All done');
    expect(await promptCards(page).last().locator('.ac-pushButton').count()).toBe(0);
    await page.close();
  });

  it('the dashboard shows live participation that changes when an answer arrives, and hides the team under the threshold', async () => {
    const dashboard = await browser.newPage();
    await dashboard.goto(`${harness.base}/dashboard`);
    await dashboard.waitForSelector('body[data-ready="true"]');
    const live = dashboard.getByTestId('live');
    const liveText = async () => (await live.textContent()) ?? '';
    const respondents = async () => Number(/: (\d+) of 40/.exec(await liveText())?.[1]);
    const first = await respondents();
    expect(first).toBeGreaterThanOrEqual(5);

    // Someone else answers in another tab: the dashboard updates by itself (server-sent events).
    const chat = await openChat(demoPersonKey('lars-johansen'));
    const card = chat.getByTestId('card').last();
    await expect.poll(() => card.locator('.ac-pushButton').count()).toBeGreaterThan(0);
    await answerOne(card, 'ok');
    await expect.poll(respondents, { timeout: 10_000 }).toBe(first + 1);

    // People & Legal has 3 people: it is named, but shows no number at all.
    const legal = dashboard.getByTestId('segments').locator('tr[data-segment="people-legal"]');
    await expect(legal.textContent()).resolves.toContain('Not shown, to protect anonymity');
    expect(await legal.textContent()).not.toMatch(/\d/);
    const engineering = dashboard.getByTestId('segments').locator('tr[data-segment="engineering"]');
    await expect(engineering.textContent()).resolves.toMatch(/\d+\/12/);
    // Every number in the JSON behind it passed the same rule.
    const data = (await (await fetch(`${harness.base}/dashboard/data`)).json()) as {
      latest: { segments: { segment: string; visible: boolean; respondents: number | null }[] };
    };
    const hidden = data.latest.segments.filter((s) => !s.visible);
    expect(hidden.map((s) => s.segment)).toContain('people-legal');
    expect(hidden.every((s) => s.respondents === null)).toBe(true);
    expect(data.latest.segments.filter((s) => s.visible).every((s) => (s.respondents ?? 0) >= 5)).toBe(true);
    // Last quarter's six leavers are pooled: shown for the organisation only (no department has 5).
    const text = (await dashboard.getByTestId('dashboard').textContent()) ?? '';
    expect(text).toContain('2026-Q3: 6 leavers');
    expect(text).toContain('I will miss the team!');
    expect(text).not.toMatch(/per-moen|Per Moen/);
    await dashboard.screenshot({ path: await screenshotPath('dashboard.png'), fullPage: true });
    await chat.close();
    await dashboard.close();
  });

  it('HR sends an exit survey from the chat, the leaver gets it, and a leader asks for results', async () => {
    const hr = await openChat(demoPersonKey('hannah-hr'));
    await hr.getByTestId('say-input').fill('exit-survey samuel-lee@example.com');
    await hr.getByTestId('say-send').click();
    // Asked at 07:00 in New York on the 18th: the next day at 10:00 their time.
    await expect
      .poll(() => hr.getByTestId('messages').textContent())
      .toContain('Exit survey for samuel-lee@example.com scheduled for 2026-11-19 at 10:00 their time (America/New_York)');

    // An employee may not.
    const employee = await openChat(KARI);
    await employee.getByTestId('say-input').fill('exit-survey ruth-evans@example.com');
    await employee.getByTestId('say-send').click();
    await expect.poll(() => employee.getByTestId('messages').textContent()).toContain('Sorry, only HR and admins can do that. Nothing was sent.');
    expect(await harness.app.database.collections.eventRequests.countDocuments({ _id: exitRequestId(demoPersonKey('ruth-evans')) })).toBe(0);

    // Not before its time; after 10:00 in New York on the 19th the leaver has the exit survey card.
    const leaver = await openChat(demoPersonKey('samuel-lee'));
    await hr.getByTestId('ff-day').click();
    await expect.poll(() => hr.getByTestId('ff-status').textContent(), { timeout: 30_000 }).toContain('2026-11-19 12:00');
    expect(await leaver.getByTestId('messages').textContent()).not.toContain('Exit survey');
    await hr.getByTestId('ff-day').click();
    await expect.poll(() => hr.getByTestId('ff-status').textContent(), { timeout: 30_000 }).toContain('2026-11-20 12:00');
    await expect.poll(() => leaver.getByTestId('messages').textContent(), { timeout: 10_000 }).toContain('Exit survey');

    const leader = await openChat(demoPersonKey('ingrid-berg'));
    await leader.getByTestId('say-input').fill('results');
    await leader.getByTestId('say-send').click();
    await expect.poll(() => leader.getByTestId('messages').textContent()).toMatch(/Engineering[\s\S]*\d+ of 12 answered/);
    const text = (await leader.getByTestId('messages').textContent()) ?? '';
    expect(text).not.toContain('Sales');

    await employee.getByTestId('say-input').fill('results');
    await employee.getByTestId('say-send').click();
    await expect.poll(() => employee.getByTestId('messages').textContent()).toContain('Results are for leaders, HR and admins.');
    for (const page of [hr, employee, leaver, leader]) await page.close();
  });

  it('fast-forward closes the open round and opens the next: old cards close, new prompts arrive, the dashboard moves on', async () => {
    const page = await openChat(KARI);
    await page.getByTestId('ff-week').click();
    await expect
      .poll(() => page.getByTestId('ff-status').textContent(), { timeout: 30_000 })
      .toMatch(/1 round\(s\) opened, 1 closed, .* and [1-9]\d* weekly summary\(ies\) sent/);
    const closed = await harness.app.deps.store.rounds.get(OPEN_ROUND);
    expect(closed?.state).toBe('closed');
    const next = await harness.app.deps.store.rounds.get('pulse:2026-11-23');
    expect(next?.state).toBe('open');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('This survey has closed. Thank you!');
    await expect.poll(() => promptCards(page).count()).toBe(2);
    await expect.poll(() => promptCards(page).last().locator('.ac-pushButton').count()).toBeGreaterThan(0);

    const dashboard = await browser.newPage();
    await dashboard.goto(`${harness.base}/dashboard`);
    await dashboard.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => dashboard.getByTestId('dashboard').textContent()).toContain('Latest closed round (2026-11-16)');
    await page.screenshot({ path: await screenshotPath('playground.png'), fullPage: true });

    // On Monday at 08:00 their time the leaders got the weekly summary, chart and all; employees did not.
    const leader = await openChat(demoPersonKey('ingrid-berg'));
    await expect.poll(() => leader.getByTestId('messages').textContent()).toContain('Weekly summary: Pulse, round of 2026-11-16');
    await expect.poll(() => leader.locator('img.chart').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('messages').textContent()).not.toContain('Weekly summary');
    await leader.screenshot({ path: await screenshotPath('leader-summary.png'), fullPage: true });
    await leader.close();
    await dashboard.close();
    await page.close();
  });

  it('two fast-forwards at once (a double click) run one after the other: the clock only moves on, by both', async () => {
    const start = harness.clock.now();
    const post = (hours: number) =>
      fetch(`${harness.base}/web/api/fast-forward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours }) });
    const [week, hour] = await Promise.all([post(168), post(1)]);
    expect([week.status, hour.status]).toEqual([200, 200]);
    expect(harness.clock.now().diff(start, 'hours').hours).toBe(169);
  }, 120_000);
});
