import { PanelResult } from '@/utils/messaging';
import { defineHandler } from './define';

/** Panel data: from the cache at once, then from the backend. */

export const panelCached = defineHandler('panel:cached', PanelResult.nullable(), async (req, { panelCache }) => ({
  ok: true,
  data: await panelCache.cached(req.context),
}));

export const panelLoad = defineHandler('panel:load', PanelResult, (req, { panelCache }) => panelCache.load(req.context));
