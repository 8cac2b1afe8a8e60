import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { miraklAdapter } from '@/utils/portals/mirakl';
import { definePanel } from '@/utils/content/run';

/** The panel for Mirakl back-office frames: the Mirakl adapter and the panel UI (see panel-amazon.ts). */
export default defineUnlistedScript(() => definePanel(miraklAdapter));
