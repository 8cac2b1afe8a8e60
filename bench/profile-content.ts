// Ad-hoc: where the extension's main-thread time goes on a portal page (CPU profile, extension scripts only).
// flock /tmp/caseside-e2e.lock npx tsx bench/profile-content.ts [fixture-name] [visits]
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend } from '../scripts/lib/backend-process';
import { chromiumPath, EXTENSION_DIR, signIn } from '../scripts/lib/chromium';
import { startSandbox } from '../sandbox/server';
import { FIXTURES } from '../tests/fixtures/manifest';
import { PROBE_SCRIPT } from './lib/probe';
import { waitForMark } from './browser-measures';
import { traceThreadTimes } from './browser-floor';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

const fixture = process.argv[2] ?? 'amazon-de-order';
const visits = Number(process.argv[3] ?? 5);
const pageUrl = FIXTURES.find((f) => f.name === fixture)!.url;
const sandbox = await startSandbox({ now: 'as-saved' });
const backendDir = mkdtempSync(join(tmpdir(), 'caseside-profile-backend-'));
const backend = await startBackend({ dataDir: backendDir, demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent' }, startTimeoutMs: 240_000 });
const profileDir = mkdtempSync(join(tmpdir(), 'caseside-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: true,
  ignoreHTTPSErrors: true,
  viewport: { width: 1400, height: 900 },
  args: [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    `--host-resolver-rules=${sandbox.hostResolverRules}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  await signIn(context, new URL(worker.url()).host, backend.url, 'demo-agent-token');
  await context.addInitScript(PROBE_SCRIPT);
  const totals = new Map<string, number>();
  const threadMs: number[] = [];
  const isWork = !fixture.includes('signin');
  for (let i = 0; i < visits + 1; i++) {
    const page = await context.newPage();
    const act = async () => {
      await page.goto(pageUrl);
      if (isWork) {
        await waitForMark(page, 'content', 10_000);
        await waitForMark(page, 'panelData', 10_000);
        await page.waitForTimeout(300);
      } else await page.waitForTimeout(1_200);
    };
    if (i % 2 === 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await act();
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.detach();
      if (i > 0) {
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const samples = profile.samples ?? [];
        const deltas = profile.timeDeltas ?? [];
        for (let s = 0; s < samples.length; s++) {
          const node = byId.get(samples[s]!)!;
          const key = node.callFrame.url.startsWith('chrome-extension://')
            ? `${node.callFrame.url.replace(/^chrome-extension:\/\/[a-p]{32}/, '')}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber} ${node.callFrame.functionName}`
            : node.callFrame.url === ''
              ? `(${node.callFrame.functionName})`
              : 'page';
          totals.set(key, (totals.get(key) ?? 0) + (deltas[s + 1] ?? 0) / 1000);
        }
      }
    } else {
      threadMs.push((await traceThreadTimes(page, new URL(pageUrl).hostname, act)).extensionMs);
    }
    await page.close();
  }
  const profiled = Math.ceil(visits / 2);
  console.log(`extension thread time per visit (trace): ${threadMs.map((m) => m.toFixed(1)).join(', ')} ms`);
  console.log(`self time per profiled visit (${profiled} visits), top entries:`);
  for (const [k, v] of [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / profiled).toFixed(2).padStart(8)} ms  ${k}`);
  if (process.env.PROFILE_OUT)
    writeFileSync(process.env.PROFILE_OUT, JSON.stringify(Object.fromEntries([...totals.entries()].map(([k, v]) => [k, v / profiled]))));
} finally {
  await context.close();
  await backend.stop();
  await sandbox.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(backendDir, { recursive: true, force: true });
}
