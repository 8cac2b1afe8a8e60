import { StrictMode, useCallback, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../../components/i18n-context';
import { ReportsPage, type Loaded } from '../../../components/reports/ReportsPage';
import { routePath } from '../../../utils/api-routes';
import { translatorFrom, type Translate } from '../../../utils/i18n';
import { Me } from '../../../utils/schemas/api';
import { HandoffReport } from '../../../utils/schemas/handoffs';
import { DisputeReport, FraudReport, ReportFilterOptions, ServiceReport } from '../../../utils/schemas/reports';
import { SopReport } from '../../../utils/schemas/sops';
import type { z } from 'zod';
import { definedOnly, downloadCsv, lastWeek } from '../../../components/reports/page-kit';
import { callApi, tokenStore } from './web-api';

/**
 * The reports for people without the extension: the extension's own reports page (components/reports),
 * served by the backend. Sign-in is by token, kept in this tab's sessionStorage and sent as a Bearer
 * header; every text from the server is rendered as React text.
 */

const messagesElement = document.getElementById('page-messages');
const t: Translate = translatorFrom(JSON.parse(messagesElement?.textContent ?? '{}') as Parameters<typeof translatorFrom>[0]);

const initialRange = lastWeek();

/** GET a report route with the tab's token, in the shape the page's loaders answer. */
async function get<T>(path: string, schema: z.ZodType<T>, onUnauthorised: () => void): Promise<Loaded<T>> {
  const res = await callApi(tokenStore.get(), 'GET', path, schema);
  if (res.status === 401) onUnauthorised();
  return res.ok ? { ok: true, data: res.data } : { ok: false, error: { message: res.message } };
}

const isLead = (me: z.infer<typeof Me>) => me.agent.role === 'lead';

function SignIn({ onSignedIn }: { onSignedIn: (lead: boolean) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await callApi(token.trim(), 'GET', routePath('me.get'), Me);
    if (!res.ok) return setError(t('reportsPageSignInFailed'));
    tokenStore.set(token.trim());
    onSignedIn(isLead(res.data));
  };
  return (
    <>
      <h1>{t('reportsTitle')}</h1>
      <form className="signin" onSubmit={submit} data-testid="reports-signin">
        <label>
          {t('reportsPageToken')}
          <input id="token" type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="submit">{t('reportsPageSignIn')}</button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

function Reports({ lead, onSignOut }: { lead: boolean; onSignOut: () => void }) {
  // Loaders made once: the page loads its filters once for its life.
  const [loaders] = useState(() => ({
    loadFilters: () => get(routePath('reports.filters'), ReportFilterOptions, onSignOut),
    loadService: (q: Record<string, string | undefined>) => get(routePath('reports.service', {}, definedOnly(q)), ServiceReport, onSignOut),
    loadFraud: (q: Record<string, string | undefined>) => get(routePath('reports.fraud', {}, definedOnly(q)), FraudReport, onSignOut),
    loadDisputes: (q: Record<string, string | undefined>) => get(routePath('reports.disputes', {}, definedOnly(q)), DisputeReport, onSignOut),
    loadSops: (q: Record<string, string | undefined>) => get(routePath('reports.sops', {}, definedOnly(q)), SopReport, onSignOut),
    loadHandoffs: (q: { from: string; to: string }) => get(routePath('handoffs.report', {}, q), HandoffReport, onSignOut),
  }));
  return (
    <>
      <p className="toolbar">
        <button type="button" onClick={onSignOut} data-testid="reports-signout">
          {t('reportsPageSignOut')}
        </button>
      </p>
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
    </>
  );
}

function ReportsWebPage() {
  // null: not signed in; else whether the token is a lead's.
  const [lead, setLead] = useState<boolean | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== '');
  useEffect(() => {
    const token = tokenStore.get();
    if (!token) return;
    void callApi(token, 'GET', routePath('me.get'), Me).then((res) => {
      if (res.ok) setLead(isLead(res.data));
      else tokenStore.clear();
      setChecking(false);
    });
  }, []);
  const signOut = useCallback(() => {
    tokenStore.clear();
    setLead(null);
  }, []);
  if (checking) return null;
  return lead === null ? <SignIn onSignedIn={setLead} /> : <Reports lead={lead} onSignOut={signOut} />;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider value={t}>
        <ReportsWebPage />
      </I18nProvider>
    </StrictMode>,
  );
