import { PANEL, expect, fixture, test } from './harness';

test('the score and the indicators that fired render on an order page, with their evidence', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-de-order').url);
  const panel = page.locator(PANEL);
  const score = panel.getByTestId('fraud-score');
  await expect(score).toHaveText(/^\d{1,3}$/);
  // The demo team has three orders to this address under different names and a fraud flag there.
  await expect(score).toHaveAttribute('data-recommendation', 'hold');
  await expect(panel.locator('[data-testid="fraud-indicator"][data-indicator="velocity_address"]')).toContainText('302-2000001-0000001');
  await expect(panel.locator('[data-testid="fraud-indicator"][data-indicator="prior_fraud_flags"]')).toBeVisible();
});

test('a hold click is recorded with its reason and shows in the history for a second agent', async ({ context, openSecondAgent }) => {
  const order = fixture('amazon-com-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await panel.getByTestId('decision-reason').fill('Buyer asked to reroute to a forwarder');
  await panel.getByTestId('flag-hold').click();
  const decision = panel.locator('[data-testid="history-item"][data-event-type="decision"]').filter({ hasText: 'reroute to a forwarder' });
  await expect(decision).toHaveCount(1);
  await expect(panel.getByTestId('latest-decision')).toHaveAttribute('data-decision', 'hold');

  const lead = await openSecondAgent();
  const leadPage = await lead.newPage();
  await leadPage.goto(order.url);
  await expect(
    leadPage.locator(PANEL).locator('[data-testid="history-item"][data-event-type="decision"]').filter({ hasText: 'reroute to a forwarder' }),
  ).toHaveCount(1);
});

test('Alt+Shift+R records a release from the keyboard', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-jp-order').url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyR');
  await expect(panel.getByTestId('latest-decision')).toHaveAttribute('data-decision', 'release');
  await expect(panel.locator('[data-testid="history-item"][data-event-type="decision"]').first()).toBeVisible();
});
