import { useCallback } from 'react';
import type { PageHealthItem } from '@/utils/schemas/health';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { LoadGate } from './LoadGate';

/**
 * Portal pages the team's extensions could not fully read in the last week, so that a portal redesign
 * is noticed the day it ships rather than when agents complain.
 */
export function PageHealthTab({ call }: { call: ApiCall }) {
  const load = useCallback(() => call('pageHealth.list', { query: { days: '7' } }), [call]);
  const { state, reload } = useLoad(load);
  return (
    <LoadGate state={state} onRetry={reload}>
      {(list) => <PageHealthTable items={list.items} />}
    </LoadGate>
  );
}

export function PageHealthTable({ items }: { items: PageHealthItem[] }) {
  const t = useT();
  if (items.length === 0) return <p data-testid="page-health-empty">{t('healthAllRead')}</p>;
  return (
    <section>
      <p className="lt-muted">{t('healthIntro')}</p>
      <table data-testid="page-health">
        <thead>
          <tr>
            <th>{t('healthPage')}</th>
            <th>{t('healthStatus')}</th>
            <th>{t('healthMissing')}</th>
            <th>{t('healthCount')}</th>
            <th>{t('healthLastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr
              key={`${i.portal}|${i.pageKind}|${i.status}|${i.missing.join(',')}|${(i.lowerTier ?? []).join(',')}`}
              data-testid="page-health-row"
              data-status={i.status}
            >
              <td>
                {i.portal} · {i.pageKind}
                <br />
                <code>{i.samplePath}</code>
              </td>
              <td>{i.status === 'unrecognized' ? t('healthUnrecognized') : i.status === 'partial' ? t('healthPartial') : t('healthLowerTier')}</td>
              <td>
                {i.missing.join(', ')}
                {(i.lowerTier ?? []).length > 0 && (
                  <span data-testid="page-health-lower-tier" className="lt-muted">
                    {i.missing.length ? ' · ' : ''}
                    {t('healthLowerTierFields', (i.lowerTier ?? []).join(', '))}
                  </span>
                )}
              </td>
              <td>{i.count}</td>
              <td>{new Date(i.lastSeen).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
