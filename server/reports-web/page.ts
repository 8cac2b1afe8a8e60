import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routePath } from '../../utils/api-routes';
import { translatorFrom } from '../../utils/i18n';
import { TABLE_TITLE_KEYS } from '../../utils/reports/tables';

/**
 * GET /reports: the reports for people without the extension. A static page (nothing from the
 * database or the request is in it): the user pastes a backend token once, kept in sessionStorage for
 * that tab only, and the inline script fetches the JSON report routes with the Bearer header. The CSP
 * pins the inline script and style by hash and allows connections to this origin only.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCRIPT = readFileSync(path.join(HERE, 'script.js'), 'utf8');
const en = translatorFrom(JSON.parse(readFileSync(path.join(HERE, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8')));

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2430; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin: 0 1rem 0 0; display: inline-block; }
form { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: .8rem; }
.report { border-top: 1px solid #d5dae1; padding: .75rem 0; }
.row { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; margin-top: .5rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #d5dae1; padding: .25rem .5rem; text-align: left; }
th { background: #f1f3f6; font-weight: 600; }
.chart text { font-size: 11px; fill: #1d2430; } .chart .bar { fill: #3b6fd8; }
#status, #signin-error { color: #555; }
`;

// JSON inside <script type="application/json">: `<` escaped so no text can close the element.
const titlesJson = JSON.stringify(Object.fromEntries(Object.entries(TABLE_TITLE_KEYS).map(([name, key]) => [name, en(key)]))).replaceAll('<', '\\u003c');

// The paths the script calls, from the route contract (utils/api-routes); JSON like the titles.
const routesJson = JSON.stringify({ filters: routePath('reports.filters'), tables: routePath('reports.tables'), csv: routePath('reports.csv') }).replaceAll(
  '<',
  '\\u003c',
);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const REPORTS_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const REPORTS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Caseside reports</title>
<link rel="icon" href="/favicon.ico" type="image/png">
<style>${STYLE}</style>
</head>
<body>
<h1>Caseside reports</h1>
<form id="signin">
  <label>Backend token <input id="token" type="password" autocomplete="off" required></label>
  <button type="submit">Open reports</button>
  <span id="signin-error" role="alert"></span>
</form>
<div id="reports" hidden>
  <form id="filters">
    <label>From <input id="from" type="date"></label>
    <label>To <input id="to" type="date"></label>
    <label>Marketplace <select id="marketplace"></select></label>
    <label>Agent <select id="agentId"></select></label>
    <button type="submit">Show</button>
    <button type="button" data-section="service">Service</button>
    <button type="button" data-section="fraud">Fraud</button>
    <button type="button" data-section="disputes">Disputes</button>
    <button type="button" id="signout">Forget token</button>
  </form>
  <p id="status" role="status"></p>
  <div id="tables"></div>
</div>
<script id="titles" type="application/json">${titlesJson}</script>
<script id="routes" type="application/json">${routesJson}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
