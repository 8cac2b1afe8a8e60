import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, PANEL, expect, fixture, test } from './harness';

// axe-core on every surface an agent or a lead uses, in the light and the dark colour scheme: no
// serious or critical violation. axe.min.js is injected into the page (its main world reaches the
// panel's open shadow root). Screenshots of the panel on each sandbox page kind are kept for review.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = 'test-results/screenshots';
const SCHEMES = ['light', 'dark'] as const;

type Finding = { id: string; impact: string | null; help: string; nodes: string[] };

/** Serious and critical violations within `include` (CSS selectors; a host selector covers its shadow tree). */
async function seriousViolations(page: Page, include?: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}

type Colours = { background: string; text: string; colorScheme: string };

/**
 * The colours the surface is drawn in: the panel's root inside its shadow tree, else the page (the first
 * of body and html with a background; none is the browser's white canvas).
 */
async function surfaceColours(page: Page, panel: boolean): Promise<Colours> {
  return page.evaluate((panel) => {
    const transparent = (c: string) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
    if (panel) {
      const root = document.querySelector('caseside-panel')!.shadowRoot!.querySelector('.cs-panel')!;
      const style = getComputedStyle(root);
      return { background: style.backgroundColor, text: style.color, colorScheme: style.colorScheme };
    }
    const painted = [document.body, document.documentElement].find((el) => !transparent(getComputedStyle(el).backgroundColor));
    return {
      background: painted ? getComputedStyle(painted).backgroundColor : 'rgb(255, 255, 255)',
      text: getComputedStyle(document.body).color,
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
    };
  }, panel);
}

/** WCAG relative luminance of a computed `rgb()`/`rgba()` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/**
 * axe finds no serious or critical violation in either colour scheme (its colour-contrast rule among them),
 * and the surface follows the scheme: light in the light one, dark in the dark one, its text readable on
 * it, and a page's form controls told to follow (color-scheme). A page that ignores the system setting fails.
 */
async function expectAccessibleInBothSchemes(page: Page, include?: string, shot?: string): Promise<void> {
  const panel = include === 'caseside-panel';
  const seen: Partial<Record<(typeof SCHEMES)[number], Colours>> = {};
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(100); // the restyle
    expect(await seriousViolations(page, include), `${colorScheme} scheme`).toEqual([]);
    const colours = (seen[colorScheme] = await surfaceColours(page, panel));
    const background = luminance(colours.background);
    if (colorScheme === 'dark') expect(background, `dark scheme: background ${colours.background} is dark`).toBeLessThan(0.05);
    else expect(background, `light scheme: background ${colours.background} is light`).toBeGreaterThan(0.8);
    expect(contrast(colours.text, colours.background), `${colorScheme} scheme: text ${colours.text} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
    if (!panel) expect(colours.colorScheme, `${colorScheme} scheme: color-scheme of the page`).toContain('dark');
    if (shot) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/${shot}-${colorScheme}.png` });
    }
  }
  expect(seen.dark?.background, 'the dark scheme draws another background than the light one').not.toBe(seen.light?.background);
  await page.emulateMedia({ colorScheme: 'light' });
}

// The panel loads its data through the worker and the backend: give a busy CI machine time.
const loaded = expect.configure({ timeout: 30_000 });

async function openPanel(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(fixture(name).url);
  await loaded(page.locator(PANEL)).toHaveAttribute('data-state', 'ready');
  await loaded(page.locator(PANEL).getByTestId('sync-status')).toBeVisible();
  return page;
}

/** The panel's body is not scrolled when it opens: its first lines sit below the header, not under it. */
async function bodyScrollTop(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('caseside-panel')!.shadowRoot!.querySelector('.cs-body')!.scrollTop);
}

test('the panel on an order page: no serious violation, light and dark', async ({ context }) => {
  const page = await openPanel(context, 'amazon-de-order');
  await expect(page.locator(PANEL).getByTestId('fraud-score')).toBeVisible();
  await expect(page.locator(PANEL).getByTestId('template-item').first()).toBeVisible();
  expect(await bodyScrollTop(page)).toBe(0);
  await expectAccessibleInBothSchemes(page, 'caseside-panel', 'panel-order');
});

test('the panel on a chargeback page, with the dispute section: no serious violation, light and dark', async ({ context }) => {
  const page = await openPanel(context, 'amazon-com-chargeback');
  await loaded(page.locator(PANEL).getByTestId('dispute')).toBeVisible();
  await loaded(page.locator(PANEL).getByTestId('evidence-item').first()).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'caseside-panel', 'panel-chargeback');
});

