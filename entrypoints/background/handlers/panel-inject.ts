import { z } from 'zod';
import { defineHandler } from './define';

/** Loads the portal's panel script into the frame whose detector found a work page (never into other pages). */
export const panelInject = defineHandler('panel:inject', z.null(), async (req, { origin, injectPanel }) => {
  if (origin.tabId === undefined) return { ok: false, error: { code: 'invalid_sender', message: 'No tab to load the panel into.' } };
  try {
    await injectPanel({ tabId: origin.tabId, frameId: origin.frameId ?? 0, portal: req.portal });
    return { ok: true, data: null };
  } catch (err) {
    return { ok: false, error: { code: 'inject_failed', message: err instanceof Error ? err.message : String(err) } };
  }
});

/** Loads a lazily loaded panel section's script into the frame of the panel that shows it (utils/content/sections). */
export const panelSection = defineHandler('panel:section', z.null(), async (req, { origin, injectSection }) => {
  if (origin.tabId === undefined) return { ok: false, error: { code: 'invalid_sender', message: 'No tab to load the section into.' } };
  try {
    await injectSection({ tabId: origin.tabId, frameId: origin.frameId ?? 0, section: req.section });
    return { ok: true, data: null };
  } catch (err) {
    return { ok: false, error: { code: 'inject_failed', message: err instanceof Error ? err.message : String(err) } };
  }
});
