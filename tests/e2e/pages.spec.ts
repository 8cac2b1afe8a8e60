import { FIXTURES } from '../fixtures/manifest';
import { PORTAL_HOSTS } from '../../utils/portals/catalogue';
import { PANEL, closePages, expect, fixture, test } from './harness';

test.afterEach(({ sharedContext }) => closePages(sharedContext));

// Every sandbox page: the right page kind, order id, buyer and marketplace, in real Chromium under
// the real hostnames. Pages that are not work pages get no panel.
// Pages on hosts a lead adds (Mirakl back offices) get a panel only once added: tests/e2e/mirakl.spec.ts.
for (const f of FIXTURES.filter((x) => PORTAL_HOSTS.has(new URL(x.url).hostname))) {
  test(`${f.name}: ${f.expected.pageKind}`, async ({ sharedContext: context }) => {
    const page = await context.newPage();
    await page.goto(f.url);
    const panel = page.locator(PANEL);
    if (f.expected.pageKind === 'unknown') {
      await page.waitForTimeout(500);
      await expect(page.locator('caseside-panel')).toHaveCount(0);
      return;
    }
    await expect(panel).toHaveAttribute('data-page-kind', f.expected.pageKind);
    if (f.expected.orderId) await expect(panel.getByTestId('order-id')).toHaveText(f.expected.orderId);
    if (f.expected.buyerName) await expect(panel.getByTestId('buyer-name')).toHaveText(f.expected.buyerName);
    if (f.expected.marketplace) await expect(panel.getByTestId('marketplace')).toHaveAttribute('data-marketplace', f.expected.marketplace);
    if (f.expected.recognition === 'unrecognized') await expect(panel).toHaveAttribute('data-state', 'unrecognized');
    else await expect(panel).not.toHaveAttribute('data-state', /unrecognized|loading/);
  });
}

test('follows SPA navigation from the order list to an order as soon as its content appears', async ({ sharedContext: context }) => {
  const list = fixture('amazon-com-order-list');
  const page = await context.newPage();
  await page.goto(list.url);
  const panel = page.locator(PANEL);
  await expect(panel).toHaveAttribute('data-page-kind', 'order-list');
  await page.locator('a[href*="/orders-v3/order/"]').first().click();
  await expect(panel).toHaveAttribute('data-page-kind', 'order');
  await expect(panel.getByTestId('order-id')).toHaveText(/^\d{3}-\d{7}-\d{7}$/);
  const shownId = await panel.getByTestId('order-id').textContent();
  expect(page.url()).toContain(shownId!);
  // Back to the list: the panel follows again, without a reload.
  await page.goBack();
  await expect(panel).toHaveAttribute('data-page-kind', 'order-list');
});

test('hostile page text is shown literally and runs nothing', async ({ sharedContext: context }) => {
  const f = FIXTURES.find((x) => x.name.includes('hostile'))!;
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(f.url);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('buyer-name')).toContainText('<');
  await expect(panel.locator('img, script, iframe')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
});
