import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useT } from '@/components/i18n-context';
import { disputeTables, fraudTables, serviceTables } from '@/utils/reports/tables';
import type { DisputeReport, FraudReport, ReportFilterOptions, ReportQuery, ServiceReport } from '@/utils/schemas/reports';
import { ReportFilters, type FilterValues } from './ReportFilters';
import { ReportTable } from './ReportTable';
import { SopReportSection, type SopReportLoad } from '../sops/SopReportSection';
import { HandoffReportSection, type HandoffReportLoad } from './HandoffReportSection';

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

export interface ReportsPageProps {
  loadFilters: () => Promise<Loaded<ReportFilterOptions>>;
  loadService: (query: ReportQuery) => Promise<Loaded<ServiceReport>>;
  loadFraud: (query: ReportQuery) => Promise<Loaded<FraudReport>>;
  loadDisputes: (query: ReportQuery) => Promise<Loaded<DisputeReport>>;
  onDownload: (filename: string, csv: string) => void;
  /** The range shown first (the last seven days). */
  initialRange: { from: string; to: string };
  /** SOP views and proposals (leads only: left out when not given, and of an agent's own view). */
  loadSops?: SopReportLoad;
  /** Hand-offs by internal team (leads only: the section is left out of an agent's own view). */
  loadHandoffs?: HandoffReportLoad;
}

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; service: ServiceReport; fraud: FraudReport; disputes: DisputeReport };

function toQuery(v: FilterValues): ReportQuery {
  const q: ReportQuery = {};
  if (v.from) q.from = v.from;
  if (v.to) q.to = v.to;
  if (v.marketplace) q.marketplace = v.marketplace;
  if (v.agentId) q.agentId = v.agentId;
  return q;
}

/** Service, fraud, disputes and (for leads) hand-offs for a range, at a glance: every table with its chart and its CSV. */
export function ReportsPage({ loadFilters, loadService, loadFraud, loadDisputes, onDownload, initialRange, loadSops, loadHandoffs }: ReportsPageProps) {
  const t = useT();
  const [options, setOptions] = useState<ReportFilterOptions | null>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [range, setRange] = useState<{ from?: string; to?: string }>(initialRange);
  const initial: FilterValues = { ...initialRange, marketplace: '', agentId: '' };

  const load = useCallback(
    async (values: FilterValues) => {
      setState({ phase: 'loading' });
      setRange({ ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });
      const query = toQuery(values);
      const [service, fraud, disputes] = await Promise.all([loadService(query), loadFraud(query), loadDisputes(query)]);
      if (!service.ok) return setState({ phase: 'error', message: service.error.message });
      if (!fraud.ok) return setState({ phase: 'error', message: fraud.error.message });
      if (!disputes.ok) return setState({ phase: 'error', message: disputes.error.message });
      setState({ phase: 'ready', service: service.data, fraud: fraud.data, disputes: disputes.data });
    },
    [loadService, loadFraud, loadDisputes],
  );

  const start = useEffectEvent(async () => {
    const res = await loadFilters();
    if (!res.ok) return setState({ phase: 'error', message: res.error.message });
    setOptions(res.data);
    await load(initial);
  });
  // Runs once: the initial range is fixed for the page's life.
  useEffect(() => {
    void start();
  }, []);

  return (
    <main className="reports" data-testid="reports-page" data-state={state.phase}>
      <h1>{t('reportsTitle')}</h1>
      {options ? <p className="view">{t(options.view === 'team' ? 'reports_viewTeam' : 'reports_viewSelf')}</p> : null}
      {options ? <ReportFilters options={options} initial={initial} onApply={(v) => void load(v)} /> : null}
      {state.phase === 'loading' ? <p role="status">{t('reports_loading')}</p> : null}
      {state.phase === 'error' ? <p role="alert">{t('reports_error', state.message)}</p> : null}
      {state.phase === 'ready' ? (
        <>
          <h2>{t('reports_service')}</h2>
          {serviceTables(state.service, t).map((table) => (
            <ReportTable key={table.name} table={table} period={`${state.service.scope.from}-${state.service.scope.to}`} onDownload={onDownload} />
          ))}
          <h2>{t('reports_fraud')}</h2>
          {fraudTables(state.fraud, t).map((table) => (
            <ReportTable key={table.name} table={table} period={`${state.fraud.scope.from}-${state.fraud.scope.to}`} onDownload={onDownload} />
          ))}
          <h2>{t('reports_disputes')}</h2>
          {disputeTables(state.disputes, t).map((table) => (
            <ReportTable key={table.name} table={table} period={`${state.disputes.scope.from}-${state.disputes.scope.to}`} onDownload={onDownload} />
          ))}
          {loadHandoffs && options?.view === 'team' ? (
            <HandoffReportSection load={loadHandoffs} from={state.service.scope.from} to={state.service.scope.to} onDownload={onDownload} />
          ) : null}
          {loadSops && options?.view === 'team' ? <SopReportSection load={loadSops} {...range} /> : null}
        </>
      ) : null}
    </main>
  );
}
