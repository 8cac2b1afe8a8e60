// `wxt prepare` generates the extension's types (.wxt/). A backend-only install (`npm ci --omit=dev`)
// has no wxt and needs none of that, so the step is skipped there instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/wxt/bin/wxt.mjs')) {
  console.log('postinstall: wxt is not installed (backend-only install); skipping `wxt prepare`.');
  process.exit(0);
}
const result = spawnSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'prepare'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
