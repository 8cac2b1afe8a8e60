/**
 * Layout of the disputes inbox served by the backend (the extension's entrypoints/disputes/disputes.css does
 * the same there): filters in a row, one row per dispute with its countdown, the opened dispute below. Only
 * PAGE_STYLE's colours (custom properties), so the page follows the light or the dark scheme.
 */
export const DISPUTES_PAGE_STYLE = `
.di-filters { display: flex; gap: .75rem; flex-wrap: wrap; margin-bottom: 1rem; }
.di-filter { display: flex; flex-direction: column; font-size: .8rem; gap: .15rem; }
.di-list { list-style: none; padding: 0; margin: 0 0 1rem; }
.di-item button { display: grid; grid-template-columns: 8rem 1fr 7rem 9rem; gap: .75rem; width: 100%; text-align: left; padding: .5rem;
  border: 1px solid var(--rule); border-top: 0; background: var(--bg); color: inherit; font: inherit; cursor: pointer; }
.di-item:first-child button { border-top: 1px solid var(--rule); }
.di-item button:focus-visible { outline: 2px solid var(--focus); outline-offset: -2px; }
.di-stage { font-weight: 600; }
.di-amount, .di-time { text-align: right; font-variant-numeric: tabular-nums; }
.di-overdue .di-time { color: var(--bad); font-weight: 600; }
.di-detail { border: 1px solid var(--rule); padding: .75rem 1rem; }
.di-actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.di-recommended { font-weight: 700; border: 2px solid var(--focus); }
.di-error { color: var(--bad); }
.di-checklist { padding-left: 1.2rem; }
.di-checklist li { margin: .2rem 0; overflow-wrap: anywhere; }
.cs-table { border-collapse: collapse; margin: .4rem 0; }
.cs-table caption { text-align: left; font-weight: 600; }
.cs-table th, .cs-table td { text-align: left; vertical-align: top; padding: .2rem .5rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
`;
