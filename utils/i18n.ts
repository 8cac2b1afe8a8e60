import type en from '@/public/_locales/en/messages.json';

/**
 * UI text goes through the extension's locale files (public/_locales/<lang>/messages.json), so the
 * browser's language picks them. Components receive a `Translate` function and never call `browser.*`.
 */
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** A translator from a messages.json object (tests, and pages served by the backend). */
export function translatorFrom(messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>): Translate {
  return (key, subs) => {
    const entry = messages[key];
    if (!entry) return key;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      const index = Number(content.replace('$', '')) - 1;
      return list[index] ?? '';
    });
  };
}
