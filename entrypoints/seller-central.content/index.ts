import { SELLER_CENTRAL_MATCHES } from '@/utils/portals/hosts';
import { DETECTORS } from '@/utils/portals/detectors';
import { runDetector } from '@/utils/content/detector';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    runDetector(ctx, 'amazon', DETECTORS.amazon);
  },
});
