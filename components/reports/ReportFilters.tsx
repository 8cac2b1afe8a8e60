import { useState, type FormEvent } from 'react';
import { useT } from '@/components/i18n-context';
import type { ReportFilterOptions } from '@/utils/schemas/reports';

export interface FilterValues {
  from: string;
  to: string;
  marketplace: string;
  agentId: string;
}

/** Date range, marketplace and agent; an agent's own view has no agent choice (the server enforces it). */
export function ReportFilters({ options, initial, onApply }: { options: ReportFilterOptions; initial: FilterValues; onApply: (v: FilterValues) => void }) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const set = (key: keyof FilterValues) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  return (
    <form className="report-filters" onSubmit={submit} data-testid="report-filters">
      <label>
        {t('reports_from')}
        <input type="date" value={values.from} onChange={set('from')} data-testid="report-from" />
      </label>
      <label>
        {t('reports_to')}
        <input type="date" value={values.to} onChange={set('to')} data-testid="report-to" />
      </label>
      <label>
        {t('reports_marketplace')}
        <select value={values.marketplace} onChange={set('marketplace')} data-testid="report-marketplace">
          <option value="">{t('reports_all')}</option>
          {options.marketplaces.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      {options.view === 'team' ? (
        <label>
          {t('reports_agent')}
          <select value={values.agentId} onChange={set('agentId')} data-testid="report-agent">
            <option value="">{t('reports_all')}</option>
            {options.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" data-testid="report-apply">
        {t('reports_apply')}
      </button>
    </form>
  );
}
