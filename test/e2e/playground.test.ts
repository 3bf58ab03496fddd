import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, startLocalStack, type LocalStack } from './stack';

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'e2e');
const README_SHOT = path.resolve(__dirname, 'screenshots', 'help-card.png');
const EDITOR = '[data-lexical-editor="true"][role="textbox"]';
// The Playground's Teams client is in English, so the bot answers in English.
const HELP_TITLE = /What you can do here|Det här kan du göra här/;

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startLocalStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Help cards rendered by the Adaptive Cards renderer (the first element's id is the card kind). */
function helpCards(page: Page): Locator {
  return page.locator('.ac-adaptiveCard').filter({ hasText: HELP_TITLE });
}

describe('the bot in the Agents Playground', () => {
  it('answers "hjälp" in personal chat with the help card', async () => {
    const page = await openPage(browser, stack.playgroundUrl);
    const editor = page.locator(EDITOR).last();
    await editor.waitFor({ timeout: 60_000 });
    // Installing the bot already greets with the help card; wait for it so the count is stable.
    await helpCards(page).first().waitFor({ timeout: 30_000 });
    const before = await helpCards(page).count();
    await editor.click();
    await page.keyboard.type('hjälp');
    await page.keyboard.press('Enter');
    await expect.poll(() => helpCards(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const card = helpCards(page).last();
    expect(await card.getByText('help', { exact: true }).first().isVisible()).toBe(true);
    expect(await card.getByText('consent', { exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'personal-help.png') });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: README_SHOT });
    await page.close();
  });

  it('answers "@bot help" in a channel, and only when mentioned', async () => {
    const page = await openPage(browser, stack.playgroundUrl);
    await page.getByText('General', { exact: true }).click();
    const editor = page.locator(EDITOR).first();
    await editor.waitFor({ timeout: 30_000 });
    await helpCards(page).first().waitFor({ timeout: 30_000 });
    const before = await helpCards(page).count();

    // Without a mention the bot stays silent.
    await editor.click();
    await page.keyboard.type('help');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText('help', { exact: true }).last().waitFor();
    await page.waitForTimeout(1500);
    expect(await helpCards(page).count()).toBe(before);

    // With a mention, picked from the Playground's mention list, it answers.
    await editor.click();
    await page.keyboard.type('@Te');
    await page.getByRole('option', { name: /Test Bot/ }).or(page.locator('[role="listbox"] >> text=Test Bot')).first().click();
    await page.keyboard.type(' help');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => helpCards(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(SHOTS, 'channel-help.png') });
    await page.close();
  });
});
