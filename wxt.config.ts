import { defineConfig } from 'wxt';
import type { Alias, Plugin } from 'vite';
import { resolve } from 'node:path';
import { matchesOf, PORTAL_DEFINITIONS, PORTAL_MATCHES } from './utils/portals/catalogue';
import { SECTION_ENTRYPOINT_RE } from './utils/content/sections/names';
import { OPTIONAL_HOST_MATCHES } from './utils/portals/team-hosts';

/**
 * A panel script (one per portal: entrypoints/panel-<portal>.ts) is parsed on every work page a portal
 * shows, so it renders with Preact through its React compatibility layer (about 15 kB instead of React
 * DOM's 215 kB). Only those bundles are aliased: the extension pages (popup, options, leads, reports with
 * recharts) and the unit tests keep React.
 */
const PANEL_ENTRYPOINTS = new Set(PORTAL_DEFINITIONS.map((p) => p.panel.entrypoint));
const PREACT_ALIASES: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/**
 * A lazily loaded panel section (entrypoints/panel-section-<name>.ts) runs in the frame beside its panel
 * script and uses that script's Preact and contexts (utils/content/sections/kit.ts): React, its JSX
 * runtime and the context modules resolve to shims that read the panel's kit, so a section bundles only
 * its own code. Without this it would carry a second Preact, whose hooks fail under the panel's renderer.
 */
const SECTION_SHIMS = resolve(import.meta.dirname, 'utils/content/sections/shims');
const SHARED_WITH_PANEL: Record<string, string> = {
  react: 'react.ts',
  'react/jsx-runtime': 'jsx-runtime.ts',
  [resolve(import.meta.dirname, 'components/i18n-context.tsx')]: 'i18n-context.ts',
  [resolve(import.meta.dirname, 'components/input-policy.tsx')]: 'input-policy.ts',
};
const sectionShims: Plugin = {
  name: 'caseside-section-shims',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (importer?.startsWith(SECTION_SHIMS)) return null;
    const bySpecifier = SHARED_WITH_PANEL[source];
    if (bySpecifier) return resolve(SECTION_SHIMS, bySpecifier);
    if (!source.includes('i18n-context') && !source.includes('input-policy')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const shim = resolved && SHARED_WITH_PANEL[resolved.id];
    return shim ? resolve(SECTION_SHIMS, shim) : null;
  },
};

const SCHEMA_MODULES = /\/utils\/(schemas\/(?!mini\/)|api-routes\/|messaging\.ts$)/;

/**
 * The detectors run on every portal page as plain content scripts (unlisted scripts, so without WXT's
 * content-script wrapper, which touches `chrome.runtime` on start): built into content-scripts/ and
 * declared in the manifest here with the portals' matches, at document_idle. One per registered portal.
 */
const DETECTOR_SCRIPTS: Record<string, { file: string; matches: string[] }> = Object.fromEntries(
  PORTAL_DEFINITIONS.map((p) => [p.detector.entrypoint, { file: p.detector.file, matches: matchesOf(p) }]),
);

// WXT builds and packages the extension; we do not add @crxjs/vite-plugin (two build systems would fight).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // No auto-imports: every file names what it uses (wxt/browser, wxt/utils/..., react), so a reader
  // and the type checker see the same thing.
  imports: false,
  // CS_SOURCEMAP=1 npx wxt build: source maps, to see what each bundle is made of.
  vite: () => ({ build: { sourcemap: Boolean(process.env.CS_SOURCEMAP) } }),
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        const detector = DETECTOR_SCRIPTS[entrypoint.name];
        if (!detector) continue;
        entrypoint.name = detector.file;
        entrypoint.outputDir = resolve(wxt.config.outDir, 'content-scripts');
      }
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        // A portal with no built-in host (its hosts are the team's) has its detector registered by the worker per host.
        ...Object.values(DETECTOR_SCRIPTS)
          .filter(({ matches }) => matches.length > 0)
          .map(({ file, matches }) => ({ matches, js: [`content-scripts/${file}.js`], run_at: 'document_idle' as const })),
      ];
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => SECTION_ENTRYPOINT_RE.test(e.name))) {
        config.plugins = [sectionShims, ...(config.plugins ?? [])];
        config.build = {
          ...config.build,
          rollupOptions: { ...config.build?.rollupOptions, treeshake: { moduleSideEffects: (id: string) => !SCHEMA_MODULES.test(id) } },
        };
        return;
      }
      if (!entrypoints.every((e) => PANEL_ENTRYPOINTS.has(e.name))) return;
      const existing = config.resolve?.alias;
      const list: Alias[] = Array.isArray(existing)
        ? existing
        : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [...PREACT_ALIASES, ...list] };
      // The schema and contract modules only declare zod schemas: a panel script leaves out those it
      // never reads (admin, reports, health...) instead of building them on every work page.
      config.build = {
        ...config.build,
        rollupOptions: { ...config.build?.rollupOptions, treeshake: { moduleSideEffects: (id: string) => !SCHEMA_MODULES.test(id) } },
      };
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the panel script is injected only into portal frames that show a work page.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Least privilege: the portals only, never <all_urls>. The team backend needs no host permission:
    // the service worker calls it with CORS (the backend allows chrome-extension:// origins).
    host_permissions: [...PORTAL_MATCHES],
    // Portals on each marketplace's own host: a lead's click asks Chrome for that one host (utils/portals/team-hosts.ts).
    ...(OPTIONAL_HOST_MATCHES.length > 0 ? { optional_host_permissions: OPTIONAL_HOST_MATCHES } : {}),
    // Drawn by scripts/icons.ts (assets/icon.svg); the grey set is the toolbar's signed-out state.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Caseside', default_icon: { 16: 'icon/grey-16.png', 32: 'icon/grey-32.png' } },
  },
});
