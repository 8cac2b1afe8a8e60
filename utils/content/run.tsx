import { createRoot, type Root } from 'react-dom/client';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PortalAdapter } from '@/utils/portals/types';
import panelCss from '@/components/panel.css?inline';
import { PanelBridge } from './bridge';
import { createPageStore } from './page-store';
import { PanelApp } from './panel-app';
import { watchPage } from './page-watcher';
import { guardTrustedInput } from './trusted-input';
import { PANEL_GLOBAL, type PanelModule } from './panel-global';
import { installSectionKit } from './sections/lazy-section';

export const PANEL_HOST = 'caseside-panel';
const DOCKED_CLASS = 'caseside-docked';
const PANEL_WIDTH_PX = 360;

/**
 * A panel script's entry point, left where the detector finds it: the detector hands over a portal frame
 * that shows a work page. The panel owns the frame's content-script context (invalidated when the
 * extension reloads); the detector before it never touches the extension APIs.
 */
export function definePanel(adapter: PortalAdapter): void {
  const module: PanelModule = {
    start: (portal) => {
      if (portal !== adapter.id) return;
      installSectionKit();
      runPortal(new ContentScriptContext('panel'), adapter);
    },
  };
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = module;
}

/**
 * One call per portal frame: watch the page, and show the panel (in a shadow root, styles
 * isolated) only while the page is a work page. Everything is torn down when the page stops being one
 * or the extension reloads.
 */
export function runPortal(ctx: ContentScriptContext, adapter: PortalAdapter): void {
  const store = createPageStore();
  const bridge = new PanelBridge(ctx);
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let mounting: Promise<void> | null = null;
  let unguard: (() => void) | null = null;

  const setDocked = (docked: boolean) => {
    // Reserve room beside the page rather than cover the portal's own controls.
    document.documentElement.classList.toggle(DOCKED_CLASS, docked);
  };
  const dockStyle = document.createElement('style');
  dockStyle.textContent = `html.${DOCKED_CLASS} { margin-right: ${PANEL_WIDTH_PX}px !important; }`;

  const mount = async () => {
    ui = await createShadowRootUi(ctx, {
      name: PANEL_HOST,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: panelCss,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        const root = createRoot(container);
        root.render(<PanelApp store={store} bridge={bridge} adapter={adapter} onCollapsedChange={(c) => setDocked(!c)} />);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    if (!dockStyle.isConnected) document.head.append(dockStyle);
    // Before anything renders: clicks and keys the portal page's script dispatches never reach the panel.
    unguard = guardTrustedInput(ui.shadow);
    ui.mount();
  };

  const unmount = () => {
    unguard?.();
    unguard = null;
    ui?.remove();
    ui = null;
    mounting = null;
    bridge.disconnect();
    setDocked(false);
    dockStyle.remove();
  };

  const watcher = watchPage({
    adapter,
    onPage: (page) => {
      store.set(page);
      if (page && !ui && !mounting) mounting = mount();
      if (!page && (ui || mounting)) void (mounting ?? Promise.resolve()).then(unmount);
    },
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.check());
  ctx.addEventListener(window, 'hashchange', () => watcher.check());
  ctx.onInvalidated(() => {
    watcher.stop();
    unmount();
  });
}
