import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * Pages the backend serves to people without the extension (warehouse staff answering hand-offs, the
 * reports, the disputes inbox). Each page is a small React entry under server/web/pages/<name>.tsx, bundled by esbuild into
 * one script the first time it is asked for and kept in memory: no build step, no file written, and the
 * page's HTML holds no inline script (the CSP allows scripts from this origin only).
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

/** Page names are constants of the server (the route checks a request's name against this list). */
export const WEB_PAGES = ['handoffs', 'reports', 'disputes'] as const;
export type WebPage = (typeof WEB_PAGES)[number];

export function isWebPage(name: string): name is WebPage {
  return (WEB_PAGES as readonly string[]).includes(name);
}

function bundleOptions(page: WebPage) {
  return {
    entryPoints: [path.join(HERE, 'pages', `${page}.tsx`)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    // The shared code imports with '@/' like the extension does.
    alias: { '@': ROOT },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  } satisfies BuildOptions;
}

async function bundle(page: WebPage): Promise<string> {
  const result = await build(bundleOptions(page));
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for the ${page} page`);
  return file.text;
}

/**
 * The npm packages a page's script is built from. They are bundled when the page is first asked for, on
 * the team's server, so each must be a runtime dependency (a backend installed with --omit=dev has no others).
 */
export async function pagePackages(page: WebPage): Promise<string[]> {
  const result = await build({ ...bundleOptions(page), metafile: true, minify: false });
  const names = Object.keys(result.metafile.inputs).flatMap((input) => {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    return m ? [m[1]!] : [];
  });
  return [...new Set(names)].sort();
}

/**
 * The scripts of the pages, each bundled once (on first request, or ahead of time with warm) and cached.
 * A failed bundle is not cached, so the next request tries again.
 */
export class PageScripts {
  private readonly cache = new Map<WebPage, Promise<string>>();

  script(page: WebPage): Promise<string> {
    let pending = this.cache.get(page);
    if (!pending) {
      pending = bundle(page);
      this.cache.set(page, pending);
      pending.catch(() => this.cache.delete(page));
    }
    return pending;
  }

  /** Bundles every page now (a server that wants its first visitor served at once). */
  async warm(): Promise<void> {
    await Promise.all(WEB_PAGES.map((p) => this.script(p)));
  }
}
