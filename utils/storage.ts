import { storage } from 'wxt/utils/storage';

/**
 * The extension's declared storage items (STYLE.md rule 6). Nothing secret lives here: chrome.storage.local
 * is readable by content scripts, so the API token is kept in the background worker's own IndexedDB
 * (entrypoints/background/db.ts), which no page or content script can reach.
 */
export interface SignedInAgent {
  name: string;
  role: 'agent' | 'lead' | 'receiver';
  teamName: string;
}

export const signedInAgent = storage.defineItem<SignedInAgent | null>('local:signedInAgent', {
  fallback: null,
  version: 1,
});

// The panel's collapsed preference is read by the panel script itself, without WXT's storage layer: utils/content/panel-prefs.ts.
