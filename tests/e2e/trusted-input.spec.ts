import type { Locator, Page } from '@playwright/test';
import { PANEL, expect, fixture, test } from './harness';

// A script on the portal page shares the DOM with the panel. It must not be able to act as the
// signed-in agent: every click and key it dispatches (isTrusted false) is ignored; the agent's own work.

const decisions = (panel: Locator) => panel.locator('[data-testid="history-item"][data-event-type="decision"]');

/** Runs in the page's main world, as the portal's own scripts do. */
async function pressPanelFromPageScript(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('caseside-panel')!.shadowRoot!;
    const reason = root.querySelector<HTMLInputElement>('[data-testid="decision-reason"]')!;
    reason.value = 'written by the page';
    reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[data-testid="flag-fraud"]')!.click();
    root.querySelector('[data-testid="flag-hold"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[data-testid="flag-release"]')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[data-testid="flag-release"]')!.click();
    for (const code of ['KeyH', 'KeyR', 'KeyF', 'KeyC', 'KeyT']) {
      const init = { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
      window.dispatchEvent(new KeyboardEvent('keydown', init));
      document.body.dispatchEvent(new KeyboardEvent('keydown', init));
      reason.dispatchEvent(new KeyboardEvent('keydown', init));
    }
  });
}

test("clicks and keys dispatched by the portal page record nothing; the agent's own click and keys do", async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-europe-missing-fields-order').url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'synced');
  const before = await decisions(panel).count();

  await pressPanelFromPageScript(page);
  await page.waitForTimeout(1_500); // time for a decision to reach the outbox and the history, were it taken
  await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-pending', '0');
  await expect(panel).toHaveAttribute('data-collapsed', 'false'); // Alt+Shift+C from the page did not hide it
  await page.reload();
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'synced');
  await expect(decisions(panel)).toHaveCount(before);

  // The agent's own hands still work: a real click, then the keyboard shortcuts.
  await panel.getByTestId('decision-reason').fill('Checked by phone');
  await panel.getByTestId('flag-hold').click();
  await expect(decisions(panel).filter({ hasText: 'Checked by phone' })).toHaveCount(1);
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(panel).toHaveAttribute('data-collapsed', 'true');
  // The agent's choice is kept: the next page load opens the panel collapsed.
  await page.reload();
  await expect(panel).toHaveAttribute('data-collapsed', 'true');
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect(panel).toHaveAttribute('data-collapsed', 'false');
  await expect(panel.getByTestId('template-search')).toBeFocused();
  await page.reload();
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await expect(panel).toHaveAttribute('data-collapsed', 'false');
});

test("the defence document's blob: URL is revoked once the download has started, and a second copy still downloads", async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-com-chargeback').url);
  const dispute = page.locator(PANEL).getByTestId('dispute');
  await expect(dispute).toBeVisible();
  const [first] = await Promise.all([page.waitForEvent('download'), dispute.getByTestId('build-defence').click()]);
  expect((await first.path()) && first.suggestedFilename()).toMatch(/\.pdf$/);
  const link = dispute.getByTestId('defence-download');
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^blob:/);
  const readable = (url: string) =>
    page.evaluate(async (u) => {
      try {
        await fetch(u);
        return 'live';
      } catch {
        return 'revoked';
      }
    }, url);
  await expect.poll(() => readable(href), { timeout: 10_000 }).toBe('revoked');

  const [second] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(second.suggestedFilename()).toBe(first.suggestedFilename());
  const again = (await link.getAttribute('href'))!;
  expect(again).not.toBe(href);
  await expect.poll(() => readable(again), { timeout: 10_000 }).toBe('revoked');
});