test('the popup and the options page: no serious violation, light and dark', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await loaded(popup.getByTestId('queue-item').first()).toBeVisible();
  await expectAccessibleInBothSchemes(popup, undefined, 'popup');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('body')).toContainText('Alex Agent');
  await expectAccessibleInBothSchemes(options, undefined, 'options');
});

test('the lead tools, every tab: no serious violation, light and dark', async ({ openSecondAgent }) => {
  test.setTimeout(180_000);
  const lead = await openSecondAgent();
  const leadId = new URL(lead.serviceWorkers()[0]!.url()).host;
  for (const tab of ['matrix', 'sla', 'templates', 'settings', 'health', 'handoffs']) {
    const leads = await lead.newPage();
    await leads.goto(`chrome-extension://${leadId}/leads.html#${tab}`);
    await expect(leads.locator('main, body').first()).not.toContainText('Loading', { timeout: 15_000 });
    await expectAccessibleInBothSchemes(leads, undefined, `leads-${tab}`);
    await leads.close();
  }
});

test('the reports: no serious violation, light and dark', async ({ openSecondAgent }) => {
  const lead = await openSecondAgent();
  const leadId = new URL(lead.serviceWorkers()[0]!.url()).host;
  const reports = await lead.newPage();
  await reports.goto(`chrome-extension://${leadId}/reports.html`);
  await expect(reports.getByTestId('report-marketplace')).toBeVisible();
  await reports.waitForLoadState('networkidle');
  await expectAccessibleInBothSchemes(reports, undefined, 'reports');
  // The charts are SVG, beyond axe's contrast rule: their axis and legend texts and their bars are checked here.
  await expect(reports.getByTestId('report-chart').first()).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await reports.emulateMedia({ colorScheme });
    const chart = await reports.evaluate(() => {
      const colour = (selector: string, property: 'fill' | 'color') =>
        [...document.querySelectorAll<Element>(`[data-testid="report-chart"] ${selector}`)].map((el) => getComputedStyle(el)[property]);
      return {
        background: getComputedStyle(document.body).backgroundColor,
        texts: [...colour('.recharts-cartesian-axis-tick-value', 'fill'), ...colour('.recharts-legend-item-text', 'color')],
        bars: colour('.recharts-bar-rectangle path', 'fill'),
      };
    });
    expect(chart.texts.length, 'axis and legend texts').toBeGreaterThan(0);
    expect(chart.bars.length, 'bars').toBeGreaterThan(0);
    for (const text of new Set(chart.texts)) expect(contrast(text, chart.background), `${colorScheme}: chart text ${text}`).toBeGreaterThanOrEqual(4.5);
    for (const bar of new Set(chart.bars)) expect(contrast(bar, chart.background), `${colorScheme}: bar ${bar}`).toBeGreaterThanOrEqual(3);
  }
  await reports.emulateMedia({ colorScheme: 'light' });
});

test('the disputes inbox with a dispute open: no serious violation, light and dark', async ({ context, extensionId }) => {
  const inbox = await context.newPage();
  await inbox.goto(`chrome-extension://${extensionId}/disputes.html`);
  const first = inbox.getByTestId('inbox-item').first();
  await loaded(first).toBeVisible();
  await first.getByRole('button').click();
  await loaded(inbox.getByTestId('inbox-detail')).toBeVisible();
  await expectAccessibleInBothSchemes(inbox, undefined, 'disputes-inbox');
});

