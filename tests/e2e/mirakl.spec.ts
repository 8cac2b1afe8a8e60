import { type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIRAKL_FIXTURES } from '../fixtures/manifest-mirakl';
import { EXTENSION_DIR, launchWithExtension, signIn } from '../../scripts/lib/chromium';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, PANEL, expect, test as base } from './harness';

/**
 * Mirakl back offices in real Chromium: a lead adds an operator's host in the lead tools, the extension
 * gains that host alone (its detector registered there, nowhere else; removed again with the host), and
 * the panel reads every Mirakl fixture page: order, buyer, marketplace, clock, templates, disputes.
 *
 * Chrome asks the lead with its own permission prompt, which no test can click. The test profile's copy of
 * the extension therefore declares the fixture hosts as granted (Chrome then answers the lead tools'
 * request for one of them at once, as after a lead's "Allow"); everything after the grant is the product.
 */
/** The extension API as seen from its pages and worker inside `evaluate` (the test's own types have no `chrome`). */
interface ChromeApi {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[]; js?: string[] }>>; unregisterContentScripts(): Promise<void> };
  permissions: { request(p: { origins?: string[] }): Promise<boolean> };
  runtime: { reload(): void };
}
declare const chrome: ChromeApi;

const HOSTS = [...new Set(MIRAKL_FIXTURES.map((f) => new URL(f.url).hostname))];
const SECRET_SALES = 'secretsales-prod.mirakl.net';

function extensionWithGrantedHosts(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'caseside-mirakl-ext-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[]; optional_host_permissions?: string[] };
  // The built extension asks for no Mirakl host up front and may ask for any one at run time.
  expect(manifest.host_permissions.some((m) => HOSTS.some((h) => m.includes(h)))).toBe(false);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  manifest.host_permissions.push(...HOSTS.map((h) => `https://${h}/*`));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** A Chromium profile with the granted-hosts copy of the extension, signed in with `token`. */
async function launchGranted(hostResolverRules: string, backendUrl: string, token: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const launched = await launchWithExtension({ hostResolverRules, extensionDir: extensionWithGrantedHosts() });
  await signIn(launched.context, launched.extensionId, backendUrl, token);
  return launched;
}

/** The team's host list lives on the backend every test of the run shares: each test leaves it empty. */
async function clearTeamHosts(backendUrl: string): Promise<void> {
  const headers = { authorization: `Bearer ${DEMO_LEAD_TOKEN}` };
  const { hosts } = (await (await fetch(`${backendUrl}/v1/team-hosts`, { headers })).json()) as { hosts: Array<{ portal: string; host: string }> };
  for (const h of hosts) await fetch(`${backendUrl}/v1/team-hosts/${h.portal}/${h.host}`, { method: 'DELETE', headers });
}

const test = base.extend<{ worker: Worker }>({
  context: async ({ sandbox, backend }, use) => {
    const { context, extensionId } = await launchGranted(sandbox.hostResolverRules, backend.url, DEMO_LEAD_TOKEN);
    (context as BrowserContext & { __extensionId?: string }).__extensionId = extensionId;
    await use(context);
    await context.close();
    await clearTeamHosts(backend.url);
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
});

const registered = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches, js: s.js })));

/** The lead tools' settings tab, with the origins the page asks Chrome for recorded (the real request still runs). */
async function openHostSettings(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/leads.html#settings`);
  await page.evaluate(() => {
    const asked: string[][] = [];
    (window as unknown as { __asked: string[][] }).__asked = asked;
    const request = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = (p: { origins?: string[] }) => {
      asked.push(p.origins ?? []);
      return request(p);
    };
  });
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('team-hosts')).toBeVisible();
  return page;
}

async function addHost(page: Page, typed: string) {
  // What the lead typed or pasted (a URL) is kept as its bare host name.
  const host = new URL(typed.includes('://') ? typed : `https://${typed}`).hostname;
  await page.getByTestId('team-host-input').fill(typed);
  await page.getByTestId('team-host-add').click();
  await expect(page.getByTestId('team-hosts-status')).toContainText(host);
  await expect(page.locator(`[data-testid="team-host"][data-host="${host}"]`)).toBeVisible();
}

