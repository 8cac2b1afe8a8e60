import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** `npm run fidelity`: the portal fidelity report, run in happy-dom like the adapter tests. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['scripts/fidelity.ts'],
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { settings: { disableIframePageLoading: false } } },
    testTimeout: 600_000,
    reporters: ['dot'],
  },
});
