import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { PANEL, expect, fixture, test } from './harness';

// The sandbox's chargeback and A-to-z claim pages against the demo backend, whose seed holds the team's
// decided disputes (the win rate) and the orders behind these pages.

const item = (dispute: Locator, key: string) => dispute.locator(`[data-testid="evidence-item"][data-key="${key}"]`);

async function openDispute(page: Page, name: string): Promise<Locator> {
  await page.goto(fixture(name).url);
  const dispute = page.locator(PANEL).getByTestId('dispute');
  await expect(dispute).toBeVisible();
  return dispute;
}

async function downloadDefence(page: Page, dispute: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), dispute.getByTestId('build-defence').click()]);
  expect(download.suggestedFilename()).toMatch(/^defence-[A-Za-z0-9_-]+\.pdf$/);
  return readFile((await download.path())!);
}

test('chargeback: deadline, evidence found and missing, completing an item, the defence PDF', async ({ context }) => {
  const page = await context.newPage();
  const dispute = await openDispute(page, 'amazon-com-chargeback');
  // Amazon chargebacks: 7 days from the notification (Wed, Nov 5, 2025, 10:00 AM PST).
  await expect(dispute).toHaveAttribute('data-deadline', '2025-11-12T18:00:00.000Z');
  await expect(dispute.getByTestId('dispute-time-left')).toContainText('Overdue by');
  await expect(dispute.getByTestId('dispute-recommendation')).toHaveAttribute('data-action', /^(fight|refund|accept)$/);
  await expect(dispute.getByTestId('dispute-recommendation')).toContainText("Won 5 of 7 'not received' disputes");

  await expect(item(dispute, 'order_details')).toHaveAttribute('data-status', 'present');
  await expect(item(dispute, 'shipping_address')).toHaveAttribute('data-status', 'present');
  await expect(item(dispute, 'case_notes')).toHaveAttribute('data-status', 'present');
  const tracking = item(dispute, 'tracking_number');
  await expect(tracking).toHaveAttribute('data-status', 'missing');
  await expect(item(dispute, 'proof_of_delivery')).toHaveAttribute('data-status', 'missing');

  await tracking.getByTestId('evidence-input').fill('1Z999AA10123456784 (UPS Ground)');
  await tracking.getByTestId('evidence-save').click();
  await expect(tracking).toHaveAttribute('data-status', 'present');
  await expect(tracking.getByTestId('evidence-value')).toHaveText('1Z999AA10123456784 (UPS Ground)');

  // A file by the picker: read in the page, sent through the worker as base64, checked by the backend.
  const pod = item(dispute, 'proof_of_delivery');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 1)]);
  // A file on disk, as an agent picks one: Chromium then fires trusted input/change events (a buffer
  // would be handed over by script, and the panel rightly ignores untrusted events).
  const podFile = join(await mkdtemp(join(tmpdir(), 'caseside-pod-')), 'ups-pod.png');
  await writeFile(podFile, png);
  await pod.getByTestId('evidence-file').setInputFiles(podFile);
  await expect(pod).toHaveAttribute('data-status', 'present');
  await expect(dispute.getByTestId('dispute-attachments')).toContainText('ups-pod.png');

  const pdf = await downloadDefence(page, dispute);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1500);
  expect(pdf.length).toBeLessThan(1_000_000);
  await expect(dispute.getByTestId('defence-download')).toHaveAttribute('href', /^blob:https:\/\/sellercentral\.amazon\.com\//);

  // The evidence addition is in the order's case history, visible to the team.
  await expect(page.locator(PANEL).getByTestId('history-item').filter({ hasText: 'evidence added, Tracking number' })).toHaveCount(1);
});

test('A-to-z claim: deadline by stage, tracking from the order page, the plain-text defence', async ({ context }) => {
  const page = await context.newPage();
  const dispute = await openDispute(page, 'amazon-fr-claim');
  // Information request: 48 hours from the filing (dim. 2 nov. 2025 15:20 CET).
  await expect(dispute).toHaveAttribute('data-deadline', '2025-11-04T14:20:00.000Z');
  await expect(item(dispute, 'tracking_number')).toHaveAttribute('data-status', 'present');
  const pod = item(dispute, 'proof_of_delivery');
  await expect(pod).toHaveAttribute('data-status', 'missing');
  await pod.getByTestId('evidence-input').fill('Colissimo: livré le 28/10/2025 à 11:02, remis en main propre');
  await pod.getByTestId('evidence-save').click();
  await expect(pod).toHaveAttribute('data-status', 'present');
  const signature = item(dispute, 'signature_confirmation');
  await signature.getByTestId('evidence-na').click();
  await expect(signature).toHaveAttribute('data-status', 'not_applicable');

  await dispute.getByTestId('copy-defence-text').click();
  const text = dispute.getByTestId('defence-text');
  await expect(text).toBeVisible();
  const value = await text.inputValue();
  expect(value).toContain('AZ7QK2LX9M');
  expect(value).toContain('403-1112223-3334445');
  expect(value).toContain('6A12345678901');
  expect(value).toContain('Colissimo: livré le 28/10/2025');
  expect(value.length).toBeLessThanOrEqual(4000);

  const pdf = await downloadDefence(page, dispute);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1500);
});
