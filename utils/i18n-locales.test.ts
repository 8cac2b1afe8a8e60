import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import es from '@/public/_locales/es/messages.json';
import it_ from '@/public/_locales/it/messages.json';
import { translatorFrom, type MessageKey } from './i18n';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

const base = en as Messages;
const locales: Record<string, Messages> = { de, fr, es, it: it_ };
const enKeys = Object.keys(base).sort();

/** The `$NAME$` placeholders a message uses, as a sorted, de-duplicated list. */
const placeholdersIn = (message: string) => [...new Set(message.match(/\$[A-Z_]+\$/g) ?? [])].sort();

describe.each(Object.entries(locales))('locale %s', (_lang, messages) => {
  it('has exactly the keys of en', () => {
    expect(Object.keys(messages).sort()).toEqual(enKeys);
  });

  it('uses the same placeholders as en, with identical placeholder definitions', () => {
    for (const key of enKeys) {
      const entry = messages[key];
      const source = base[key]!;
      if (!entry) continue; // reported by the key test
      expect(placeholdersIn(entry.message), key).toEqual(placeholdersIn(source.message));
      expect(entry.placeholders, key).toEqual(source.placeholders);
    }
  });

  it('has no empty message', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('keeps the extension name and the keyboard shortcuts', () => {
    expect(messages.extName?.message).toBe('Caseside');
    expect(messages.decisionShortcuts?.message).toBe(en.decisionShortcuts.message);
  });

  it('substitutes placeholders through translatorFrom', () => {
    const t = translatorFrom(messages);
    expect(t('syncOffline', '3')).toContain('3');
    expect(t('syncOffline', '3')).not.toMatch(/\$[A-Z_]+\$/);
    const signedIn = t('signedInAs', ['Anna', 'Team Nord']);
    expect(signedIn).toContain('Anna');
    expect(signedIn).toContain('Team Nord');

    // Every message with placeholders gets every substitution, and no `$NAME$` is left over.
    for (const key of enKeys) {
      const entry = messages[key];
      if (!entry?.placeholders) continue;
      const subs = Object.values(entry.placeholders).map((p) => `«${p.content}»`);
      const out = t(key as MessageKey, subs);
      for (const sub of subs) expect(out, key).toContain(sub);
      expect(out, key).not.toMatch(/\$[A-Z_]+\$/);
    }
  });
});
