import '@/components/panel.css';
import { ZALANDO_MATCHES } from '@/utils/portals/hosts';
import { adapterForHost } from '@/utils/portals/registry';
import { runPortal } from '@/utils/content/run';

export default defineContentScript({
  matches: ZALANDO_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (adapter) runPortal(ctx, adapter);
  },
});
