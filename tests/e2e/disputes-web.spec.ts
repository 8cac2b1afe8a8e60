import { createWarehouseReceiver, launchPlainBrowser } from './handoff-receiver';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, expect, test } from './harness';

/**
 * The disputes inbox served by the backend (GET /disputes) for agents and leads without the extension:
 * the shared token sign-in (a wrong token and a receiver's are refused), the extension's own inbox with its
 * live countdown, an alert opened and answered, `#dispute=<id>` opening one, a processor's hostile id shown
 * as text, and a revoked token signing the page out.
 */

const loaded = expect.configure({ timeout: 30_000 });
const HEADER = 'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome';

async function api(url: string, method: 'GET' | 'POST' | 'DELETE', path: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`).toBe(true);
  return res.json();
}

async function importAlerts(url: string, rows: string[]): Promise<void> {
  const res = await fetch(`${url}/v1/disputes/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
    body: [HEADER, ...rows].join('\n'),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

test('an agent without the extension signs in on the backend, sees the countdown, and answers an alert', async ({ backend }) => {
  const stamp = Date.now();
  const alertId = `E-WEB-${stamp}`;
  const hostileId = `<img src=x onerror=window.__pwned=1>-${stamp}`;
  const hourAgo = new Date(stamp - 3_600_000).toISOString();
  await importAlerts(backend.url, [
    `${alertId},ethoca,CUSTOMERDISPUTE,${hourAgo},61.50,EUR,SHOP-WEB-1,visa,,`,
    `${hostileId},ethoca,FRAUD,${hourAgo},12.00,EUR,SHOP-WEB-2,visa,,`,
  ]);
  const { token: receiverToken } = await createWarehouseReceiver(backend.url, 'Web Inbox Receiver');

  const browser = await launchPlainBrowser();
  try {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${backend.url}/disputes`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disputes and alerts');
    const token = page.getByLabel('Backend token');
    await expect(token).toHaveAttribute('type', 'password');

    // A wrong token, then a receiver's: refused with a message, nothing stored.
    await token.fill('not-a-token');
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    await expect(page.getByRole('alert')).toHaveText('This token was not accepted.');
    await token.fill(receiverToken);
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    await expect(page.getByRole('alert')).toContainText('receivers answer their hand-offs on the hand-off page');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    // An alert whose window closes in under a minute: its countdown ticks by the second.
    const soonId = `E-WEB-SOON-${stamp}`;
    await importAlerts(backend.url, [`${soonId},ethoca,CUSTOMERDISPUTE,${hourAgo},5.00,EUR,SHOP-WEB-3,visa,${new Date(Date.now() + 55_000).toISOString()},`]);
    await token.fill(DEMO_AGENT_TOKEN);
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    await expect(page.getByTestId('disputes-signed-in')).toHaveText('Signed in as Alex Agent');
    const soon = page.getByTestId('inbox-item').filter({ hasText: soonId }).getByRole('timer');
    await loaded(soon).toHaveText(/^\d+ s left$/);
    const first = await soon.textContent();
    await expect(soon).not.toHaveText(first!, { timeout: 5_000 });

    const item = page.getByTestId('inbox-item').filter({ hasText: alertId });
    await expect(item).toHaveAttribute('data-stage', 'alert');
    await expect(item.getByRole('timer')).toHaveText(/^2\d h \d{2} min left$/);

    // The processor's id is text: no element made of it, no script run.
    const hostile = page.getByTestId('inbox-item').filter({ hasText: hostileId });
    await expect(hostile).toBeVisible();
    await expect(page.getByTestId('inbox').locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Opened and answered: the advice, the answer, what to report; no longer waiting in the inbox.
    await item.getByRole('button').click();
    await loaded(page.getByTestId('inbox-alert')).toContainText('Refund to prevent the chargeback');
    await page.getByTestId('inbox-answer-refund').click();
    await loaded(page.getByTestId('inbox-decision')).toContainText('Report RESOLVED to the alert provider.');
    await expect(item).toHaveCount(0);

    // An address naming a dispute opens it (the token stays in the tab).
    const hostileDisputeId = await hostile.getAttribute('data-dispute-id');
    await page.goto(`${backend.url}/disputes#dispute=${hostileDisputeId}`);
    await page.reload();
    await expect(page.getByTestId('disputes-signed-in')).toBeVisible();
    const detail = page.getByTestId('inbox-detail');
    await loaded(detail.getByRole('heading', { level: 2 })).toContainText(hostileId);
    await expect(detail.locator('img')).toHaveCount(0);
    await expect(page.getByTestId('inbox-alert')).toBeVisible();

    // Signing out forgets the token.
    await page.getByTestId('disputes-signout').click();
    await expect(page.getByLabel('Backend token')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(blocked).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a lead signs in; a token revoked meanwhile signs the page out at its next request', async ({ backend }) => {
  const created = (await api(backend.url, 'POST', '/v1/agents', DEMO_LEAD_TOKEN, { name: 'Web Inbox Lead', role: 'lead' })) as {
    token: { token: string; info: { id: string } };
  };
  const browser = await launchPlainBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${backend.url}/disputes`);
    await page.getByLabel('Backend token').fill(created.token.token);
    await page.getByLabel('Backend token').press('Enter');
    await expect(page.getByTestId('disputes-signed-in')).toHaveText('Signed in as Web Inbox Lead');
    await loaded(page.getByTestId('inbox')).toBeVisible();
    // The toolbar links to the other backend page for agents and leads.
    await expect(page.getByRole('link', { name: 'Reports' })).toHaveAttribute('href', '/reports');

    await api(backend.url, 'DELETE', `/v1/tokens/${created.token.info.id}`, DEMO_LEAD_TOKEN);
    // A filter reloads the list: the 401 signs the page out.
    await page.getByTestId('inbox-filter-stage').selectOption('alert');
    await expect(page.getByLabel('Backend token')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  } finally {
    await browser.close();
  }
});

test("a Visa 10.4 card dispute shows CE 3.0 judged from the team's imported payments, with what each earlier payment matches on", async ({ backend }) => {
  const stamp = Date.now();
  const day = 86_400_000;
  const at = (msAgo: number) => new Date(stamp - msAgo).toISOString().slice(0, 19).replace('T', ' ');
  const charge = `ch_ce3_${stamp}`;
  const disputeId = `dp_ce3_${stamp}`;
  const post = async (path: string, csv: string) => {
    const res = await fetch(`${backend.url}${path}?dryRun=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_LEAD_TOKEN}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  await post(
    '/v1/disputes/import',
    [
      'id,Created (UTC),Amount,Currency,Status,Reason,Network Reason Code,Card Brand,Charge ID,Evidence Due By (UTC)',
      `${disputeId},${at(day)},89.00,eur,needs_response,fraudulent,10.4,visa,${charge},${new Date(stamp + 10 * day).toISOString().slice(0, 16).replace('T', ' ')}`,
    ].join('\n'),
  );
  const card = `fp_${stamp}`;
  await post(
    '/v1/payments/import',
    [
      'payment_id,paid_at,card_ref,amount,currency,ip_address,device_id,shipping_address,account_id,disputed',
      `${charge},${at(20 * day)},${card},89.00,EUR,203.0.113.7,dev-ce3,"Hauptstr. 5, Berlin",acct-7,false`,
      `${charge}_a,${at(200 * day)},${card},40.00,EUR,203.0.113.7,dev-ce3,,,false`,
      `${charge}_b,${at(250 * day)},${card},25.00,EUR,203.0.113.7,,"hauptstr 5, berlin",,false`,
      `${charge}_c,${at(40 * day)},${card},25.00,EUR,203.0.113.7,dev-ce3,,,false`,
    ].join('\n'),
  );

  const browser = await launchPlainBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${backend.url}/disputes`);
    await page.getByLabel('Backend token').fill(DEMO_AGENT_TOKEN);
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    const item = page.getByTestId('inbox-item').filter({ hasText: disputeId });
    await loaded(item).toBeVisible();
    await item.getByRole('button').click();
    const ce3 = page.getByTestId('dispute-ce3');
    await loaded(ce3).toHaveAttribute('data-status', 'eligible');
    await expect(page.getByTestId('dispute-ce3-status')).toHaveText('Eligible: 2 earlier undisputed payments on the same card qualify.');
    const qualifying = page.getByRole('table', { name: 'Qualifying payments' });
    await expect(qualifying.getByRole('row')).toHaveCount(3);
    await expect(qualifying.getByRole('row').nth(1)).toContainText(`${charge}_a`);
    await expect(qualifying.getByRole('row').nth(1)).toContainText('IP address, device ID');
    await expect(qualifying.getByRole('row').nth(2)).toContainText('IP address, shipping address');
    await expect(page.getByRole('table', { name: 'Other payments on this card' })).toContainText('days before the dispute (needs 120 to 365)');
    await expect(page.getByTestId('inbox-checklist').locator('[data-key="ce3_prior_transactions"]')).toHaveAttribute('data-status', 'present');
  } finally {
    await browser.close();
  }
});
