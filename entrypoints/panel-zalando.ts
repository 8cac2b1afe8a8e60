import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { zalandoAdapter } from '@/utils/portals/zalando';
import { definePanel } from '@/utils/content/run';

/** The panel for zDirect frames: the Zalando adapter and the panel UI (see panel-amazon.ts). */
export default defineUnlistedScript(() => definePanel(zalandoAdapter));
