import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The URL of a worker entry next to the calling module: its `.ts` file when the server runs as
 * TypeScript (tsx), its `.js` file once compiled.
 */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * Starts a worker thread on `entry`. On Node 20 a worker's entry file is loaded before `--import tsx`
 * takes effect, so a TypeScript entry is reached through a small script that registers tsx first.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const withLimits = { resourceLimits: { maxOldGenerationSizeMb: 256 }, ...options };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, withLimits);
  // tsx's `import` export of ./esm/api (its `require` one cannot be loaded from an ES module).
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...withLimits, eval: true });
}
