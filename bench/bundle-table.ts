import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTable } from './lib/source-map-sizes';

/**
 * What each injected script is made of, module by module (kB minified), from the build's source maps:
 *   CS_SOURCEMAP=1 npx wxt build && npx tsx bench/bundle-table.ts [--top 25] [file.js ...]
 * Without files: the panel scripts and their sections in .output/chrome-mv3.
 */
const OUT = '.output/chrome-mv3';
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith('--') && i !== topAt + 1);
const targets = files.length
  ? files
  : readdirSync(OUT)
      .filter((f) => /^panel(-[a-z]+)+\.js$/.test(f))
      .map((f) => join(OUT, f));

for (const file of targets) {
  if (!existsSync(`${file}.map`)) {
    console.log(`${file}: no source map; build with CS_SOURCEMAP=1 npx wxt build`);
    continue;
  }
  const rows = bundleTable(file);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`\n${file}: ${(total / 1000).toFixed(1)} kB`);
  console.log('| module | kB |\n|---|---:|');
  for (const r of rows.slice(0, top)) console.log(`| ${r.part} | ${(r.bytes / 1000).toFixed(1)} |`);
  const rest = rows.slice(top).reduce((sum, r) => sum + r.bytes, 0);
  if (rest) console.log(`| ${rows.length - top} more | ${(rest / 1000).toFixed(1)} |`);
}