test('a lead adds a back-office host: Chrome is asked for that host alone, the detector runs there and nowhere else, and removing it takes it away', async ({
  context,
  extensionId,
  worker,
}) => {
  const leads = await openHostSettings(context, extensionId);
  await expect(leads.getByTestId('team-hosts-none')).toBeVisible();
  // A path or a wildcard is refused before Chrome is asked anything.
  await leads.getByTestId('team-host-input').fill('*.mirakl.net');
  await leads.getByTestId('team-host-add').click();
  await expect(leads.getByRole('alert')).toBeVisible();
  expect(await leads.evaluate(() => (window as unknown as { __asked: string[][] }).__asked)).toEqual([]);

  await addHost(leads, `https://${SECRET_SALES}/mmp/shop/order/all`);
  expect(await leads.evaluate(() => (window as unknown as { __asked: string[][] }).__asked)).toEqual([[`https://${SECRET_SALES}/*`]]);
  expect(await registered(worker)).toEqual([{ matches: [`https://${SECRET_SALES}/*`], js: ['content-scripts/mirakl.js'] }]);

  const order = MIRAKL_FIXTURES.find((f) => f.name === 'mirakl-secretsales-uk-order')!;
  const page = await context.newPage();
  await page.goto(order.url);
  await expect(page.locator(PANEL).getByTestId('order-id')).toHaveText('8817455903-A');

  // Another operator's back office, not added: no detector, no panel.
  const other = await context.newPage();
  await other.goto(MIRAKL_FIXTURES.find((f) => f.name === 'mirakl-decathlon-de-incident')!.url);
  await other.waitForTimeout(1_500);
  await expect(other.locator('caseside-panel')).toHaveCount(0);

  await leads.locator(`[data-testid="team-host"][data-host="${SECRET_SALES}"] button`).click();
  await expect(leads.getByTestId('team-hosts-none')).toBeVisible();
  expect(await registered(worker)).toEqual([]);
  const again = await context.newPage();
  await again.goto(order.url);
  await again.waitForTimeout(1_500);
  await expect(again.locator('caseside-panel')).toHaveCount(0);
});

test('the worker registers the added hosts again when it starts', async ({ context, extensionId, worker }) => {
  const leads = await openHostSettings(context, extensionId);
  await addHost(leads, SECRET_SALES);
  // Registrations lost (a browser that dropped them), then the worker stops, as Chrome stops an idle one.
  await worker.evaluate(() => chrome.scripting.unregisterContentScripts());
  expect(await registered(worker)).toEqual([]);
  const cdp = await context.newCDPSession(leads);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  // The next message starts it again; its start-up registers the granted hosts' detectors once more.
  const fromPage = () => leads.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches, js: s.js })));
  await leads.reload();
  await expect(leads.getByTestId('team-hosts')).toBeVisible();
  await expect.poll(fromPage, { timeout: 10_000 }).toEqual([{ matches: [`https://${SECRET_SALES}/*`], js: ['content-scripts/mirakl.js'] }]);
});

test("a host the lead adds reaches every agent's browser: the agent's extension runs there without the lead tools", async ({
  context,
  extensionId,
  sandbox,
  backend,
}) => {
  const agent = await launchGranted(sandbox.hostResolverRules, backend.url, DEMO_AGENT_TOKEN);
  try {
    const order = MIRAKL_FIXTURES.find((f) => f.name === 'mirakl-secretsales-uk-order')!;
    const before = await agent.context.newPage();
    await before.goto(order.url);
    await before.waitForTimeout(1_500);
    await expect(before.locator('caseside-panel')).toHaveCount(0);

    const leads = await openHostSettings(context, extensionId);
    await addHost(leads, SECRET_SALES);
    // The agent opens the popup (the list is read then, and every 15 minutes): the host's detector is registered.
    const popup = await agent.context.newPage();
    await popup.goto(`chrome-extension://${agent.extensionId}/popup.html`);
    await expect(popup.getByTestId('popup-agent')).toBeVisible();
    const agentWorker = agent.context.serviceWorkers()[0]!;
    await expect
      .poll(() => registered(agentWorker), { timeout: 10_000 })
      .toEqual([{ matches: [`https://${SECRET_SALES}/*`], js: ['content-scripts/mirakl.js'] }]);
    // Granted in this profile: nothing to allow.
    await expect(popup.getByTestId('popup-hosts')).toHaveCount(0);
    const page = await agent.context.newPage();
    await page.goto(order.url);
    await expect(page.locator(PANEL).getByTestId('order-id')).toHaveText('8817455903-A');

    // The lead removes it: the agent's browser drops it at its next read.
    await leads.locator(`[data-testid="team-host"][data-host="${SECRET_SALES}"] button`).click();
    await expect(leads.getByTestId('team-hosts-none')).toBeVisible();
    await popup.reload();
    await expect.poll(() => registered(agentWorker), { timeout: 10_000 }).toEqual([]);
  } finally {
    await agent.context.close();
  }
});

