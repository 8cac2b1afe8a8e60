import { useEffect, useEffectEvent, useState } from 'react';
import { useT } from '@/components/i18n-context';
import { handoffTable } from '@/utils/reports/tables';
import type { HandoffReport } from '@/utils/schemas/handoffs';
import { ReportTable } from './ReportTable';

/** GET /v1/reports/handoffs takes instants: [from, to) */
export type HandoffReportLoad = (query: { from: string; to: string }) => Promise<{ ok: true; data: HandoffReport } | { ok: false; error: { message: string } }>;

const DAY_MS = 86_400_000;

/** The report's UTC calendar days, `to` included, as the hand-off report's half-open range of instants. */
export function handoffQueryOf(from: string, to: string): { from: string; to: string } {
  return { from: `${from}T00:00:00.000Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() };
}

/**
 * Hand-offs to internal teams in the report's range: per team how many, answered, the median and p90 time
 * to answer, and how many went overdue; with its chart and its CSV like every report table. For leads
 * (the route is lead-only; the page leaves the section out for agents). Marketplace and agent filters
 * do not apply to these figures.
 */
export function HandoffReportSection({
  load,
  from,
  to,
  onDownload,
}: {
  load: HandoffReportLoad;
  from: string;
  to: string;
  onDownload: (filename: string, csv: string) => void;
}) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: HandoffReport }>({ kind: 'loading' });
  // A new loader from the page above does not reload: only a new range does.
  const fetchReport = useEffectEvent((range: { from: string; to: string }) => load(range));
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void fetchReport(handoffQueryOf(from, to)).then((res) => {
      if (live) setState(res.ok ? { kind: 'ready', report: res.data } : { kind: 'error', message: res.error.message });
    });
    return () => {
      live = false;
    };
  }, [from, to]);

  return (
    <section className="report-section" data-testid="handoff-report" data-state={state.kind} aria-labelledby="report-handoffs-title">
      <h2 id="report-handoffs-title">{t('reports_handoffs')}</h2>
      {state.kind === 'loading' && <p role="status">{t('reports_loading')}</p>}
      {state.kind === 'error' && <p role="alert">{t('reports_error', state.message)}</p>}
      {state.kind === 'ready' && <ReportTable table={handoffTable(state.report, t)} period={`${from}-${to}`} onDownload={onDownload} />}
    </section>
  );
}
