import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyMirakl } from '@/utils/portals/mirakl/detect';
import { isBackOfficePath } from '@/utils/portals/mirakl/hosts';
import { runDetector } from '@/utils/content/detector';

/**
 * The detector on the Mirakl back-office hosts a lead added: `content-scripts/mirakl.js`, registered for each
 * host by the worker once Chrome granted it (see seller-central-detector.ts for what a detector does).
 */
export default defineUnlistedScript(() => runDetector('mirakl', (url, doc) => (isBackOfficePath(url) ? classifyMirakl(url, doc) : 'unknown')));
