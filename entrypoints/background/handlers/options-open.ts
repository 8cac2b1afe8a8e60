import { z } from 'zod';
import { defineHandler } from './define';

/** The panel's "open options" link: extension pages cannot be opened from a content script. */
export const optionsOpen = defineHandler('options:open', z.null(), async (_req, { openOptions }) => {
  openOptions();
  return { ok: true, data: null };
});

/** A dispute in the panel's list of the order's disputes opens in the inbox, an extension page. */
export const inboxOpen = defineHandler('inbox:open', z.null(), async (req, { openInbox }) => {
  openInbox(req.disputeId);
  return { ok: true, data: null };
});
