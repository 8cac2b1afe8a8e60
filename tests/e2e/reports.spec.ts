import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseCsv } from '../helpers/csv';
import { createWarehouseReceiver } from './handoff-receiver';
import { DEMO_AGENT_TOKEN, expect, test } from './harness';

/** The reports page on the demo team: charts from the seeded history, CSVs equal to their tables. */

async function openReports(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/reports.html`);
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

async function tableCells(page: Page, report: string): Promise<string[][]> {
  const table = page.locator(`[data-testid="report-table"][data-report="${report}"]`);
  const header = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return [header, ...rows];
}

test('a lead reads a week of service and fraud with charts, and each CSV matches its table', async ({ openSecondAgent }) => {
  const lead = await openSecondAgent();
  const extensionId = new URL(lead.serviceWorkers()[0]!.url()).host;
  const page = await lead.newPage();
  await openReports(page, extensionId);

  // Team view: every agent who answered appears.
  const byAgent = await tableCells(page, 'service-agent');
  const agentNames = byAgent.slice(1).map((r) => r[0]);
  expect(agentNames).toEqual(expect.arrayContaining(['Alex Agent', 'Sam Support', 'Lena Lead']));

  // Charts drawn by recharts from the demo history, beside their tables.
  for (const report of ['service-marketplace', 'sla', 'fraud-over-time', 'indicators']) {
    const chart = page.locator(`[data-testid="report-chart"][data-report="${report}"]`);
    await expect(chart.locator('svg.recharts-surface[role="application"]')).toBeVisible();
    expect(await chart.locator('.recharts-bar-rectangle path').count(), report).toBeGreaterThan(0);
  }

  // The demo team's open disputes (behind the sandbox's chargeback and claim pages) are listed by deadline.
  expect((await tableCells(page, 'open-disputes')).length).toBeGreaterThan(1);

  for (const report of ['service-marketplace', 'sla', 'fraud-over-time', 'held-outcomes', 'open-disputes']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="csv-export"][data-report="${report}"]`).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^caseside-${report}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile((await download.path())!, 'utf8');
    expect(parseCsv(csv), report).toEqual(await tableCells(page, report));
  }

  // The marketplace filter narrows every table.
  await page.getByTestId('report-marketplace').selectOption('FR');
  await page.getByTestId('report-apply').click();
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-state', 'ready');
  await expect.poll(async () => (await tableCells(page, 'service-marketplace')).slice(1).map((r) => r[0])).toEqual(['FR']);
});

test('an agent sees only their own numbers', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openReports(page, extensionId);
  await expect(page.getByTestId('report-agent')).toHaveCount(0);
  // Hand-off times are the lead's: no section, and no refused request behind it.
  await expect(page.getByTestId('handoff-report')).toHaveCount(0);
  const byAgent = await tableCells(page, 'service-agent');
  expect(byAgent.slice(1).map((r) => r[0])).toEqual(['Alex Agent']);
});

test('a lead reads the time the warehouse took to answer a hand-off, by internal team', async ({ openSecondAgent, backend }) => {
  const api = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown) => {
    const res = await fetch(`${backend.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    return res.json() as Promise<Record<string, unknown>>;
  };
  // An agent hands an order to the warehouse (sent from the outbox, so stamped 3 days and 2 h 15 min ago:
  // a day of its own, which no other hand-off shares) and a warehouse receiver answers it now.
  const { token, warehouseId } = await createWarehouseReceiver(backend.url, 'Rhea Receiver');
  const askedAt = new Date(Date.now() - (3 * 24 * 60 + 135) * 60_000);
  const created = (await api('POST', '/v1/handoffs', DEMO_AGENT_TOKEN, {
    orderId: '302-2000001-0000001',
    handoffTeamId: warehouseId,
    question: 'Which parcel left the warehouse for this order?',
    dueAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    at: askedAt.toISOString(),
    idempotencyKey: randomUUID(),
  })) as { handoff: { id: string } };
  await api('POST', `/v1/handoffs/inbox/${created.handoff.id}/answer`, token, { answer: 'DHL 00340434161234567890.', idempotencyKey: randomUUID() });

  const lead = await openSecondAgent();
  const extensionId = new URL(lead.serviceWorkers()[0]!.url()).host;
  const page = await lead.newPage();
  await openReports(page, extensionId);
  const section = page.getByTestId('handoff-report');
  await expect(section).toHaveAttribute('data-state', 'ready');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Hand-offs');

  const day = askedAt.toISOString().slice(0, 10);
  await page.getByTestId('report-from').fill(day);
  await page.getByTestId('report-to').fill(day);
  await page.getByTestId('report-apply').click();
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-state', 'ready');
  await expect(section).toHaveAttribute('data-state', 'ready');
  await expect
    .poll(() => tableCells(page, 'handoffs'))
    .toEqual([
      ['Internal team', 'Hand-offs', 'Answered', 'Time to answer, median', 'Time to answer, p90', 'Overdue'],
      ['Warehouse', '1', '1', '3 d 2 h', '3 d 2 h', '0'],
    ]);
  await expect(page.locator('[data-testid="report-chart"][data-report="handoffs"] .recharts-bar-rectangle path').first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('csv-export').click()]);
  expect(download.suggestedFilename()).toBe(`caseside-handoffs-${day}-${day}.csv`);
  expect(parseCsv(await readFile((await download.path())!, 'utf8'))).toEqual(await tableCells(page, 'handoffs'));
});

test('the backend serves the same reports to a browser without the extension', async ({ context, backend }) => {
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto(`${backend.url}/reports`);
  await page.getByTestId('reports-token').fill('demo-lead-token');
  await page.getByRole('button', { name: 'Open reports' }).click();
  const table = page.locator('[data-testid="report-table"][data-report="service-agent"]');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  expect(await table.locator('tbody td:first-child').allTextContents()).toEqual(expect.arrayContaining(['Alex Agent', 'Sam Support']));
  // The extension's own page (components/reports): the same charts, every section, the lead's hand-off times.
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-state', 'ready');
  const chart = page.locator('[data-testid="report-chart"][data-report="service-marketplace"]');
  await expect(chart.locator('svg.recharts-surface[role="application"]')).toBeVisible();
  expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="report-table"][data-report="fraud-over-time"]')).toBeVisible();
  await expect(page.getByTestId('handoff-report')).toHaveAttribute('data-state', 'ready');
  expect(blocked).toEqual([]);
});
