import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PortalDefinition } from '../../utils/portals/definition';

/**
 * The repository's rule for portals, as code the conventions test runs: portal knowledge (a portal's id,
 * its clock or dispute ids, its hosts) appears only in the portal's folder, its detector entrypoint and
 * the registry. Test files, fixtures, seeds and test-data builders are data and may name portals.
 */

const SOURCE_ROOTS = ['utils', 'components', 'entrypoints', 'server', 'scripts', 'sandbox', 'bench', 'wxt.config.ts'];
const SOURCE_RE = /\.(?:ts|tsx)$/;

/** Files whose job is data: tests, fixtures, demo and bench seeds, test-data builders. */
const DATA_FILE_RES = [/\.test\.tsx?$/, /\.spec\.ts$/, /^tests\//, /^server\/seed\//, /^bench\//];

/** Where the registry itself lives: the list, and the adapters keyed by it. */
const REGISTRY_FILES = new Set(['utils/portals/registry.ts', 'utils/portals/adapters.ts']);

export interface Finding {
  file: string;
  line: number;
  portal: string;
  text: string;
}

export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_RE.test(entry.name)) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const top of SOURCE_ROOTS) {
    const path = join(root, top);
    if (!existsSync(path)) continue;
    if (SOURCE_RE.test(top)) files.push(top);
    else walk(path);
  }
  return files.sort();
}

/** Comments say why and may name a portal as an example; only code counts. Strings keep their content. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (ch === '/' && next === '/' && !/[\w)\]]\s*$/.test(out.slice(-20))) {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Host labels that name no portal (an admin subdomain, a `*.` wildcard): never markers. */
const GENERIC_HOST_LABELS = new Set(['*', 'www', 'admin', 'app']);

/** The words that give a portal away: its id (also inside clock and dispute ids), its hosts' names. */
export function markersOf(portal: PortalDefinition): RegExp {
  const words = new Set<string>([portal.id]);
  for (const host of portal.hosts) {
    // "sellercentral.amazon.de" -> sellercentral, amazon: the labels that are not a public suffix.
    for (const label of host.split('.').slice(0, -1)) if (label.length > 3 && !GENERIC_HOST_LABELS.has(label)) words.add(label.replace(/-\w+$/, ''));
  }
  const alternatives = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![a-z])(?:${alternatives})`, 'i');
}

/**
 * Every line of code outside a portal's own places (its folder, its detector entrypoint) that names a
 * portal, minus the allowed ones.
 */
export function portalKnowledgeOutsideFolders(root: string, portals: readonly PortalDefinition[], allowed: ReadonlyMap<string, readonly string[]>): Finding[] {
  const findings: Finding[] = [];
  const markers = portals.map((p) => [p, markersOf(p)] as const);
  for (const file of listSourceFiles(root)) {
    if (REGISTRY_FILES.has(file) || DATA_FILE_RES.some((re) => re.test(file))) continue;
    const owner = portals.find(
      (p) => file.startsWith(`utils/portals/${p.id}/`) || file === `entrypoints/${p.detector.entrypoint}.ts` || file === `entrypoints/${p.panel.entrypoint}.ts`,
    );
    const lines = stripComments(readFileSync(join(root, file), 'utf8')).split('\n');
    lines.forEach((text, index) => {
      for (const [portal, re] of markers) {
        if (portal === owner || !re.test(text)) continue;
        const allowance = allowed.get(file) ?? [];
        if (allowance.some((fragment) => text.includes(fragment))) continue;
        findings.push({ file, line: index + 1, portal: portal.id, text: text.trim().slice(0, 160) });
      }
    });
  }
  return findings;
}