test.describe('the panel on every Mirakl page, once its hosts are added', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    const leads = await openHostSettings(context, extensionId);
    for (const host of HOSTS) await addHost(leads, host);
    await leads.close();
  });

  test('reads each page: kind, order, buyer, marketplace', async ({ context }) => {
    const page = await context.newPage();
    for (const f of MIRAKL_FIXTURES) {
      await page.goto(f.url);
      const panel = page.locator(PANEL);
      await expect(panel, f.name).toHaveAttribute('data-page-kind', f.expected.pageKind);
      if (f.expected.orderId) await expect(panel.getByTestId('order-id'), f.name).toHaveText(f.expected.orderId);
      if (f.expected.buyerName) await expect(panel.getByTestId('buyer-name'), f.name).toHaveText(f.expected.buyerName);
      await expect(panel.getByTestId('marketplace'), f.name).toHaveAttribute('data-marketplace', f.expected.marketplace);
      await expect(panel, f.name).not.toHaveAttribute('data-state', /unrecognized|loading/);
    }
  });

  test('the hostile thread reaches the panel as text and runs nothing', async ({ context }) => {
    const f = MIRAKL_FIXTURES.find((x) => x.name === 'mirakl-pccomponentes-es-messages-hostile')!;
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(f.url);
    const panel = page.locator(PANEL);
    await expect(panel.getByTestId('buyer-name')).toHaveText(f.expected.buyerName!);
    await expect(panel.locator('img, script, iframe')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  for (const f of MIRAKL_FIXTURES.filter((x) => x.expected.replyBox)) {
    test(`${f.name}: a template goes into the reply box, the clock runs from the page`, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(f.url);
      const panel = page.locator(PANEL);
      await expect(panel.getByTestId('order-id')).toHaveText(f.expected.orderId!);
      // The SLA clock starts at the customer's unanswered message or the incident, as the page shows it.
      const countdown = panel.getByTestId('sla-countdown');
      await expect(countdown).toHaveAttribute('data-deadline', /\d{4}-/);
      const deadline = Date.parse((await countdown.getAttribute('data-deadline'))!);
      expect(deadline - Date.parse(f.expected.clockStart!)).toBe(24 * 3_600_000);
      await expect(panel.getByTestId('sla-start')).toHaveAttribute('data-started-from', 'page');
      // Templates: the first one this case can fill goes into the thread's own box.
      await expect(panel.getByTestId('template-item').first()).toBeVisible();
      const items = panel.getByTestId('template-item');
      const status = panel.locator('[role="status"]').filter({ hasText: /\S/ }).last();
      for (let i = 0; i < (await items.count()); i++) {
        await items.nth(i).getByTestId('template-insert').click();
        if (!/Fill in before inserting/.test((await status.textContent()) ?? '')) break;
      }
      await expect.poll(() => page.evaluate(() => Array.from(document.querySelectorAll('textarea')).filter((t) => t.value.trim() !== '').length)).toBe(1);
      await expect(panel.getByTestId('case-history')).toBeVisible();
    });
  }

  for (const f of MIRAKL_FIXTURES.filter((x) => x.expected.pageKind === 'claim' && x.expected.replyBox)) {
    test(`${f.name}: the incident shows its dispute section`, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(f.url);
      const dispute = page.locator(PANEL).getByTestId('dispute');
      await expect(dispute).toBeVisible();
      await expect(dispute).toHaveAttribute('data-deadline', /^\d{4}-/);
    });
  }
});
