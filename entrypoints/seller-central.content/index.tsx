import '@/components/panel.css';
import { SELLER_CENTRAL_MATCHES } from '@/utils/portals/hosts';
import { adapterForHost } from '@/utils/portals/registry';
import { runPortal } from '@/utils/content/run';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (adapter) runPortal(ctx, adapter);
  },
});