test('keyboard only: Tab reaches every panel action with a visible focus, Enter acts', async ({ context }) => {
  const page = await openPanel(context, 'amazon-uk-message');
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('template-item').first()).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect(panel.getByTestId('template-search')).toBeFocused();
  // Walk the panel with Tab: every stop is inside the panel and draws a focus outline.
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const focus = await page.evaluate(() => {
      const el = document.querySelector('caseside-panel')?.shadowRoot?.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { id: el.getAttribute('data-testid') ?? el.tagName.toLowerCase(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!focus) break;
    expect(focus.outline, `focus outline on ${focus.id}`).toBe(true);
    seen.add(focus.id);
    await page.keyboard.press('Tab');
  }
  for (const action of ['template-search', 'template-insert', 'decision-reason', 'flag-hold', 'flag-release', 'flag-fraud'])
    expect(seen, action).toContain(action);
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(panel).toHaveAttribute('data-collapsed', 'true');
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(panel).toHaveAttribute('data-collapsed', 'false');
});

// One screenshot of the panel per sandbox page kind, for review and the README.
const PAGE_KINDS = [
  'amazon-de-order',
  'amazon-uk-message',
  'amazon-fr-claim',
  'amazon-com-chargeback',
  'amazon-it-return',
  'amazon-es-refund',
  'zalando-order',
  'zalando-cc-request',
];
test('screenshots of the panel on each page kind', async ({ context }) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const name of PAGE_KINDS) {
    const page = await openPanel(context, name);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}/panel-${name}.png` });
    await page.close();
  }
});

test('the hand-off page for receivers, signed out and with a hand-off: no serious violation, light and dark', async ({ context, backend }) => {
  const { chooseWithKeyboard, createWarehouseReceiver, launchPlainBrowser } = await import('./handoff-receiver');
  const { token } = await createWarehouseReceiver(backend.url, 'Axe Receiver');
  const panel = (await context.newPage()).locator(PANEL);
  // An order no dispute test reads: visiting an order page stores what it shows (its tracking number),
  // which the chargeback on amazon-com-order's order would then find as evidence in disputes.spec.
  await panel.page().goto(fixture('amazon-jp-order').url);
  await expect(panel.getByTestId('fraud-score')).toBeVisible();
  await chooseWithKeyboard(panel.getByTestId('handoff-team'), 'Warehouse');
  await panel.getByTestId('handoff-question').fill('Is it packed?');
  await expect(panel.getByTestId('handoff-team')).not.toHaveValue('');
  await panel.getByTestId('handoff-submit').click();
  await expect(panel.locator('[data-testid="handoff-item"][data-status="open"]')).toHaveCount(1);
  await expectAccessibleInBothSchemes(panel.page(), 'caseside-panel');
  const browser = await launchPlainBrowser();
  try {
    const web = await browser.newPage();
    await web.goto(`${backend.url}/handoffs`);
    await expect(web.getByTestId('handoff-token')).toBeVisible();
    await expectAccessibleInBothSchemes(web, undefined, 'handoffs-signed-out');
    await web.getByTestId('handoff-token').fill(token);
    await web.getByTestId('handoff-token').press('Enter');
    await expect(web.getByTestId('handoff-card').first()).toBeVisible();
    await expectAccessibleInBothSchemes(web, undefined, 'handoffs-inbox');
  } finally {
    await browser.close();
  }
});

test("the extension's hand-off page for a receiver with a hand-off: no serious violation, light and dark", async ({ context, extensionId, backend }) => {
  const { createWarehouseReceiver } = await import('./handoff-receiver');
  const { signIn } = await import('../../scripts/lib/chromium');
  const { token, warehouseId } = await createWarehouseReceiver(backend.url, 'Axe Extension Receiver');
  // Handed off through the API: no portal page is visited (its order would be stored for other specs).
  const created = await fetch(`${backend.url}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_AGENT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      orderId: '999-0000000-0000042',
      handoffTeamId: warehouseId,
      question: 'Is it on the shelf?',
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      idempotencyKey: `a11y_${Date.now()}_handoff`,
    }),
  });
  expect(created.status).toBe(201);
  await signIn(context, extensionId, backend.url, token);
  const inbox = await context.newPage();
  await inbox.goto(`chrome-extension://${extensionId}/handoffs.html`);
  await expect(inbox.locator('[data-testid="handoff-card"]').filter({ hasText: 'Is it on the shelf?' })).toBeVisible();
  await expectAccessibleInBothSchemes(inbox, undefined, 'handoffs-extension');
});

