import { useState } from 'react';
import type { z } from 'zod';
import { ReportsPage, type Loaded } from '../../../components/reports/ReportsPage';
import { definedOnly, downloadCsv, lastWeek } from '../../../components/reports/page-kit';
import { routePath } from '../../../utils/api-routes';
import { HandoffReport } from '../../../utils/schemas/handoffs';
import { DisputeReport, FraudReport, ReportFilterOptions, ServiceReport } from '../../../utils/schemas/reports';
import { SopReport } from '../../../utils/schemas/sops';
import { pageTranslator, sessionTexts } from './web-page-kit';
import { mountWebPage, type WebSession } from './web-session';

/**
 * The reports for people without the extension: the extension's own reports page (components/reports),
 * served by the backend behind the shared token sign-in (web-session.tsx); every text from the server is
 * rendered as React text.
 */

const t = pageTranslator();
const initialRange = lastWeek();

function Reports({ session }: { session: WebSession }) {
  // Loaders made once: the page loads its filters once for its life.
  const [loaders] = useState(() => {
    const get = async <T,>(path: string, schema: z.ZodType<T>): Promise<Loaded<T>> => {
      const res = await session.call('GET', path, schema);
      return res.ok ? { ok: true, data: res.data } : { ok: false, error: { message: res.message } };
    };
    return {
      loadFilters: () => get(routePath('reports.filters'), ReportFilterOptions),
      loadService: (q: Record<string, string | undefined>) => get(routePath('reports.service', {}, definedOnly(q)), ServiceReport),
      loadFraud: (q: Record<string, string | undefined>) => get(routePath('reports.fraud', {}, definedOnly(q)), FraudReport),
      loadDisputes: (q: Record<string, string | undefined>) => get(routePath('reports.disputes', {}, definedOnly(q)), DisputeReport),
      loadSops: (q: Record<string, string | undefined>) => get(routePath('reports.sops', {}, definedOnly(q)), SopReport),
      loadHandoffs: (q: { from: string; to: string }) => get(routePath('handoffs.report', {}, q), HandoffReport),
    };
  });
  const lead = session.agent.role === 'lead';
  return (
    <ReportsPage
      loadFilters={loaders.loadFilters}
      loadService={loaders.loadService}
      loadFraud={loaders.loadFraud}
      loadDisputes={loaders.loadDisputes}
      // The SOP and hand-off figures are the lead's (their routes refuse agents).
      {...(lead ? { loadSops: loaders.loadSops, loadHandoffs: loaders.loadHandoffs } : {})}
      onDownload={downloadCsv}
      initialRange={initialRange}
    />
  );
}

mountWebPage(t, {
  texts: sessionTexts(t, { title: t('reportsTitle'), signIn: t('reportsPageSignIn') }),
  testIdPrefix: 'reports',
  allowRole: (role) => role !== 'receiver',
  links: <a href={routePath('disputes.page')}>{t('webPageLinkDisputes')}</a>,
  children: (session) => <Reports session={session} />,
});
