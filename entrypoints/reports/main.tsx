import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/i18n-context';
import { ReportsPage } from '@/components/reports/ReportsPage';
import { definedOnly as asQuery, downloadCsv, lastWeek } from '@/components/reports/page-kit';
import { apiRequest } from '@/utils/api-client';
import { browserTranslate } from '@/utils/i18n-browser';
import './reports.css';

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
      onDownload={downloadCsv}
      initialRange={lastWeek()}
    />
  </I18nProvider>,
);
