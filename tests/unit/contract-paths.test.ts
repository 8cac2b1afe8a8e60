import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '@/utils/api-routes';
import { findPathLiterals, matchesDeclared, type PathLiteral } from './path-literals';

/**
 * No backend path is spelled twice: every `/v1/...` string in the source (tests aside: they call the API
 * as a client would) names a route declared in utils/api-routes, and each is spelled once in the whole
 * tree, which is the declaration itself. Everything else builds paths from the contract by route id.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils', 'server', 'scripts', 'sandbox', 'bench'];
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', 'data', 'data-demo', 'results', 'migrations']);
const isTest = (name: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return /\.(tsx?|[cm]?js)$/.test(entry.name) && !isTest(entry.name) ? [path] : [];
  });
}

const declared = (Object.values(CONTRACT) as { path: string }[]).map((r) => r.path).filter((p) => p.startsWith('/v1'));

function problemsIn(literals: PathLiteral[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, PathLiteral>();
  for (const lit of literals) {
    const where = `${lit.file}:${lit.line}`;
    if (!matchesDeclared(lit.path, declared)) problems.push(`${where}: ${lit.path} is not a route of the contract (utils/api-routes)`);
    // `/v1/cases/${id}/sla` spells the same path as `/v1/cases/:id/sla`.
    const key = lit.path.replace(/\/:[^/]+/g, '/:param');
    const first = seen.get(key);
    if (first) problems.push(`${where}: ${lit.path} is already spelled at ${first.file}:${first.line}; name the route by id instead`);
    else seen.set(key, lit);
  }
  return problems;
}

function treeLiterals(): PathLiteral[] {
  return SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((file) => findPathLiterals(relative(ROOT, file), readFileSync(file, 'utf8')));
}

describe('backend paths in the source', () => {
  // One walk of the tree for both checks; it reads every source file, so it gets time on a loaded machine.
  let literals: PathLiteral[] = [];
  beforeAll(() => {
    literals = treeLiterals();
  }, 60_000);

  it('are each spelled once, in the contract, and all name a declared route', () => {
    // The walk does reach the contract's own declarations.
    expect(literals.some((l) => l.file.startsWith(join('utils', 'api-routes')) && l.path === '/v1/panel')).toBe(true);
    expect(problemsIn(literals)).toEqual([]);
  });

  it('catches a path spelled again, an interpolated one and an undeclared one', () => {
    const added = [
      ...findPathLiterals('entrypoints/background/x.ts', "session.call({ method: 'POST', path: '/v1/panel' });"),
      ...findPathLiterals('entrypoints/background/y.ts', 'const p = `/v1/cases/${id}/status`;'),
      ...findPathLiterals('server/routes/z.ts', 'const w = `/v1/webhooks/${processor}/${teamId}`; // `/v1/nowhere` in a comment is fine'),
      ...findPathLiterals('server/routes/v.ts', "app.get('/v1/nowhere', handler);"),
    ];
    const problems = problemsIn([...literals, ...added]);
    expect(problems).toEqual([
      expect.stringContaining('x.ts:1: /v1/panel is already spelled at utils'),
      expect.stringContaining('y.ts:1: /v1/cases/:param/status is already spelled at'),
      expect.stringContaining('z.ts:1: /v1/webhooks/:param/:param is not a route'),
      expect.stringContaining('v.ts:1: /v1/nowhere is not a route'),
    ]);
  });
});

describe('the contract', () => {
  it('declares each method and path once, with a summary', () => {
    const routes = Object.entries(CONTRACT) as [string, { method: string; path: string; summary: string }][];
    const keys = routes.map(([, r]) => `${r.method} ${r.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(routes.filter(([, r]) => !r.summary.trim()).map(([id]) => id)).toEqual([]);
  });
});
