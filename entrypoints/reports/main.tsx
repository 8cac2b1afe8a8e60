import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/i18n-context';
import { ReportsPage } from '@/components/reports/ReportsPage';
import { apiRequest } from '@/utils/api-client';
import { browserTranslate } from '@/utils/i18n-browser';
import './reports.css';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Saves a CSV the page built from a table (a Blob URL: nothing leaves the browser). */
function download(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Strip undefined values: the route's query type allows them, the worker's builder skips them anyway.
const asQuery = (q: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));

document.title = browserTranslate('reportsTitle');
createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <ReportsPage
      loadFilters={() => apiRequest('reports.filters')}
      loadService={(query) => apiRequest('reports.service', { query: asQuery(query) })}
      loadFraud={(query) => apiRequest('reports.fraud', { query: asQuery(query) })}
      loadDisputes={(query) => apiRequest('reports.disputes', { query: asQuery(query) })}
      loadSops={(range) => apiRequest('reports.sops', { query: asQuery(range) })}
      loadHandoffs={(query) => apiRequest('handoffs.report', { query })}
      onDownload={download}
      initialRange={{ from: day(Date.now() - 6 * DAY_MS), to: day(Date.now()) }}
    />
  </I18nProvider>,
);
