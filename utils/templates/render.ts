import type { Language } from '../schemas/common';
import type { TemplateVars } from '../schemas/templates';

/**
 * Placeholders: `{{buyer.firstName}}`, with optional fallback `{{buyer.firstName | "there"}}` (single
 * or double quotes). Names are dotted identifiers; anything else between braces is left as text.
 */
export const PLACEHOLDER_RE = /\{\{\s*([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)\s*(?:\|\s*(?:"([^"]*)"|'([^']*)')\s*)?\}\}/g;

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT' };
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A deadline as a buyer reads it, in the language and zone: "20 Nov 2026, 14:30", "20.11.2026, 14:30". */
export function formatDeadline(iso: string, language: Language, timeZone: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const key = `${language}|${timeZone}`;
  let fmt = dateFormatters.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat(LOCALES[language] ?? 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      fmt = new Intl.DateTimeFormat(LOCALES[language] ?? 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    }
    dateFormatters.set(key, fmt);
  }
  return fmt.format(ms);
}

function valueFor(name: string, vars: TemplateVars, language: Language, timeZone: string): string | undefined {
  const value = vars[name];
  if (value === undefined || value.trim() === '') return undefined;
  if (name === 'sla.deadline') return formatDeadline(value, language, timeZone) ?? value;
  return value;
}

/**
 * Fills a template. Values go in as they are: the result is plain text that the reply box receives
 * through value/textContent, so markup-looking values stay literal characters and nothing is escaped.
 * A placeholder with no value and no fallback stays in the text and is named in `missing`, so the
 * caller can refuse to insert until the agent fills it in. Inserted values are never expanded again.
 */
export function renderTemplate(body: string, vars: TemplateVars, opts: { language?: Language; timeZone?: string } = {}): { text: string; missing: string[] } {
  const language = opts.language ?? 'en';
  const timeZone = opts.timeZone ?? 'UTC';
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER_RE, (raw, name: string, dq: string | undefined, sq: string | undefined) => {
    const value = valueFor(name, vars, language, timeZone);
    if (value !== undefined) return value;
    const fallback = dq ?? sq;
    if (fallback !== undefined) return fallback;
    if (!missing.includes(name)) missing.push(name);
    return raw;
  });
  return { text, missing };
}

/** The variables with the agent's fill-in values added (blank entries ignored); a new object. */
export function fillMissing(vars: TemplateVars, values: Record<string, string>): TemplateVars {
  const filled: TemplateVars = { ...vars };
  for (const [name, value] of Object.entries(values)) {
    if (value.trim() !== '') filled[name] = value;
  }
  return filled;
}
