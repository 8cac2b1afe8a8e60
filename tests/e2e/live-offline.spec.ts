import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend } from '../../scripts/lib/backend-process';
import { launchWithExtension, signIn } from '../../scripts/lib/chromium';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, PANEL, expect, fixture, test } from './harness';

test('a note by one agent reaches another agent on the same order within 2 seconds, without a reload', async ({ context, openSecondAgent }) => {
  const order = fixture('amazon-uk-message');
  const lead = await openSecondAgent();
  const leadPage = await lead.newPage();
  await leadPage.goto(order.url);
  const leadPanel = leadPage.locator(PANEL);
  await expect(leadPanel).toHaveAttribute('data-state', 'ready');
  await expect(leadPanel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'synced');

  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  const note = `Called the carrier at ${Date.now()}`;
  await panel.getByTestId('note-input').fill(note);
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('history-item').filter({ hasText: note })).toHaveCount(1);
  // The lead did nothing: the event stream brought it.
  await expect(leadPanel.getByTestId('history-item').filter({ hasText: note })).toHaveCount(1, { timeout: 2_000 });
});

test('with the backend down, three flags and a note wait in the outbox and arrive exactly once when it is back', async ({ sandbox }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'caseside-e2e-offline-'));
  let backend = await startBackend({ dataDir });
  const { context, extensionId } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
  try {
    await signIn(context, extensionId, backend.url, DEMO_AGENT_TOKEN);
    const order = fixture('amazon-com-order');
    const page = await context.newPage();
    await page.goto(order.url);
    const panel = page.locator(PANEL);
    await expect(panel).toHaveAttribute('data-state', 'ready');
    await expect(panel.getByTestId('fraud-score')).toBeVisible();

    await backend.stop();
    const marker = `offline-${Date.now()}`;
    for (const flag of ['flag-hold', 'flag-fraud', 'flag-release'] as const) {
      await panel.getByTestId('decision-reason').fill(`${marker} ${flag}`);
      await panel.getByTestId(flag).click();
    }
    await panel.getByTestId('note-input').fill(`${marker} note`);
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'offline');
    await expect(panel.getByTestId('sync-status')).toHaveText('Offline, 4 changes waiting');
    await expect(panel.locator('[data-testid="history-item"][data-pending="true"]')).toHaveCount(4);
    // Nothing is lost with the page: a reload still shows the waiting writes.
    await page.reload();
    await expect(panel.locator('[data-testid="history-item"][data-pending="true"]')).toHaveCount(4);

    backend = await startBackend({ dataDir, port: backend.port });
    await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'synced', { timeout: 60_000 });
    await expect(panel.locator('[data-testid="history-item"][data-pending="true"]')).toHaveCount(0);

    // Exactly once each, in the order they were made, as the backend has them.
    const res = await fetch(`${backend.url}/v1/cases?orderId=${order.expected.orderId}`, { headers: { Authorization: `Bearer ${DEMO_LEAD_TOKEN}` } });
    const { cases } = (await res.json()) as { cases: { id: string }[] };
    const texts: string[] = [];
    for (const c of cases) {
      const ev = await fetch(`${backend.url}/v1/cases/${c.id}/events`, { headers: { Authorization: `Bearer ${DEMO_LEAD_TOKEN}` } });
      const { events } = (await ev.json()) as { events: { text: string; createdAt: string }[] };
      texts.push(
        ...events
          .filter((e) => e.text.includes(marker))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((e) => e.text),
      );
    }
    expect(texts).toHaveLength(4);
    expect(texts.filter((t) => t.includes('flag-hold'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('flag-fraud'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('flag-release'))).toHaveLength(1);
    expect(texts.filter((t) => t.endsWith(`${marker} note`))).toHaveLength(1);
  } finally {
    await context.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
