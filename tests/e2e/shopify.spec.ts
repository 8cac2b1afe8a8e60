import type { Page } from '@playwright/test';
import { PANEL, expect, fixture, test } from './harness';

// The Shopify admin in real Chromium under its real hosts (admin.shopify.com and a shop's legacy
// *.myshopify.com/admin), against the demo backend: the panel reads the order, scores it, keeps its
// history, puts a template into the timeline's comment box, runs the dispute's clock from the
// chargeback banner, and follows the admin's client-side navigation. Dates are the pages' as saved.

const historyOf = (page: Page, type: string) => page.locator(PANEL).locator(`[data-testid="history-item"][data-event-type="${type}"]`);

test('an order page: the order read, scored, a template into the comment box as a staff note, kept in the history', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-en-risk-high').url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel).not.toHaveAttribute('data-state', /unrecognized|loading/);
  await expect(panel.getByTestId('order-id')).toHaveText('#1047');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Jordan Reyes');
  await expect(panel.getByTestId('marketplace')).toHaveAttribute('data-marketplace', 'SHOPIFY');
  await expect(panel.getByTestId('fraud-score')).toHaveText(/^\d{1,3}$/);
  // Shopify's own fraud analysis (high risk on this page) is one of the score's indicators, in its words.
  await expect(panel.locator('[data-testid="fraud-indicator"][data-indicator="portal_risk_high"]')).toContainText(
    "Shopify's fraud analysis rates this order high risk",
  );
  // An order has no deadline of the admin's own: no clock.
  await expect(panel.getByTestId('sla-countdown')).toHaveCount(0);

  const box = page.locator('#AppFrameMain textarea[aria-label="Leave a comment"]');
  const post = page.locator('#AppFrameMain form button[type="submit"]');
  await expect(post).toBeDisabled();
  await panel.getByTestId('template-search').fill('quick thanks');
  await panel.getByTestId('template-item').first().getByTestId('template-insert').click();
  await expect(panel.getByTestId('template-feedback')).toHaveAttribute('data-result', 'ok');
  await expect(box).toHaveValue(/^Thanks for reaching out, Jordan!/);
  // The admin's own listener saw the text: Post is enabled.
  await expect(post).toBeEnabled();
  await expect(historyOf(page, 'template_inserted').first()).toBeVisible();
});

test('an open chargeback banner: a chargeback page, the dispute recorded, its clock ending at the evidence due date', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-de-chargeback').url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'chargeback');
  await expect(panel.getByTestId('order-id')).toHaveText('#2318');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Felix Braun');
  const dispute = panel.getByTestId('dispute');
  await expect(dispute).toBeVisible();
  // "Reiche deine Antwort bis 8. Dezember 2026 um 19:00 ein": Shopify's due date binds before the card window.
  await expect(dispute).toHaveAttribute('data-deadline', '2026-12-08T18:00:00.000Z');
  await expect(dispute).toHaveAttribute('data-reason', 'not_received');
  const clock = panel.getByTestId('sla-countdown');
  await expect(clock).toHaveAttribute('data-deadline', '2026-12-08T18:00:00.000Z');

  // A template into the timeline of this order too, in its German comment box.
  await panel.getByTestId('template-search').fill('proof of delivery');
  await panel.getByTestId('template-item').first().getByTestId('template-insert').click();
  await expect(page.locator('textarea[aria-label="Kommentar hinterlassen"]')).toHaveValue(/^Order #2318 was delivered/);
});

test('an inquiry is a dispute page too; a won chargeback leaves an order page with no clock', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-en-gb-inquiry').url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'chargeback');
  await expect(panel.getByTestId('order-id')).toHaveText('HL-4471');
  await expect(panel.getByTestId('dispute')).toHaveAttribute('data-deadline', '2026-12-04T23:00:00.000Z');

  await page.goto(fixture('shopify-order-es-chargeback-won').url);
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel.getByTestId('order-id')).toHaveText('#3102');
  await expect(panel.getByTestId('dispute')).toHaveCount(0);
  await expect(panel.getByTestId('sla-countdown')).toHaveCount(0);
});

test('an editable comment composer takes a template, and the legacy admin host gets the panel', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-it-risk-none').url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('order-id')).toHaveText('#1731');
  await panel.getByTestId('template-search').fill('quick thanks');
  await panel.getByTestId('template-item').first().getByTestId('template-insert').click();
  const composer = page.locator('[role="textbox"][aria-label="Lascia un commento"]');
  await expect(composer).toHaveText(/^Thanks for reaching out, Giulia!/);
  await expect(page.getByRole('button', { name: 'Pubblica' })).toBeEnabled();

  await page.goto(fixture('shopify-legacy-order-fr-no-risk').url);
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel.getByTestId('order-id')).toHaveText('#1289');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Camille Rousseau');
});

test('client-side navigation: from the order list to an order and on to the next, and back, without a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-list-en').url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'order-list');
  // A reload would lose this.
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));

  await page.getByRole('link', { name: '#1052' }).click();
  await expect(page).toHaveURL(/\/orders\/5843217690777$/);
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel.getByTestId('order-id')).toHaveText('#1052');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Priya Shah');

  await page.getByRole('link', { name: 'Next order' }).click();
  await expect(page).toHaveURL(/\/orders\/5843217690801$/);
  await expect(panel.getByTestId('order-id')).toHaveText('#1053');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Marcus Bell');

  await page.goBack();
  await expect(panel.getByTestId('order-id')).toHaveText('#1052');
  await page.goBack();
  await expect(panel).toHaveAttribute('data-page-kind', 'order-list');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("the order page's own pager: one order to the next in place", async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('shopify-order-en-spa-switch').url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('order-id')).toHaveText('#1052');
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
  await page.getByRole('link', { name: 'Next order' }).click();
  await expect(panel.getByTestId('order-id')).toHaveText('#1053');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Marcus Bell');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
