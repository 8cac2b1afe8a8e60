import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './utils/portals/hosts';

// WXT builds and packages the extension; we do not add @crxjs/vite-plugin (two build systems would fight).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the panel script is injected only into portal frames that show a work page.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Least privilege: the portals only, never <all_urls>. The team backend needs no host permission:
    // the service worker calls it with CORS (the backend allows chrome-extension:// origins).
    host_permissions: [...PORTAL_MATCHES],
    // Drawn by scripts/icons.ts (assets/icon.svg); the grey set is the toolbar's signed-out state.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Caseside', default_icon: { 16: 'icon/grey-16.png', 32: 'icon/grey-32.png' } },
  },
});
