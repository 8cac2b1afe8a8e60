import type { FraudIndicatorId, FraudMatrix, IndicatorRule } from '@/utils/schemas/fraud';
import { FraudIndicatorId as IndicatorIds } from '@/utils/schemas/fraud';
import { INDICATOR_TEXT } from '@/utils/fraud/score';
import { useT } from '../i18n-context';
import { FieldErrors } from './SaveBar';
import { errorsAt, type FieldError } from './versioned-save';

export interface IndicatorTableProps {
  indicators: FraudMatrix['indicators'];
  errors: FieldError[];
  onChange: (id: FraudIndicatorId, rule: IndicatorRule) => void;
}

/** One row per indicator: points, on/off, a forced decision and which orders it scores. */
export function IndicatorTable({ indicators, errors, onChange }: IndicatorTableProps) {
  const t = useT();
  return (
    <table className="lt-table" data-testid="indicator-table">
      <thead>
        <tr>
          <th>{t('leadIndicator')}</th>
          <th>{t('leadWeight')}</th>
          <th>{t('leadEnabled')}</th>
          <th>{t('leadForces')}</th>
          <th>{t('leadScope')}</th>
        </tr>
      </thead>
      <tbody>
        {IndicatorIds.options.map((id) => {
          const rule = indicators[id];
          const path = `indicators.${id}`;
          const own = errorsAt(errors, path);
          if (!rule) {
            return (
              <tr key={id} data-indicator={id}>
                <td>{INDICATOR_TEXT[id].label}</td>
                <td colSpan={4}>
                  <FieldErrors errors={own} />
                </td>
              </tr>
            );
          }
          const set = (patch: Partial<IndicatorRule>) => onChange(id, { ...rule, ...patch });
          return (
            <tr key={id} data-indicator={id} aria-invalid={own.length > 0}>
              <td>
                {INDICATOR_TEXT[id].label}
                <FieldErrors errors={own} />
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`${INDICATOR_TEXT[id].label}: ${t('leadWeight')}`}
                  data-testid={`field-${path}.weight`}
                  value={Number.isNaN(rule.weight) ? '' : rule.weight}
                  onChange={(e) => set({ weight: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${INDICATOR_TEXT[id].label}: ${t('leadEnabled')}`}
                  checked={rule.enabled}
                  onChange={(e) => set({ enabled: e.target.checked })}
                />
              </td>
              <td>
                <select
                  aria-label={`${INDICATOR_TEXT[id].label}: ${t('leadForces')}`}
                  value={rule.forces ?? ''}
                  onChange={(e) => {
                    const { forces: _dropped, ...rest } = rule;
                    onChange(id, e.target.value === '' ? rest : { ...rest, forces: e.target.value as NonNullable<IndicatorRule['forces']> });
                  }}
                >
                  <option value="">{t('leadForcesNone')}</option>
                  <option value="release">{t('rec_release')}</option>
                  <option value="review">{t('rec_review')}</option>
                  <option value="hold">{t('rec_hold')}</option>
                </select>
              </td>
              <td>
                <select
                  aria-label={`${INDICATOR_TEXT[id].label}: ${t('leadScope')}`}
                  value={rule.scope}
                  onChange={(e) => set({ scope: e.target.value as IndicatorRule['scope'] })}
                >
                  <option value="both">{t('leadScopeBoth')}</option>
                  <option value="abuse">{t('fraudScope_abuse')}</option>
                  <option value="card">{t('fraudScope_card')}</option>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
