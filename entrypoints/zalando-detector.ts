import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyZalando } from '@/utils/portals/zalando/detect';
import { runDetector } from '@/utils/content/detector';

/** The detector on every zDirect page: `content-scripts/zalando.js` (see seller-central-detector.ts). */
export default defineUnlistedScript(() => runDetector('zalando', classifyZalando));
