import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, expect, test } from './harness';

test("the popup lists the demo team's open cases ranked by time left, with live countdowns", async ({ context, extensionId, backend }) => {
  const res = await fetch(`${backend.url}/v1/queue`, { headers: { Authorization: `Bearer ${DEMO_AGENT_TOKEN}` } });
  const queue = (await res.json()) as { items: { case: { id: string } }[] };
  expect(queue.items.length).toBeGreaterThan(1);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('popup-agent')).toContainText('Alex Agent');
  const rows = page.getByTestId('queue-item');
  await expect(rows).toHaveCount(queue.items.length);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-case-id')))).toEqual(queue.items.map((i) => i.case.id));

  // Ranked by time left: the most overdue first, then running clocks with the least time left first.
  const clocks = await rows.evaluateAll((els) =>
    els.map((el) => ({
      state: el.getAttribute('data-sla-state'),
      remaining: Number(el.getAttribute('data-remaining-ms')),
      overdue: Number(el.getAttribute('data-overdue-ms')),
    })),
  );
  for (const c of clocks) expect(['ok', 'warning', 'breached', 'paused']).toContain(c.state);
  const timeLeft = clocks.filter((c) => c.state !== 'paused').map((c) => c.remaining - c.overdue);
  expect(timeLeft).toEqual([...timeLeft].sort((a, b) => a - b));
  await expect(rows.first()).toContainText(/Overdue|At risk|On time|Paused/);

  // The countdown ticks while the popup is open (an overdue clock's overdue time grows, a running one's time left shrinks).
  const first = rows.first();
  const read = async () => Number(await first.getAttribute('data-remaining-ms')) - Number(await first.getAttribute('data-overdue-ms'));
  const before = await read();
  await expect.poll(read, { timeout: 5_000 }).toBeLessThan(before);

  // Agents see no lead tools link; a row opens its portal page in a new tab.
  await expect(page.getByTestId('popup-lead-tools')).toHaveCount(0);
  const withLink = rows.locator('a').first();
  const href = await withLink.getAttribute('href');
  const [tab] = await Promise.all([context.waitForEvent('page'), withLink.click()]);
  await expect.poll(() => tab.url()).toBe(href);
});

test('leads get a link from the popup to the lead tools page', async ({ openSecondAgent, extensionId }) => {
  const lead = await openSecondAgent();
  const page = await lead.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const [tools] = await Promise.all([lead.waitForEvent('page'), page.getByTestId('popup-lead-tools').click()]);
  await expect(tools.getByTestId('lead-tools')).toHaveAttribute('data-role', 'lead');
});

test("a back office the lead added for the team shows in the agent's popup until this browser allows it", async ({ context, extensionId, backend }) => {
  const lead = { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'application/json' };
  const host = 'conrad-prod.mirakl.net';
  const added = await fetch(`${backend.url}/v1/team-hosts`, { method: 'POST', headers: lead, body: JSON.stringify({ portal: 'mirakl', host }) });
  expect(added.status).toBe(200);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const section = page.getByTestId('popup-hosts');
    await expect(section).toBeVisible();
    await expect(section.locator(`li[data-host="${host}"]`)).toContainText(host);
    await expect(section.getByRole('button', { name: `Allow ${host}` })).toBeVisible();
    // Not granted, so nothing runs there yet: no detector is registered for it.
    const registered = await page.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
          ).chrome.scripting.getRegisteredContentScripts()
        ).length,
    );
    expect(registered).toBe(0);
  } finally {
    await fetch(`${backend.url}/v1/team-hosts/mirakl/${host}`, { method: 'DELETE', headers: { authorization: lead.authorization } });
  }
});