test('the disputes inbox served by the backend, signed out and with an alert open: no serious violation, light and dark', async ({ backend }) => {
  const { launchPlainBrowser } = await import('./handoff-receiver');
  const alertId = `E-AXE-${Date.now()}`;
  const imported = await fetch(`${backend.url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: [
      'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome',
      `${alertId},ethoca,CUSTOMERDISPUTE,${new Date(Date.now() - 3_600_000).toISOString()},19.90,EUR,SHOP-AXE-1,visa,,`,
    ].join('\n'),
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
  const browser = await launchPlainBrowser();
  try {
    const web = await browser.newPage();
    await web.goto(`${backend.url}/disputes`);
    await expect(web.getByTestId('disputes-token')).toBeVisible();
    await web.getByTestId('disputes-token').fill('not-a-token');
    await web.getByTestId('disputes-token').press('Enter');
    await expect(web.getByRole('alert')).toBeVisible();
    await expectAccessibleInBothSchemes(web, undefined, 'disputes-web-signed-out');
    await web.getByTestId('disputes-token').fill(DEMO_AGENT_TOKEN);
    await web.getByTestId('disputes-token').press('Enter');
    const item = web.getByTestId('inbox-item').filter({ hasText: alertId });
    await loaded(item).toBeVisible();
    await item.getByRole('button').click();
    await loaded(web.getByTestId('inbox-alert')).toBeVisible();
    await expectAccessibleInBothSchemes(web, undefined, 'disputes-web-inbox');
  } finally {
    await browser.close();
  }
});

test("a card dispute open in the backend's inbox with its evidence and CE 3.0 tables: no serious violation, light and dark", async ({ backend }) => {
  const { launchPlainBrowser } = await import('./handoff-receiver');
  const stamp = Date.now();
  const at = (daysAgo: number) => new Date(stamp - daysAgo * 86_400_000).toISOString().slice(0, 16).replace('T', ' ');
  const send = async (path: string, rows: string[]) => {
    const res = await fetch(`${backend.url}${path}?dryRun=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
      body: rows.join('\n'),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const charge = `ch_axe_${stamp}`;
  await send('/v1/disputes/import', [
    'id,Created (UTC),Amount,Currency,Status,Reason,Network Reason Code,Card Brand,Charge ID,Evidence Due By (UTC)',
    `dp_axe_${stamp},${at(1)},89.00,eur,needs_response,fraudulent,10.4,visa,${charge},${at(-10)}`,
  ]);
  await send('/v1/payments/import', [
    'payment_id,paid_at,card_ref,ip_address,device_id',
    `${charge},${at(20)},fp_axe_${stamp},203.0.113.9,dev-axe`,
    `${charge}_a,${at(200)},fp_axe_${stamp},203.0.113.9,dev-axe`,
    `${charge}_b,${at(30)},fp_axe_${stamp},203.0.113.9,dev-axe`,
  ]);
  const browser = await launchPlainBrowser();
  try {
    const web = await browser.newPage();
    await web.goto(`${backend.url}/disputes`);
    await web.getByTestId('disputes-token').fill(DEMO_AGENT_TOKEN);
    await web.getByTestId('disputes-token').press('Enter');
    const item = web.getByTestId('inbox-item').filter({ hasText: `dp_axe_${stamp}` });
    await loaded(item).toBeVisible();
    await item.getByRole('button').click();
    await loaded(web.getByTestId('dispute-ce3-qualifying')).toBeVisible();
    await expect(web.getByTestId('dispute-ce3-rejected')).toBeVisible();
    await expectAccessibleInBothSchemes(web, undefined, 'disputes-web-ce3');
  } finally {
    await browser.close();
  }
});

test('the lead tools host form, with a host refused: no serious violation, light and dark', async ({ openSecondAgent }) => {
  const lead = await openSecondAgent();
  const leadId = new URL(lead.serviceWorkers()[0]!.url()).host;
  const leads = await lead.newPage();
  await leads.goto(`chrome-extension://${leadId}/leads.html#settings`);
  await expect(leads.getByTestId('team-hosts')).toBeVisible();
  await leads.getByTestId('team-host-input').fill('not a host/path');
  await leads.getByTestId('team-host-add').click();
  await expect(leads.getByTestId('team-hosts').getByRole('alert')).toBeVisible();
  await expectAccessibleInBothSchemes(leads, '[data-testid="team-hosts"]', 'leads-team-hosts');
});

test('the lead SOP editor with a draft and its preview: no serious violation, light and dark', async ({ openSecondAgent }) => {
  test.setTimeout(120_000);
  const lead = await openSecondAgent();
  const leadId = new URL(lead.serviceWorkers()[0]!.url()).host;
  const leads = await lead.newPage();
  await leads.goto(`chrome-extension://${leadId}/leads.html#sops`);
  await leads.getByTestId('sop-new').click();
  await leads.getByTestId('sop-title').fill('Returns without a label');
  await leads
    .getByTestId('sop-body')
    .fill('## Steps\n\n1. Ask for a photo\n2. See [help](https://sellercentral.amazon.de/help)\n\n- **Never** refund before the scan');
  await expect(leads.getByTestId('sop-preview').locator('li')).toHaveCount(3);
  await expectAccessibleInBothSchemes(leads, undefined, 'leads-sops-editor');
});
