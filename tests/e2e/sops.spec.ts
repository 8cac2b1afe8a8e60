import type { BrowserContext } from '@playwright/test';
import { launchWithExtension, signIn } from '../../scripts/lib/chromium';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN, PANEL, expect, fixture, test } from './harness';

/** The lead writes SOPs through the backend (as the lead tools do); the panel shows those that fit. */
async function api<T>(backendUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${backendUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const stamp = Date.now().toString(36);
const TITLE_BOTH = `Chargeback steps ${stamp}`;
const TITLE_DE_ONLY = `Nur Deutsch ${stamp}`;
const TITLE_ZALANDO = `Zalando only ${stamp}`;

test.describe.configure({ mode: 'serial' });

test('SOPs appear on a matching chargeback in the agent language (English and German), HTML as text, views and proposals reach the lead', async ({
  context,
  backend,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const tags = (over: Record<string, string[]>) => ({ portals: [], pageKinds: [], caseKinds: [], disputeReasons: [], fraudIndicators: [], ...over });
  await api(backend.url, DEMO_LEAD_TOKEN, 'POST', '/v1/sops', {
    title: TITLE_BOTH,
    defaultLanguage: 'en',
    bodies: {
      en: '## Before answering\n\n1. Check the **tracking**\n2. Upload the proof\n\n<script>window.__sopRan = true</script>',
      de: '## Vor der Antwort\n\n1. **Sendungsverfolgung** prüfen\n2. Nachweis hochladen',
    },
    tags: tags({ portals: ['amazon'], pageKinds: ['chargeback'] }),
  });
  await api(backend.url, DEMO_LEAD_TOKEN, 'POST', '/v1/sops', {
    title: TITLE_DE_ONLY,
    defaultLanguage: 'de',
    bodies: { de: '- Nur auf Deutsch geschrieben' },
    tags: tags({ pageKinds: ['chargeback'] }),
  });
  await api(backend.url, DEMO_LEAD_TOKEN, 'POST', '/v1/sops', {
    title: TITLE_ZALANDO,
    defaultLanguage: 'en',
    bodies: { en: 'Zalando' },
    tags: tags({ portals: ['zalando'] }),
  });

  const page = await context.newPage();
  await page.goto(fixture('amazon-de-chargebacks-detail').url);
  const panel = page.locator(PANEL);
  const section = panel.getByTestId('sop-section');
  await expect(section).toHaveAttribute('data-state', 'idle');
  await section.getByTestId('sop-toggle').click();
  await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  const both = section.getByTestId('sop-article').filter({ hasText: TITLE_BOTH });
  const deOnly = section.getByTestId('sop-article').filter({ hasText: TITLE_DE_ONLY });
  await expect(both).toHaveAttribute('data-language', 'en');
  await expect(deOnly).toHaveAttribute('data-language', 'de');
  await expect(deOnly.getByTestId('sop-language')).toContainText('no translation in your language');
  await expect(section.getByTestId('sop-article').filter({ hasText: TITLE_ZALANDO })).toHaveCount(0);
  await expect(both.getByTestId('sop-reviewed')).toContainText('Last reviewed');

  await both.getByTestId('sop-open').click();
  await expect(both.locator('h5')).toHaveText('Before answering');
  await expect(both.locator('ol li')).toHaveCount(2);
  await expect(both).toContainText('<script>window.__sopRan = true</script>');
  expect(await page.evaluate(() => (window as unknown as { __sopRan?: boolean }).__sopRan)).toBeUndefined();

  // A proposal goes through the outbox to the lead, who accepts it into version 2.
  await both.getByTestId('sop-propose').click();
  await both.getByTestId('sop-proposal-body').fill('## Before answering\n\n1. Check the tracking\n2. Upload the proof\n3. Note the carrier');
  await both.getByTestId('sop-proposal-note').fill('Step 3 was missing');
  await both.getByTestId('sop-proposal-send').click();
  await expect(both.getByTestId('sop-proposal-done')).toBeVisible();
  type Proposal = { id: string; sopTitle: string; note: string };
  let mine: Proposal | undefined;
  await expect
    .poll(async () => {
      const { proposals } = await api<{ proposals: Proposal[] }>(backend.url, DEMO_LEAD_TOKEN, 'GET', '/v1/sop-proposals?status=pending');
      mine = proposals.find((p) => p.sopTitle === TITLE_BOTH);
      return mine?.note;
    })
    .toBe('Step 3 was missing');
  await api(backend.url, DEMO_LEAD_TOKEN, 'POST', `/v1/sop-proposals/${mine!.id}/decision`, { decision: 'accept' });

  // The view was recorded for the reports (once), under the chargeback's case kind or none.
  type Report = { viewsByCaseKind: { caseKind: string; views: number }[]; proposals: { accepted: number } };
  await expect
    .poll(async () => {
      const report = await api<Report>(backend.url, DEMO_LEAD_TOKEN, 'GET', '/v1/reports/sops');
      return report.viewsByCaseKind.reduce((n, r) => n + r.views, 0) > 0 && report.proposals.accepted > 0;
    })
    .toBe(true);

  // Reopened, the section shows the accepted text and the author sees the outcome.
  await section.getByTestId('sop-toggle').click();
  await section.getByTestId('sop-toggle').click();
  await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await both.getByTestId('sop-open').click();
  await expect(both).toContainText('Note the carrier');
  await expect(both.getByTestId('sop-my-proposal')).toHaveAttribute('data-status', 'accepted');

  // A German browser: the same SOP in German, no fallback note.
  let german: BrowserContext | undefined;
  try {
    const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, lang: 'de' });
    german = launched.context;
    await signIn(german, launched.extensionId, backend.url, DEMO_AGENT_TOKEN);
    const options = await german.newPage();
    await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
    const uiLanguage = await options.evaluate(() => (window as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    await options.close();
    expect(uiLanguage.slice(0, 2), `the browser started in German, not ${uiLanguage} (Debian: apt-get install chromium-l10n)`).toBe('de');
    const dePage = await german.newPage();
    await dePage.goto(fixture('amazon-de-chargebacks-detail').url);
    const deSection = dePage.locator(PANEL).getByTestId('sop-section');
    await deSection.getByTestId('sop-toggle').click();
    await expect(deSection).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    const deBoth = deSection.getByTestId('sop-article').filter({ hasText: TITLE_BOTH });
    await expect(deBoth).toHaveAttribute('data-language', 'de');
    await expect(deBoth.getByTestId('sop-language')).toHaveText('Auf Deutsch');
    await deBoth.getByTestId('sop-open').click();
    await expect(deBoth.locator('h5')).toHaveText('Vor der Antwort');
  } finally {
    await german?.close();
  }
});

test('no SOP section content on a page no SOP fits', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('zalando-cc-request').url);
  const section = page.locator(PANEL).getByTestId('sop-section');
  await section.getByTestId('sop-toggle').click();
  await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(section.getByTestId('sop-article').filter({ hasText: TITLE_BOTH })).toHaveCount(0);
  await expect(section.getByTestId('sop-article').filter({ hasText: TITLE_ZALANDO })).toHaveCount(1);
});
