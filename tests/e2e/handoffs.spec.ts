import { PANEL, expect, fixture, test } from './harness';
import { chooseWithKeyboard, createWarehouseReceiver, launchPlainBrowser } from './handoff-receiver';

test('an agent hands an order to the warehouse; the receiver answers in the web page without the extension; the answer arrives live in the panel', async ({
  context,
  backend,
}) => {
  const { token } = await createWarehouseReceiver(backend.url, 'Wendy Warehouse');
  const order = fixture('amazon-de-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  const section = panel.getByTestId('handoff-section');
  await expect(section.getByTestId('handoff-team')).toBeVisible();
  // The async page settles (its context, then the fresh panel answer) before the hand-off is written.
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await chooseWithKeyboard(section.getByTestId('handoff-team'), 'Warehouse');
  await section.getByTestId('handoff-question').fill('Was parcel 302-1234567 scanned out on Monday?');
  await expect(section.getByTestId('handoff-team')).not.toHaveValue('');
  await section.getByTestId('handoff-submit').click();
  await expect(section.locator('[data-testid="handoff-item"][data-status="open"]')).toContainText('scanned out on Monday');
  await expect(panel.locator('[data-testid="history-item"][data-event-type="handoff"]').first()).toContainText('Handed off to Warehouse');

  const browser = await launchPlainBrowser();
  try {
    const web = await browser.newPage();
    const cspErrors: string[] = [];
    web.on('console', (m) => m.type() === 'error' && cspErrors.push(m.text()));
    await web.goto(`${backend.url}/handoffs`);
    await web.getByTestId('handoff-token').fill(token);
    await web.getByRole('button', { name: 'Sign in' }).click();
    await expect(web.getByTestId('handoff-signed-in')).toContainText('Wendy Warehouse');
    // The token lives in this tab's sessionStorage, never in the address.
    expect(web.url()).not.toContain(token);
    const card = web.locator('[data-testid="handoff-card"]').filter({ hasText: 'scanned out on Monday' });
    await expect(card).toContainText('302-1234567-1234567');
    // No buyer personal data by default: the fixture's buyer name is nowhere on the page.
    expect(await web.locator('body').innerText()).not.toContain(order.expected.buyerName!);
    await card.getByTestId('handoff-answer').fill('Yes, DHL scanned it at 09:12.');
    await card.getByTestId('handoff-send').click();
    await expect(card).toHaveAttribute('data-status', 'answered');
    expect(cspErrors).toEqual([]);
  } finally {
    await browser.close();
  }

  // Live: no reload of the portal page.
  await expect(panel.locator('[data-testid="history-item"][data-event-type="handoff_answer"]').first()).toContainText('Yes, DHL scanned it at 09:12.');
  await expect(section.getByTestId('handoff-notice')).toContainText('Warehouse answered your hand-off.');
  await expect(section.locator('[data-testid="handoff-item"][data-status="answered"]')).toContainText('Yes, DHL scanned it at 09:12.');
});
