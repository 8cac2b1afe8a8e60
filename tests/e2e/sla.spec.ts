import { PANEL, expect, fixture, test } from './harness';

// The clock each page kind carries, from the page's own times and the default policies
// (docs/portals.md). The sandbox pages are dated November 2025, so these clocks have run out.
const CASES: { name: string; caseKind: string; deadline: string; state: string }[] = [
  // "Versand bis: Di., 4. Nov. 2025, 23:59 MEZ": the MFN order's ship-by, 22:59 UTC.
  { name: 'amazon-de-order', caseKind: 'amazon_mfn_shipment', deadline: '2025-11-04T22:59:00.000Z', state: 'breached' },
  // Notified Wed, Nov 5, 2025, 10:00 AM PST: seven calendar days.
  { name: 'amazon-com-chargeback', caseKind: 'amazon_chargeback', deadline: '2025-11-12T18:00:00.000Z', state: 'breached' },
  // Buyer wrote 2 Nov 2025, 15:20 GMT: 24 hours, weekends included.
  { name: 'amazon-uk-message', caseKind: 'amazon_buyer_message', deadline: '2025-11-03T15:20:00.000Z', state: 'breached' },
  // A-to-z claim filed 2 Nov 2025 14:20 UTC: the information request clock, 48 h by default.
  { name: 'amazon-fr-claim', caseKind: 'amazon_atoz_info_request', deadline: '2025-11-04T14:20:00.000Z', state: 'breached' },
  // Zalando Customer Care request of 2 Nov 2025 14:20 UTC: 24 hours.
  { name: 'zalando-cc-request', caseKind: 'zalando_customer_care', deadline: '2025-11-03T14:20:00.000Z', state: 'breached' },
];

for (const c of CASES) {
  test(`${c.name}: ${c.caseKind} due ${c.deadline}`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(fixture(c.name).url);
    const clock = page.locator(PANEL).getByTestId('sla-countdown');
    await expect(clock).toHaveAttribute('data-case-kind', c.caseKind);
    await expect(clock).toHaveAttribute('data-deadline', c.deadline);
    await expect(clock).toHaveAttribute('data-sla-state', c.state);
    await expect(clock).toContainText('overdue');
  });
}

test('a reply the seller starts now has a running clock in the ok state', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-de-contact-buyer').url);
  const clock = page.locator(PANEL).getByTestId('sla-countdown');
  await expect(clock).toHaveAttribute('data-sla-state', 'ok');
  const deadline = Date.parse((await clock.getAttribute('data-deadline'))!);
  expect(deadline).toBeGreaterThan(Date.now());
  await expect(clock).toContainText('left');
});
