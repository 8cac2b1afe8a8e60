import { startPanel } from '@/utils/content/run';
import { PANEL_GLOBAL, type PanelModule } from '@/utils/content/panel-global';

/**
 * The panel: React, the portal adapters and the panel UI. Not a content script of its own: the
 * background worker injects it (scripting.executeScript) into a portal frame when the detector finds a
 * work page there.
 */
export default defineUnlistedScript(() => {
  const module: PanelModule = { start: startPanel };
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = module;
});
