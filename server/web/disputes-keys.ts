import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageKey } from '../../utils/i18n';

/**
 * The texts the disputes inbox page shows; the server sends these (in the reader's language) with the page.
 * The page is the extension's inbox (components/disputes/DisputesInbox), whose texts are the inbox* family,
 * the processor parts' (processorEvidence*, processorSubmit*), CE 3.0's (ce3*) and the countdown's (slaLeft,
 * slaOverdue), with the shared sign-in's (webPage*) and the page's own.
 */
const FAMILIES = ['inbox', 'webPage', 'disputesPage', 'processorEvidence', 'processorSubmit', 'ce3'];
const EN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', '_locales', 'en', 'messages.json');

export const DISPUTES_PAGE_KEYS: readonly MessageKey[] = [
  ...(Object.keys(JSON.parse(readFileSync(EN, 'utf8')) as Record<string, unknown>).filter((key) =>
    FAMILIES.some((family) => key.startsWith(family)),
  ) as MessageKey[]),
  'slaLeft',
  'slaOverdue',
];
