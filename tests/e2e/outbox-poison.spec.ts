import { DEMO_LEAD_TOKEN, PANEL, expect, fixture, test } from './harness';

/**
 * One note the backend can never store (a NUL pasted from somewhere: the backend refuses it, or fails on
 * it) must not hold back the flag recorded after it. The refused note stays visible with the agent's words,
 * can be edited, and reaches the backend once after the edit.
 */
test('a note the backend cannot store is set aside, the flag after it arrives, and the edited note is sent once', async ({ context, backend }) => {
  test.setTimeout(120_000);
  const order = fixture('amazon-com-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('fraud-score')).toBeVisible();

  const marker = `poison-${Date.now()}`;
  await panel.getByTestId('note-input').fill(`${marker} pasted from the label:\u0000 ref 42`);
  await expect(panel.getByTestId('note-input')).toHaveValue(/\u0000/);
  await panel.getByTestId('note-save').click();
  await panel.getByTestId('decision-reason').fill(`${marker} address does not match`);
  await panel.getByTestId('flag-hold').click();

  // Refused at once (400) or failed on five times (500): either way it is set aside within the backoff.
  const problem = panel.getByTestId('outbox-problem');
  await expect(problem).toHaveCount(1, { timeout: 60_000 });
  await expect(problem).toHaveAttribute('data-kind', 'note');
  await expect(panel.getByTestId('sync-failed')).toContainText('1 change could not be sent');
  await expect(problem.getByTestId('outbox-problem-reason')).toHaveText(/^The backend (refused it|failed on it several times): .+/);
  const editor = problem.getByTestId('outbox-problem-text');
  await expect(editor).toHaveValue(`${marker} pasted from the label: ref 42`);

  // The flag made after the note was not held back by it.
  const eventTexts = () => backendEvents(backend.url, order.expected.orderId!, marker);
  await expect.poll(eventTexts, { timeout: 15_000 }).toEqual([expect.stringContaining(`${marker} address does not match`)]);

  await editor.fill(`${marker} pasted from the label: ref 42 (edited)`);
  await problem.getByTestId('outbox-resend').click();
  await expect(panel.getByTestId('outbox-problems')).toHaveCount(0);
  await expect(panel.getByTestId('sync-failed')).toHaveCount(0);
  await expect(panel.getByTestId('history-item').filter({ hasText: `${marker} pasted from the label: ref 42 (edited)` })).toHaveCount(1);
  await expect.poll(eventTexts).toEqual(expect.arrayContaining([`${marker} pasted from the label: ref 42 (edited)`]));
  expect(await eventTexts()).toHaveLength(2);

  // Nothing set aside comes back after a reload.
  await page.reload();
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('outbox-problems')).toHaveCount(0);
});

test('a set-aside note can be discarded for good after confirming', async ({ context }) => {
  test.setTimeout(120_000);
  const order = fixture('amazon-com-order');
  const page = await context.newPage();
  await page.goto(order.url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await panel.getByTestId('note-input').fill(`discard-${Date.now()}\u0000`);
  await panel.getByTestId('note-save').click();
  const problem = panel.getByTestId('outbox-problem');
  await expect(problem).toHaveCount(1, { timeout: 60_000 });
  await problem.getByTestId('outbox-discard').click();
  await expect(problem).toHaveCount(1);
  await problem.getByTestId('outbox-discard-confirm').click();
  await expect(panel.getByTestId('outbox-problems')).toHaveCount(0);
  await page.reload();
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-sync', 'synced');
  await expect(panel.getByTestId('outbox-problems')).toHaveCount(0);
});

/** The texts of this order's events that carry the marker, oldest first, as the backend has them. */
async function backendEvents(backendUrl: string, orderId: string, marker: string): Promise<string[]> {
  const headers = { Authorization: `Bearer ${DEMO_LEAD_TOKEN}` };
  const { cases } = (await (await fetch(`${backendUrl}/v1/cases?orderId=${orderId}`, { headers })).json()) as { cases: { id: string }[] };
  const texts: { text: string; createdAt: string }[] = [];
  for (const c of cases) {
    const { events } = (await (await fetch(`${backendUrl}/v1/cases/${c.id}/events`, { headers })).json()) as { events: { text: string; createdAt: string }[] };
    texts.push(...events.filter((e) => e.text.includes(marker)));
  }
  return texts.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((e) => e.text);
}
