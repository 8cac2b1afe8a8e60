import { ZALANDO_MATCHES } from '@/utils/portals/hosts';
import { DETECTORS } from '@/utils/portals/detectors';
import { runDetector } from '@/utils/content/detector';

export default defineContentScript({
  matches: ZALANDO_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    runDetector(ctx, 'zalando', DETECTORS.zalando);
  },
});
