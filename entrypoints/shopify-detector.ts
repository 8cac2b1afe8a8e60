import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyShopify } from '@/utils/portals/shopify/detect';
import { runDetector } from '@/utils/content/detector';

/** The detector on every Shopify admin page: `content-scripts/shopify.js` (see seller-central-detector.ts). */
export default defineUnlistedScript(() => runDetector('shopify', classifyShopify));
