import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPanel } from '@/utils/content/run';
import { PANEL_GLOBAL, type PanelModule } from '@/utils/content/panel-global';

/**
 * The panel: the portal adapters and the panel UI (Preact through its React compatibility layer). Not a
 * content script of its own: the background worker injects it (scripting.executeScript) into a portal
 * frame when the detector finds a work page there. The panel owns the frame's content-script context
 * (invalidated when the extension reloads); the detector before it never touches the extension APIs.
 */
export default defineUnlistedScript(() => {
  const module: PanelModule = { start: (portal) => startPanel(new ContentScriptContext('panel'), portal) };
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = module;
});
