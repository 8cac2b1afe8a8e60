import { browser } from 'wxt/browser';
import type { Translate } from './i18n';

/**
 * The extension's own translator: `browser.i18n`, which follows the browser's language. Apart from
 * utils/i18n.ts so the backend, which shares that module, never imports the extension's browser API.
 */
export const browserTranslate: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;
