import { z } from 'zod';
import { defineHandler } from './define';

/** The panel's "open options" link: extension pages cannot be opened from a content script. */
export const optionsOpen = defineHandler('options:open', z.null(), async (_req, { openOptions }) => {
  openOptions();
  return { ok: true, data: null };
});
