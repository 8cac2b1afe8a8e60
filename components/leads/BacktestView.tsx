import type { z } from 'zod';
import type { BacktestReport, ConfusionMatrix } from '@/utils/schemas/admin';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';

type Confusion = z.infer<typeof ConfusionMatrix>;
const RECOMMENDATIONS = ['release', 'review', 'hold'] as const;
const DECISIONS = ['release', 'hold', 'fraud'] as const;
const DECISION_LABEL: Record<(typeof DECISIONS)[number], MessageKey> = { release: 'flagRelease', hold: 'flagHold', fraud: 'flagFraud' };

/**
 * What a draft matrix would have done on the team's decided orders: the recommendation against the
 * agents' decisions (proposed next to current), and the orders that move between release, review and hold.
 */
export function BacktestView({ report }: { report: BacktestReport }) {
  const t = useT();
  return (
    <section className="lt-backtest" data-testid="backtest-result">
      <p>{t('leadBacktestSummary', [String(report.total), String(report.days), String(report.unchanged)])}</p>
      {report.skipped > 0 && <p className="lt-muted">{t('leadBacktestSkipped', String(report.skipped))}</p>}
      <div className="lt-row lt-wrap">
        <ConfusionTable title={t('leadBacktestProposed')} confusion={report.confusion} testId="confusion-proposed" />
        <ConfusionTable title={t('leadBacktestCurrent')} confusion={report.currentConfusion} testId="confusion-current" />
      </div>
      <h4>{t('leadBacktestMoves')}</h4>
      {report.moves.length === 0 ? (
        <p className="lt-muted">{t('leadBacktestNoMoves')}</p>
      ) : (
        <table className="lt-table" data-testid="backtest-moves">
          <thead>
            <tr>
              <th>{t('leadBacktestFrom')}</th>
              <th>{t('leadBacktestTo')}</th>
              <th>{t('leadBacktestCount')}</th>
              <th>{t('leadBacktestExamples')}</th>
            </tr>
          </thead>
          <tbody>
            {report.moves.map((m) => (
              <tr key={`${m.from}>${m.to}`} data-from={m.from} data-to={m.to}>
                <td>{t(`rec_${m.from}`)}</td>
                <td>{t(`rec_${m.to}`)}</td>
                <td>{m.count}</td>
                <td>{m.examples.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConfusionTable({ title, confusion, testId }: { title: string; confusion: Confusion; testId: string }) {
  const t = useT();
  return (
    <table className="lt-table" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('leadBacktestRecommended')}</th>
          {DECISIONS.map((d) => (
            <th scope="col" key={d}>
              {t('leadBacktestDecided', t(DECISION_LABEL[d]))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {RECOMMENDATIONS.map((r) => (
          <tr key={r} data-recommendation={r}>
            <th scope="row">{t(`rec_${r}`)}</th>
            {DECISIONS.map((d) => (
              <td key={d} data-decision={d}>
                {confusion[r][d]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
