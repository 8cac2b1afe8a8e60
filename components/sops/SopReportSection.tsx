import { useEffect, useState } from 'react';
import type { SopReport } from '@/utils/schemas/sops';
import { useT } from '../i18n-context';

export type SopReportLoad = (range: { from?: string; to?: string }) => Promise<{ ok: true; data: SopReport } | { ok: false; error: { message: string } }>;

/**
 * The SOP figures of the reports page: how often SOPs were read per case kind, and what came of agents'
 * proposals. For leads (an agent's request is refused, and the section says so). Marketplace and agent
 * filters do not apply to these figures.
 */
export function SopReportSection({ load, from, to }: { load: SopReportLoad; from?: string; to?: string }) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: SopReport }>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void load({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).then((res) => {
      if (live) setState(res.ok ? { kind: 'ready', report: res.data } : { kind: 'error', message: res.error.message });
    });
    return () => {
      live = false;
    };
  }, [load, from, to]);

  return (
    <section className="report" data-report="sops" data-testid="sop-report" aria-labelledby="report-sops-title">
      <h2 id="report-sops-title">{t('sopReportTitle')}</h2>
      {state.kind === 'loading' && <p role="status">{t('reports_loading')}</p>}
      {state.kind === 'error' && <p role="alert">{t('reports_error', state.message)}</p>}
      {state.kind === 'ready' && (
        <>
          <p data-testid="sop-report-proposals">
            {t('sopReportProposals', [
              String(state.report.proposals.submitted),
              String(state.report.proposals.accepted),
              String(state.report.proposals.rejected),
              String(state.report.proposals.pending),
            ])}
          </p>
          <table data-testid="report-table" data-report="sop-views">
            <thead>
              <tr>
                <th scope="col">{t('sopReportCaseKind')}</th>
                <th scope="col">{t('sopReportViews')}</th>
                <th scope="col">{t('sopReportSops')}</th>
                <th scope="col">{t('sopReportAgents')}</th>
              </tr>
            </thead>
            <tbody>
              {state.report.viewsByCaseKind.map((row) => (
                <tr key={row.caseKind} data-case-kind={row.caseKind}>
                  <td>{row.caseKind}</td>
                  <td>{row.views}</td>
                  <td>{row.sops}</td>
                  <td>{row.agents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
