/**
 * `npm start`: the demo. Builds the extension, starts the backend with the demo team on
 * http://127.0.0.1:8787 (embedded database in ./data-demo, apart from a real team's ./data), and the portal sandbox on port 8443. With a display,
 * opens Chromium with the extension loaded and signed in, on the sandbox's Seller Central order page;
 * without one, prints the steps to do that by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { FIXTURES } from '../tests/fixtures/manifest';
import { startBackend } from './lib/backend-process';
import { EXTENSION_DIR, chromiumPath, launchWithExtension, signIn } from './lib/chromium';

const BACKEND_PORT = Number(process.env.CASESIDE_PORT ?? 8787);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8443);
const DATA_DIR = resolve(process.env.CASESIDE_DATA_DIR ?? 'data-demo');
const DEMO_TOKEN = 'demo-agent-token';

console.log('== building the extension (wxt build)');
const build = spawnSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The extension did not build; see the errors above.');
  process.exit(1);
}

mkdirSync(DATA_DIR, { recursive: true });
// One instant for the whole demo: the backend's seed and the sandbox's pages are dated relative to it,
// so a buyer message is hours old, a chargeback days old and an order ships tomorrow, and the clocks run.
const DEMO_NOW = new Date();
console.log(`== starting the backend with the demo team (data in ${DATA_DIR})`);
const backend = await startBackend({
  dataDir: DATA_DIR,
  port: BACKEND_PORT,
  demo: true,
  env: { CASESIDE_DEMO_NOW: DEMO_NOW.toISOString(), ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) },
});
console.log('== starting the portal sandbox');
const sandbox = await startSandbox({ port: SANDBOX_PORT, now: DEMO_NOW });
const orderUrl = FIXTURES.find((f) => f.name === 'amazon-de-order')!.url;

const stopAll = async () => {
  await Promise.allSettled([backend.stop(), sandbox.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let browserPath: string | null = null;
try {
  browserPath = chromiumPath();
} catch {
  browserPath = null;
}

console.log(`
Caseside demo is running.
  Backend:  ${backend.url}   (demo tokens: ${DEMO_TOKEN} for an agent, demo-lead-token for a lead)
  Sandbox:  127.0.0.1:${sandbox.port}, serving the portals' own hostnames to a Chromium started with the
            sandbox's host mapping (list of pages: https://sellercentral.amazon.de/caseside-sandbox)
  Extension: ${EXTENSION_DIR}
`);

if (hasDisplay && browserPath) {
  const { context, extensionId } = await launchWithExtension({
    hostResolverRules: sandbox.hostResolverRules,
    headless: false,
    userDataDir: resolve(DATA_DIR, 'chromium-profile'),
  });
  await signIn(context, extensionId, backend.url, DEMO_TOKEN);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(orderUrl);
  console.log('Chromium is open with Caseside signed in on the sandbox order page. Close it or press Ctrl+C to stop.');
  context.on('close', () => void stopAll());
} else {
  console.log(`No display here, so no browser was opened. To try it:
  1. Start Chromium with the sandbox's host mapping (the portals' real hostnames resolve to the sandbox):
       ${browserPath ?? 'chromium'} --user-data-dir=${resolve(DATA_DIR, 'chromium-profile')} \\
         --host-resolver-rules="${sandbox.hostResolverRules}" \\
         --ignore-certificate-errors
  2. Open chrome://extensions, switch on Developer mode, "Load unpacked" and pick ${EXTENSION_DIR}
  3. Open the extension's options (Details > Extension options), enter the backend ${backend.url}
     and the token ${DEMO_TOKEN}, and press Sign in.
  4. Open ${orderUrl}
Press Ctrl+C to stop.`);
}
