import { readFile } from 'node:fs/promises';
import { DEMO_LEAD_TOKEN, PANEL, expect, fixture, test } from './harness';

/**
 * The disputes inbox (an extension page): a pre-dispute alert imported by the lead shows with its time
 * left, an agent opens it, reads the advice and answers it; the answer says what to report to the provider.
 */

const loaded = expect.configure({ timeout: 30_000 });

test('an agent answers a pre-dispute alert from the inbox, and the filter keeps to alerts', async ({ context, extensionId, backend }) => {
  // The lead imports an Ethoca alert received an hour ago (its 24-hour window is open).
  const alertId = `E-E2E-${Date.now()}`;
  const createdAt = new Date(Date.now() - 3_600_000).toISOString();
  const csv = [
    'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome',
    `${alertId},ethoca,CUSTOMERDISPUTE,${createdAt},89.90,EUR,SHOP-E2E-1,visa,,`,
  ].join('\n');
  const imported = await fetch(`${backend.url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/disputes.html`);
  const item = page.getByTestId('inbox-item').filter({ hasText: alertId });
  await loaded(item).toBeVisible();
  await expect(item).toHaveAttribute('data-stage', 'alert');
  await expect(item.getByRole('timer')).toContainText(/left/);

  // Only alerts once filtered.
  await page.getByTestId('inbox-filter-stage').selectOption('alert');
  await expect(item).toBeVisible();
  await expect
    .poll(async () => page.getByTestId('inbox-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-stage'))))
    .not.toContain('chargeback');
  expect(await page.getByTestId('inbox-item').evaluateAll((items) => items.every((i) => i.getAttribute('data-stage') === 'alert'))).toBe(true);

  // Open it: the advice for a cardholder dispute from an unknown buyer is a refund.
  await item.getByRole('button').click();
  const alert = page.getByTestId('inbox-alert');
  await loaded(alert).toContainText('Refund to prevent the chargeback');
  await page.getByTestId('inbox-answer-refund').click();
  await loaded(page.getByTestId('inbox-decision')).toContainText('Report RESOLVED to the alert provider.');
  // Answered and refunded: no longer waiting in the inbox.
  await expect(item).toHaveCount(0);
});

test("the popup's queue lists an alert by time left and opens it in the inbox", async ({ context, extensionId, backend }) => {
  const alertId = `E-POP-${Date.now()}`;
  const csv = [
    'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome',
    // Its window closes in 20 minutes: the first row of the queue, at risk.
    `${alertId},ethoca,FRAUD,${new Date(Date.now() - 3_600_000).toISOString()},42.00,EUR,SHOP-E2E-POP,visa,${new Date(Date.now() + 20 * 60_000).toISOString()},`,
  ].join('\n');
  const imported = await fetch(`${backend.url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.getByTestId('queue-item').filter({ hasText: 'SHOP-E2E-POP' });
  await loaded(row).toBeVisible();
  await expect(row.getByTestId('queue-dispute')).toHaveText(/^Alert · Ethoca €42\.00$/);
  await expect(row).toHaveAttribute('data-sla-state', 'warning');
  const disputeId = await row.getAttribute('data-dispute-id');
  expect(disputeId).toMatch(/^[0-9a-f-]{36}$/);

  const opened = context.waitForEvent('page');
  await row.getByRole('link').click();
  const inbox = await opened;
  await inbox.waitForLoadState();
  expect(inbox.url()).toBe(`chrome-extension://${extensionId}/disputes.html#dispute=${disputeId}`);
  await loaded(inbox.getByTestId('inbox-alert')).toBeVisible();
  await expect(inbox.getByTestId('inbox-answer-refund')).toBeVisible();
});

test("the order's panel lists its alert with the time left and opens it in the inbox", async ({ context, extensionId, backend }) => {
  const order = fixture('amazon-jp-order');
  const alertId = `E-PANEL-${Date.now()}`;
  const csv = [
    'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome',
    `${alertId},ethoca,CUSTOMERDISPUTE,${new Date(Date.now() - 3_600_000).toISOString()},4800,JPY,${order.expected.orderId},visa,${new Date(Date.now() + 6 * 3_600_000).toISOString()},`,
  ].join('\n');
  const imported = await fetch(`${backend.url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);

  const page = await context.newPage();
  await page.goto(order.url);
  const row = page.locator(PANEL).getByTestId('order-dispute').filter({ hasText: 'Ethoca' });
  await loaded(row).toBeVisible();
  await expect(row).toContainText('Alert · Ethoca');
  await expect(row.getByRole('timer')).toContainText(/[56] h \d{2} min left/);
  const disputeId = await row.getAttribute('data-dispute-id');

  const opened = context.waitForEvent('page');
  await row.getByRole('button').click();
  const inbox = await opened;
  await inbox.waitForLoadState();
  expect(inbox.url()).toBe(`chrome-extension://${extensionId}/disputes.html#dispute=${disputeId}`);
  await loaded(inbox.getByTestId('inbox-alert')).toBeVisible();
});

test("an agent opens a Stripe chargeback in the inbox and reviews Stripe's evidence body, then downloads it as JSON", async ({
  context,
  extensionId,
  backend,
}) => {
  const disputeId = `dp_E2E${Date.now()}`;
  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16).replace('T', ' ');
  const csv = [
    'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID,Evidence Due By (UTC),Order ID (metadata)',
    `${disputeId},${new Date().toISOString().slice(0, 16).replace('T', ' ')},49.99,eur,needs_response,product_not_received,ch_${disputeId},${due},SHOP-E2E-STRIPE`,
  ].join('\n');
  const imported = await fetch(`${backend.url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/disputes.html`);
  const item = page.getByTestId('inbox-item').filter({ hasText: disputeId });
  await loaded(item).toBeVisible();
  await item.getByRole('button').click();
  const part = page.getByRole('region', { name: 'Stripe evidence' });
  await loaded(part).toBeVisible();
  const toggle = part.getByTestId('stripe-evidence-toggle');
  await expect(toggle).toHaveText('Show the Stripe evidence');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await loaded(part.getByTestId('stripe-evidence-body')).toHaveAttribute('data-stripe-dispute', disputeId);
  // Nothing is known about the shipment yet: Stripe's first fields for "not received" are named as missing.
  await expect(part.getByTestId('stripe-evidence-missing')).toContainText('shipping_tracking_number');

  const download = page.waitForEvent('download');
  await part.getByTestId('stripe-evidence-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`stripe-evidence-${disputeId}.json`);
  const body = JSON.parse(await readFile(await file.path(), 'utf8')) as { submit: boolean };
  expect(body.submit).toBe(false);

  // Submitting is off until a lead stores a Stripe key: the backend's answer says what is missing, nothing is sent.
  await part.getByRole('button', { name: 'Save as a draft at Stripe' }).click();
  await loaded(part.getByTestId('stripe-submit-error')).toContainText('no Stripe API key is stored');
});
