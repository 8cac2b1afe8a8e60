import type { Ce3View } from '@/utils/api-routes/disputes';
import { useT } from '../i18n-context';

/**
 * Visa CE 3.0 for a 10.4 dispute, judged by the backend from the team's imported payments: each earlier
 * payment on the same card with what it matches on, or why it does not count. All text, never HTML.
 */
export function Ce3Matches({ ce3, formatTime }: { ce3: Ce3View; formatTime: (iso: string) => string }) {
  const t = useT();
  const head =
    ce3.status === 'eligible'
      ? t('ce3Eligible', String(ce3.qualifying.length))
      : ce3.status === 'payment_not_imported'
        ? t('ce3PaymentNotImported')
        : t('ce3NotEligible');
  return (
    <section className="cs-note" data-testid="dispute-ce3" data-status={ce3.status} aria-labelledby="cs-ce3-title">
      <h4 id="cs-ce3-title">{t('ce3Title')}</h4>
      <p className="cs-small" data-testid="dispute-ce3-status">
        {head}
      </p>
      {ce3.status !== 'eligible' && ce3.summary !== '' && ce3.status !== 'payment_not_imported' && ce3.rejected.length === 0 && (
        <p className="cs-muted cs-small">{ce3.summary}</p>
      )}
      {ce3.qualifying.length > 0 && (
        <table className="cs-table cs-small" data-testid="dispute-ce3-qualifying">
          <caption>{t('ce3Qualifying')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ce3Payment')}</th>
              <th scope="col">{t('ce3PaidAt')}</th>
              <th scope="col">{t('ce3DaysBefore')}</th>
              <th scope="col">{t('ce3MatchesOn')}</th>
            </tr>
          </thead>
          <tbody>
            {ce3.qualifying.map((q) => (
              <tr key={q.paymentId}>
                <td>{q.paymentId}</td>
                <td>{formatTime(q.paidAt)}</td>
                <td>{q.ageDays}</td>
                <td>{q.matched.map((f) => t(`ce3Field_${f}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ce3.rejected.length > 0 && (
        <table className="cs-table cs-small" data-testid="dispute-ce3-rejected">
          <caption>{t('ce3Rejected')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ce3Payment')}</th>
              <th scope="col">{t('ce3PaidAt')}</th>
              <th scope="col">{t('ce3WhyNot')}</th>
            </tr>
          </thead>
          <tbody>
            {ce3.rejected.map((r) => (
              <tr key={r.paymentId}>
                <td>{r.paymentId}</td>
                <td>{formatTime(r.paidAt)}</td>
                <td>{r.why.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
