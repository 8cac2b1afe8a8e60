import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyAmazon } from '@/utils/portals/amazon/classify';
import { runDetector } from '@/utils/content/detector';

/**
 * The detector on every Seller Central page, declared in the manifest as the content script
 * `content-scripts/seller-central.js` (see wxt.config.ts). An unlisted script rather than a WXT
 * content script: WXT's content-script wrapper reads `chrome.runtime` on start, which sets up the
 * extension bindings in the page's isolated world, milliseconds of main-thread time on every page.
 */
export default defineUnlistedScript(() => runDetector('amazon', classifyAmazon));
