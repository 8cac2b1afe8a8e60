import { browser } from 'wxt/browser';

/**
 * The panel's own preference (collapsed or not), read and written with chrome.storage directly: the same
 * key and shape as the declared item in utils/storage.ts (`local:panelPreferences`), without WXT's storage
 * layer, which was 7.7 kB of every panel script for this one value.
 */
const KEY = 'panelPreferences';

export async function panelCollapsed(): Promise<boolean> {
  const stored: unknown = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null && (stored as { collapsed?: unknown }).collapsed === true;
}

export async function setPanelCollapsedPreference(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [KEY]: { collapsed } });
}
