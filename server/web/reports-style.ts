/**
 * Layout of the reports page served by the backend (the extension's entrypoints/reports/reports.css does the
 * same there): filters in a row, each table with its chart beside it. No colours of its own: borders are
 * drawn in the text colour, so the page follows PAGE_STYLE's colours (light or dark).
 */
export const REPORTS_PAGE_STYLE = `
body { max-width: none; }
.report-filters { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
.report { border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent); padding: .75rem 0; }
.report header { display: flex; gap: 1rem; align-items: center; }
.report h3 { font-size: 1rem; margin: 0; }
.report-body { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; margin-top: .5rem; }
.reports table { border-collapse: collapse; }
.reports th, .reports td { border: 1px solid color-mix(in srgb, currentColor 25%, transparent); padding: .25rem .5rem; text-align: left; }
.reports td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
`;
