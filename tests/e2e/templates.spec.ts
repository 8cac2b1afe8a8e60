import { PANEL, expect, fixture, test } from './harness';

test('inserts into a kat-textarea so that the portal registers it: counter, send button, text kept', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-de-contact-buyer').url);
  const box = page.locator('kat-textarea textarea');
  await box.fill('Vorab: ');
  const panel = page.locator(PANEL);
  // The buyer's language (Amazon.de: German) comes first.
  await expect(panel.getByTestId('template-item').first()).toHaveAttribute('data-language', 'de');
  await panel.getByTestId('template-search').fill('verzug');
  await panel.getByTestId('template-item').first().getByTestId('template-insert').click();
  await expect(panel.getByTestId('template-feedback')).toHaveAttribute('data-result', 'ok');
  const value = await box.inputValue();
  expect(value.startsWith('Vorab: Hallo Max Mustermann,')).toBe(true);
  expect(value).toContain('Ihre Bestellung 302-1234567-1234567 ist unterwegs');
  // The page's own framework saw the input: its counter and its send button react.
  await expect(page.locator('kat-textarea .count')).toHaveText(`${value.length} / 4000`);
  await page.locator('kat-button#send-contact button').click();
  await expect(page.locator('#send-status')).toHaveText(`Sent: ${value.length} characters`);
  // The insertion is logged in the case history.
  await expect(panel.locator('[data-testid="history-item"][data-event-type="template_inserted"]').first()).toBeVisible();
});

test('inserts with the keyboard alone: type to filter, arrows, Enter', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('amazon-de-contact-buyer').url);
  const panel = page.locator(PANEL);
  await panel.getByTestId('template-search').click();
  await page.keyboard.type('adresse');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('kat-textarea textarea')).toHaveValue(/Lieferadresse aus Sicherheitsgründen nicht ändern/);
  await expect(page.locator('kat-button#send-contact button')).toBeEnabled();
});

test('inserts into a plain textarea on zDirect at the caret', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('zalando-cc-request').url);
  const reply = page.locator('textarea#reply');
  await reply.fill('Hello, ');
  const panel = page.locator(PANEL);
  await panel.getByTestId('template-search').fill('verzug');
  await panel.getByTestId('template-search').press('Enter');
  await expect(reply).toHaveValue(/^Hello, Hallo .*Ihre Bestellung 1040970000502251 ist unterwegs/s);
});
