import { PANEL, expect, fixture, test } from './harness';

test('a clock that has run out offers no pause, only "no response needed"', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('zalando-cc-request').url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('sla-countdown')).toHaveAttribute('data-sla-state', 'breached');
  await expect(panel.getByTestId('sla-no-response')).toBeVisible();
  await expect(panel.getByTestId('sla-pause-buyer')).toHaveCount(0);
});

test('an agent pauses a message clock while waiting on the buyer, resumes it, and resolves the case', async ({ context }) => {
  const page = await context.newPage();
  // A reply the seller starts now: its 24-hour clock is running.
  await page.goto(fixture('amazon-de-contact-buyer').url);
  const panel = page.locator(PANEL);
  const clock = panel.getByTestId('sla-countdown');
  await expect(clock).toHaveAttribute('data-sla-state', 'ok');

  await panel.getByTestId('sla-pause-buyer').click();
  await expect(clock).toHaveAttribute('data-sla-state', 'paused');
  await expect(panel.locator('[data-testid="history-item"][data-event-type="sla"]').first()).toContainText('waiting for the buyer');

  await panel.getByTestId('sla-resume').click();
  await expect(clock).not.toHaveAttribute('data-sla-state', 'paused');

  await panel.getByTestId('case-resolve').click();
  await expect(panel.getByTestId('case-status')).toHaveAttribute('data-status', 'resolved');
  await expect(panel.locator('[data-testid="history-item"][data-event-type="status"]').first()).toContainText('Case resolved');
  await panel.getByTestId('case-reopen').click();
  await expect(panel.getByTestId('case-status')).toHaveAttribute('data-status', 'open');
});
