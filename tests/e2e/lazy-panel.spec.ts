import type { Page } from '@playwright/test';
import { PANEL, expect, fixture, test } from './harness';

/** The URLs of every script Chromium parsed in the page, extension scripts included. */
async function parsedScripts(page: Page): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url) urls.push(e.url);
  });
  await cdp.send('Debugger.enable');
  return () => urls;
}

test('a portal page that is not a work page loads only the small detector, never the panel', async ({ context }) => {
  const page = await context.newPage();
  const scripts = await parsedScripts(page);
  await page.goto(fixture('amazon-signin').url);
  await expect.poll(() => scripts().some((u) => u.endsWith('/content-scripts/seller-central.js'))).toBe(true);
  await page.waitForTimeout(500);
  expect(scripts().filter((u) => /\/panel-[a-z]+\.js$/.test(u))).toEqual([]);
  await expect(page.locator('caseside-panel')).toHaveCount(0);
});

test('a work page loads the panel script once, and SPA navigation reuses it', async ({ context }) => {
  const page = await context.newPage();
  const scripts = await parsedScripts(page);
  await page.goto(fixture('amazon-com-order-list').url);
  await expect(page.locator(PANEL)).toHaveAttribute('data-page-kind', 'order-list');
  await page.locator('a[href*="/orders-v3/order/"]').first().click();
  await expect(page.locator(PANEL)).toHaveAttribute('data-page-kind', 'order');
  // Seller Central's own panel script only: the zDirect adapter is never parsed there.
  expect(
    scripts()
      .filter((u) => /\/panel-[a-z]+\.js$/.test(u))
      .map((u) => u.replace(/^.*\//, '')),
  ).toEqual(['panel-amazon.js']);
});

test('the Dispute section is its own script, loaded by the worker only when the panel shows a dispute', async ({ context }) => {
  const page = await context.newPage();
  const scripts = await parsedScripts(page);
  const sectionScripts = () => scripts().filter((u) => u.endsWith('/panel-section-disputes.js'));
  await page.goto(fixture('amazon-com-order-list').url);
  await expect(page.locator(PANEL)).toHaveAttribute('data-page-kind', 'order-list');
  await page.locator('a[href*="/orders-v3/order/"]').first().click();
  await expect(page.locator(PANEL)).toHaveAttribute('data-page-kind', 'order');
  expect(sectionScripts()).toEqual([]);

  await page.goto(fixture('amazon-com-chargeback').url);
  await expect(page.locator(PANEL).getByTestId('dispute')).toBeVisible();
  expect(sectionScripts()).toHaveLength(1);
  // The section renders with the panel's Preact: its hooks run (the deadline counts down) and its controls answer.
  await expect(page.locator(PANEL).getByTestId('dispute-time-left')).not.toBeEmpty();
});
