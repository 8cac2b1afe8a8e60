import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness';

async function openLeadTools(context: BrowserContext, extensionId: string, tab: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/leads.html#${tab}`);
  await expect(page.getByTestId('lead-tools')).toHaveAttribute('data-role', 'lead');
  return page;
}

test('a lead saves a matrix with an error and sees it named, the draft kept; fixed, it saves', async ({ openSecondAgent, extensionId }) => {
  const lead = await openSecondAgent();
  const page = await openLeadTools(lead, extensionId, 'matrix');
  const review = page.getByTestId('field-thresholds.review');
  const hold = page.getByTestId('field-thresholds.hold');
  const original = { review: await review.inputValue(), hold: await hold.inputValue() };
  await review.fill('90');
  await hold.fill('80');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-errors')).toContainText('thresholds.review (90) must be below thresholds.hold (80)');
  await expect(page.locator('[data-path="thresholds.review"] [data-testid="field-error"]')).toBeVisible();
  await expect(review).toHaveValue('90');

  await hold.fill('95');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.getByTestId('field-thresholds.review')).toHaveValue('90');

  // Put the team's thresholds back: other specs share this backend and score orders with it.
  await page.getByTestId('field-thresholds.review').fill(original.review);
  await page.getByTestId('field-thresholds.hold').fill(original.hold);
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
});

test('two leads edit the same template: the second save shows the conflict and keeps the draft', async ({ openSecondAgent, extensionId }) => {
  const first = await openLeadTools(await openSecondAgent(), extensionId, 'templates');
  const second = await openLeadTools(await openSecondAgent(), extensionId, 'templates');
  for (const page of [first, second]) await page.getByTestId('library-item').filter({ hasText: 'Order delay apology' }).click();

  await first.getByTestId('field-body').fill('First lead: we are sorry, your order {{order.id}} is delayed.');
  await first.getByTestId('save').click();
  await expect(first.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const draft = 'Second lead: apologies, {{order.id}} ships tomorrow.';
  await second.getByTestId('field-body').fill(draft);
  await second.getByTestId('save').click();
  const conflict = second.getByTestId('save-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('First lead: we are sorry');
  await expect(conflict.getByTestId('conflict-mine')).toContainText(draft);
  await expect(second.getByTestId('field-body')).toHaveValue(draft);

  // Keeping the draft and saving again overwrites knowingly, against the version now seen.
  await second.getByTestId('conflict-keep-mine').click();
  await second.getByTestId('save').click();
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
});

test('an agent opening the lead tools sees only personal templates and a note', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/leads.html`);
  await expect(page.getByTestId('lead-tools')).toHaveAttribute('data-role', 'agent');
  await expect(page.getByTestId('agent-note')).toBeVisible();
  await expect(page.getByTestId('tab-matrix')).toHaveCount(0);
  await expect(page.getByTestId('library-item').filter({ hasText: 'My quick thanks' })).toBeVisible();
  await expect(page.getByTestId('library-item').filter({ hasText: 'Order delay apology' })).toHaveCount(0);
});
