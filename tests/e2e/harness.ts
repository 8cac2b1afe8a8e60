import { test as base, expect, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { FIXTURES, type FixtureEntry } from '../fixtures/manifest';
import { backendStartTimeoutMs, startBackend, type BackendProcess } from '../../scripts/lib/backend-process';
import { launchWithExtension, signIn } from '../../scripts/lib/chromium';

export const DEMO_AGENT_TOKEN = 'demo-agent-token';
export const DEMO_LEAD_TOKEN = 'demo-lead-token';

type WorkerFixtures = {
  sandbox: Sandbox;
  backend: BackendProcess;
  /**
   * One Chromium profile with the extension, signed in as the demo agent, kept for the worker: for the
   * specs that only read pages (every sandbox page, the case pages), which need no fresh profile per
   * test and spend most of their time starting one. Their tests close the pages they open.
   */
  sharedContext: BrowserContext;
};
type TestFixtures = {
  context: BrowserContext;
  extensionId: string;
  /** A second agent in its own browser profile, signed in with the other demo token. */
  openSecondAgent: () => Promise<BrowserContext>;
};

/**
 * One sandbox and one demo backend per worker (one worker: the machine has two cores); a fresh
 * Chromium profile with the extension, signed in as the demo agent, per test.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox({ now: 'as-saved' });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  backend: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'caseside-e2e-data-'));
      const backend = await startBackend({ dataDir });
      await use(backend);
      await backend.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: backendStartTimeoutMs() + 30_000 },
  ],
  sharedContext: [
    async ({ sandbox, backend }, use) => {
      const { context, extensionId } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
      await signIn(context, extensionId, backend.url, DEMO_AGENT_TOKEN);
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  context: async ({ sandbox, backend }, use) => {
    const { context, extensionId } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
    await signIn(context, extensionId, backend.url, DEMO_AGENT_TOKEN);
    (context as BrowserContext & { __extensionId?: string }).__extensionId = extensionId;
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use((context as BrowserContext & { __extensionId?: string }).__extensionId!);
  },
  openSecondAgent: async ({ sandbox, backend }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const { context, extensionId } = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
      await signIn(context, extensionId, backend.url, DEMO_LEAD_TOKEN);
      opened.push(context);
      return context;
    });
    await Promise.all(opened.map((c) => c.close()));
  },
});

export { expect };

/** For specs on the shared profile: closes the pages a test opened, so the next starts from none. */
export async function closePages(context: BrowserContext): Promise<void> {
  await Promise.all(context.pages().map((p) => p.close()));
}

export function fixture(name: string): FixtureEntry {
  const f = FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture named ${name}`);
  return f;
}

/** The panel inside its open shadow root (Playwright's CSS locators pierce it). */
export const PANEL = 'caseside-panel [data-testid="caseside-panel"]';
