import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DETECTORS } from '@/utils/portals/detectors';
import { runDetector } from '@/utils/content/detector';

/** The detector on every zDirect page: `content-scripts/zalando.js` (see seller-central-detector.ts). */
export default defineUnlistedScript(() => runDetector('zalando', DETECTORS.zalando));
