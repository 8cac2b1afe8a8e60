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

export function panelModule(): PanelModule | undefined {
  return (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined;
}
