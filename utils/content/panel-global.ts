import type { PortalId } from '@/utils/schemas/common';

/**
 * The detector (loaded on every portal page) and the portal's panel script (loaded into a tab only once a work
 * page shows up) run in the same isolated world; the panel script leaves its entry point here.
 */
export const PANEL_GLOBAL = '__casesidePanel';

export interface PanelModule {
  /** Shows the panel in this frame and follows the page from now on. */
  start: (portal: PortalId) => void;
}

/** The panel script per portal (entrypoints/panel-<portal>.ts): a frame parses only its own portal's adapter. */
export const PANEL_SCRIPTS = { amazon: '/panel-amazon.js', zalando: '/panel-zalando.js' } as const satisfies Record<PortalId, string>;

export function panelModule(): PanelModule | undefined {
  return (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined;
}
