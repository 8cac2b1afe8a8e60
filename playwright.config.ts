import { defineConfig } from '@playwright/test';

// End-to-end tests of the built extension (.output/chrome-mv3) in the system Chromium, against the
// portal sandbox under the real hostnames and a real backend process. `npm run test:e2e` builds first.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
