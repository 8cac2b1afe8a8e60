import { PANEL, expect, fixture, test } from './harness';
import { launchWithExtension } from '../../scripts/lib/chromium';

test('signs in through the options page and shows the backend case on a sandbox order page', async ({ context }) => {
  const order = fixture('amazon-de-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel.getByTestId('order-id')).toHaveText('302-1234567-1234567');
  await expect(panel.getByTestId('buyer-name')).toHaveText('Max Mustermann');
  await expect(panel.getByTestId('marketplace')).toHaveAttribute('data-marketplace', 'DE');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  // The demo seed holds history for this order: the case record comes from the backend.
  await expect(panel.getByTestId('case-history').getByTestId('history-item').first()).toBeVisible();
});

test('the token never reaches the portal page or its storage', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-de-order').url);
  await expect(page.locator(PANEL).getByTestId('order-id')).toHaveText('302-1234567-1234567');
  const html = await page.content();
  expect(html).not.toContain('demo-agent-token');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(storage).not.toContain('demo-agent-token');
});

test('a signed-out extension says so on the panel', async ({ sandbox }) => {
  const { context } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
  try {
    const page = await context.newPage();
    await page.goto(fixture('amazon-com-order').url);
    const panel = page.locator(PANEL);
    await expect(panel).toHaveAttribute('data-state', 'signed-out');
    await expect(panel.getByTestId('order-id')).toHaveText('111-2223334-4445556');
  } finally {
    await context.close();
  }
});

test('the options page refuses a wrong token with a clear message', async ({ sandbox, backend }) => {
  const { context, extensionId } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByTestId('backend-url').fill(backend.url);
    await page.getByTestId('api-token').fill('not-a-real-token');
    await page.getByTestId('sign-in').click();
    await expect(page.getByTestId('sign-in-status')).toHaveAttribute('data-status', 'error');
    await expect(page.getByTestId('sign-in-status')).toContainText('token');
  } finally {
    await context.close();
  }
});
