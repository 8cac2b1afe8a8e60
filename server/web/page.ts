import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageKey } from '../../utils/i18n';
import { Language } from '../../utils/schemas/common';
import type { WebPage } from './bundle';
import { DISPUTES_PAGE_STYLE } from './disputes-style';
import { REPORTS_PAGE_STYLE } from './reports-style';

/**
 * The HTML shell of a backend-served page: a root element, the page's translated texts as a JSON data
 * block (never executed), one style sheet pinned by hash and one script from this origin. Nothing from a
 * request or the database is written into it.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LOCALES = path.resolve(HERE, '..', '..', 'public', '_locales');

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messagesCache = new Map<Language, Messages>();
function messagesOf(lang: Language): Messages {
  let messages = messagesCache.get(lang);
  if (!messages) messagesCache.set(lang, (messages = JSON.parse(readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages));
  return messages;
}

/** The first of the five UI languages the browser asks for (Accept-Language), else English. */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    const parsed = Language.safeParse(code);
    if (parsed.success) return parsed.data;
  }
  return 'en';
}

/**
 * Colours as custom properties, a light and a dark set (the dark one follows the system setting), as in the
 * extension's pages (components/page-theme.css): text at least 4.5:1 on its backgrounds, control borders and
 * the focus outline at least 3:1. Form controls follow the scheme through color-scheme.
 */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f23; --muted: #57606a; --subtle-bg: #f6f8fa; --rule: #c5ccd6;
  --control-border: #6e7781; --focus: #0860ca; --link: #0860ca; --bad: #cf222e; background: var(--bg); color: var(--fg); }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --subtle-bg: #161b22; --rule: #3d444d;
  --control-border: #6e7681; --focus: #4493f8; --link: #4493f8; --bad: #f85149; } }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; max-width: 60rem; background: var(--bg); color: var(--fg); }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
a { color: var(--link); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
form.signin, .toolbar { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
input, select, textarea { font: inherit; background-color: var(--bg); color: var(--fg); border: 1px solid var(--control-border); border-radius: 4px; padding: .25rem .4rem; }
textarea { width: 100%; min-height: 4rem; box-sizing: border-box; }
article { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
article[data-status="answered"] { background: var(--subtle-bg); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dt { font-weight: 600; } dd { margin: 0; }
.muted { color: var(--muted); } .error { color: var(--bad); } .overdue { color: var(--bad); font-weight: 600; }
button { font: inherit; padding: .3rem .8rem; }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A page's own layout rules, after the shared style. */
const PAGE_EXTRA_STYLE: Partial<Record<WebPage, string>> = { reports: REPORTS_PAGE_STYLE, disputes: DISPUTES_PAGE_STYLE };

/**
 * Pages behind the shared sign-in (pages/web-session.tsx) draw their own landmarks (the sign-in form's
 * <main>, or the toolbar's <header> and the page's <main>), so their root is a plain element.
 */
const OWN_LANDMARKS: ReadonlySet<WebPage> = new Set(['reports', 'disputes', 'handoffs']);

/** Scripts from this origin only (no inline script, no eval), the styles by hash, requests to this origin. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${[PAGE_STYLE, ...Object.values(PAGE_EXTRA_STYLE)].map(sha256).join(' ')}`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHtml(page: WebPage, keys: readonly MessageKey[], lang: Language, titleKey: MessageKey): string {
  const all = messagesOf(lang);
  const en = messagesOf('en');
  const texts = Object.fromEntries(keys.map((k) => [k, all[k] ?? en[k] ?? { message: k }]));
  // JSON in a data block: `<` escaped so no text can close the element.
  const json = JSON.stringify(texts).replaceAll('<', '\\u003c');
  const title = escapeHtml(texts[titleKey]?.message ?? titleKey);
  const extraStyle = PAGE_EXTRA_STYLE[page];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="/favicon.ico" type="image/png">
<style>${PAGE_STYLE}</style>
${extraStyle === undefined ? '' : `<style>${extraStyle}</style>\n`}<script id="page-messages" type="application/json">${json}</script>
<script src="/web/${page}.js" defer></script>
</head>
<body>
${OWN_LANDMARKS.has(page) ? '<div id="root"></div>' : '<main id="root"></main>'}
</body>
</html>
`;
}
