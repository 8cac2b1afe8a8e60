import { signIn } from '../../scripts/lib/chromium';
import { DEMO_AGENT_TOKEN, PANEL, expect, fixture, test } from './harness';
import { chooseWithKeyboard, createWarehouseReceiver } from './handoff-receiver';

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

test("a receiver signed in to the extension answers from the extension's hand-off page, which follows new hand-offs without losing a draft; the agent's panel history shows the answer", async ({
  context,
  extensionId,
  backend,
}) => {
  test.setTimeout(120_000);
  const { token, warehouseId } = await createWarehouseReceiver(backend.url, 'Rita Receiver');
  // An order no other spec reads.
  const order = fixture('amazon-ie-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  const section = panel.getByTestId('handoff-section');
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await chooseWithKeyboard(section.getByTestId('handoff-team'), 'Warehouse');
  await section.getByTestId('handoff-question').fill('Did the Dublin parcel leave on Tuesday?');
  await expect(section.getByTestId('handoff-team')).not.toHaveValue('');
  await section.getByTestId('handoff-submit').click();
  await expect(section.locator('[data-testid="handoff-item"][data-status="open"]')).toContainText('Dublin parcel');

  // The receiver signs the extension in with their own token; the popup offers their hand-offs, not the queue.
  await signIn(context, extensionId, backend.url, token);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('popup-agent')).toContainText('Rita Receiver');
  await expect(popup.getByTestId('popup-open-handoffs')).toContainText(/Hand-offs to my teams \(\d+ open\)/);
  await expect(popup.getByTestId('queue-item')).toHaveCount(0);
  const [inbox] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('popup-open-handoffs').click()]);
  await expect(inbox).toHaveURL(`chrome-extension://${extensionId}/handoffs.html`);

  const card = inbox.locator('[data-testid="handoff-card"]').filter({ hasText: 'Dublin parcel' });
  await expect(card).toContainText(order.expected.orderId!);
  // No buyer personal data for the warehouse by default.
  expect(await inbox.locator('body').innerText()).not.toContain(order.expected.buyerName!);
  await card.getByTestId('handoff-answer').fill('Yes, An Post scanned it at 16:40');

  // A new hand-off arrives while the draft is half typed: the list follows it, the draft stays.
  const created = await fetch(`${backend.url}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_AGENT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      orderId: '171-0000000-0000001',
      handoffTeamId: warehouseId,
      question: 'Is the second parcel packed?',
      dueAt: inHours(3),
      idempotencyKey: `e2e_${Date.now()}_second`,
    }),
  });
  expect(created.status).toBe(201);
  await expect(inbox.locator('[data-testid="handoff-card"]').filter({ hasText: 'second parcel' })).toBeVisible({ timeout: 30_000 });
  await expect(inbox.getByTestId('handoff-announce')).toContainText('New hand-offs to your teams: 1');
  await expect(card.getByTestId('handoff-answer')).toHaveValue('Yes, An Post scanned it at 16:40');

  await card.getByTestId('handoff-send').click();
  await expect(card).toHaveAttribute('data-status', 'answered');
  await expect(card.getByTestId('handoff-answered')).toContainText('Yes, An Post scanned it at 16:40');

  // Back as the agent: the order's history in the panel shows the answer.
  await signIn(context, extensionId, backend.url, DEMO_AGENT_TOKEN);
  await page.reload();
  await expect(panel.locator('[data-testid="history-item"][data-event-type="handoff_answer"]').first()).toContainText('Yes, An Post scanned it at 16:40');
  await expect(section.locator('[data-testid="handoff-item"][data-status="answered"]')).toContainText('Yes, An Post scanned it at 16:40');
});
