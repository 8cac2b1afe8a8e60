import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The system Chromium (Debian's), never a downloaded one. CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.');
  return found;
}

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export async function launchWithExtension(opts: {
  hostResolverRules: string;
  headless?: boolean;
  userDataDir?: string;
  /** The browser's UI language (what the extension's i18n reads), e.g. 'de'. */
  lang?: string;
  /** Another copy of the built extension (a test's with its manifest changed); default the build. */
  extensionDir?: string;
}): Promise<{ context: BrowserContext; extensionId: string }> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('The extension is not built: run `npm run build` first.');
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'caseside-chromium-')), {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    // On Linux Chromium takes its UI language from the environment, and needs its translations installed
    // (Debian's chromium-l10n); --lang alone is not enough. Under the Playwright test runner the context's
    // locale must be given too, or the runner's default locale (en-US) wins.
    ...(opts.lang ? { locale: opts.lang } : {}),
    ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang } } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${opts.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

/** Signs in through the options page, as a user would. */
export async function signIn(context: BrowserContext, extensionId: string, backendUrl: string, token: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('backend-url').fill(backendUrl);
  await page.getByTestId('api-token').fill(token);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-in-status').and(page.locator('[data-status="signed-in"]')).waitFor({ timeout: 15_000 });
  await page.close();
}
