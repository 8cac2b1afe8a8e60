import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageKey } from '../../utils/i18n';

/**
 * The texts the reports page shows; the server sends these (in the reader's language) with the page. The
 * page is the extension's reports page, whose tables name their texts by family (reports_*, reportsCol_*,
 * reportsTable_*, case kinds, the SOP figures), so the families are sent whole, with the shared sign-in's (webPage*).
 */
const FAMILIES = ['reports', 'kind_', 'sopReport', 'webPage'];
const EN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', '_locales', 'en', 'messages.json');

export const REPORTS_PAGE_KEYS: readonly MessageKey[] = Object.keys(JSON.parse(readFileSync(EN, 'utf8')) as Record<string, unknown>).filter((key) =>
  FAMILIES.some((family) => key.startsWith(family)),
) as MessageKey[];
