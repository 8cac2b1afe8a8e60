import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { amazonAdapter } from '@/utils/portals/amazon';
import { definePanel } from '@/utils/content/run';

/**
 * The panel for Seller Central frames: the Amazon adapter and the panel UI (Preact through its React
 * compatibility layer). Not a content script of its own: the background worker injects it
 * (scripting.executeScript) into a Seller Central frame when the detector finds a work page there. One
 * script per portal, so a frame parses only its own portal's adapter.
 */
export default defineUnlistedScript(() => definePanel(amazonAdapter));
