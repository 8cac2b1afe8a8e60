import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './utils/portals/hosts';

// WXT builds and packages the extension; we do not add @crxjs/vite-plugin (two build systems would fight).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // Least privilege: the portals only. The team backend's origin is requested at sign-in as an
    // optional host permission, so no <all_urls> is ever granted.
    host_permissions: [...PORTAL_MATCHES],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Caseside' },
  },
});
