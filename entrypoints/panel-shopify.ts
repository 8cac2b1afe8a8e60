import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { shopifyAdapter } from '@/utils/portals/shopify';
import { definePanel } from '@/utils/content/run';

/** The panel for Shopify admin frames: the Shopify adapter and the panel UI (see panel-amazon.ts). */
export default defineUnlistedScript(() => definePanel(shopifyAdapter));
