import { useId, useState, type FormEvent } from 'react';
import { SlaOperator, type SlaPolicy, type SlaPolicyTerms } from '@/utils/schemas/sla';
import { useT } from '../i18n-context';
import { FieldErrors } from './SaveBar';
import { errorsAt, type FieldError } from './versioned-save';

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The operators' own terms of one clock (Mirakl operators publish their own deadlines): one row per
 * operator, added by its code and removed as a whole. Left out, an operator runs on the policy's terms.
 */
export function OperatorTerms({
  at,
  policy,
  errors,
  onChange,
}: {
  /** The policy's path in the set, for the validator's messages (`policies.<kind>`). */
  at: string;
  policy: SlaPolicy;
  errors: FieldError[];
  onChange: (p: SlaPolicy) => void;
}) {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const own = policy.byOperator ?? {};
  const set = (next: Record<string, SlaPolicyTerms>) => {
    const { byOperator: _old, ...rest } = policy;
    onChange(Object.keys(next).length > 0 ? { ...rest, byOperator: next } : rest);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const operator = code.trim().toUpperCase();
    if (!SlaOperator.safeParse(operator).success) return setCodeError(t('leadOperatorInvalid'));
    if (own[operator]) return setCodeError(t('leadOperatorDuplicate', operator));
    setCodeError(null);
    setCode('');
    // A new operator starts from the policy's own terms, which the lead then changes.
    const base: SlaPolicyTerms = {
      clock: policy.clock === 'business' ? 'business' : 'calendar',
      duration: policy.duration ?? { amount: 24, unit: 'hours' },
    };
    set({ ...own, [operator]: base });
  };
  return (
    <fieldset className="lt-operators" data-testid={`operators-${at}`}>
      <legend>{t('leadOperatorTerms')}</legend>
      {Object.keys(own).length === 0 && <p className="lt-muted lt-small">{t('leadOperatorNone')}</p>}
      {Object.entries(own).map(([operator, terms]) => (
        <OperatorRow
          key={operator}
          at={`${at}.byOperator.${operator}`}
          operator={operator}
          terms={terms}
          policyWarning={policy.warningFraction}
          errors={errors}
          onChange={(next) => set({ ...own, [operator]: next })}
          onRemove={() => set(Object.fromEntries(Object.entries(own).filter(([k]) => k !== operator)))}
        />
      ))}
      <FieldErrors errors={errorsAt(errors, `${at}.byOperator`).filter((e) => e.path === `${at}.byOperator`)} />
      {/* Not a nested form: the lead tools' page may sit inside one; Enter in the field adds. */}
      <span className="lt-row">
        <label htmlFor={`${id}-code`}>{t('leadOperatorCode')}</label>
        <input
          id={`${id}-code`}
          value={code}
          data-testid={`operator-code-${at}`}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? `${id}-error` : undefined}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add(e);
          }}
        />
        <button type="button" onClick={add}>
          {t('leadOperatorAdd')}
        </button>
      </span>
      {codeError && (
        <p id={`${id}-error`} role="alert" className="lt-error">
          {codeError}
        </p>
      )}
    </fieldset>
  );
}

function OperatorRow({
  at,
  operator,
  terms,
  policyWarning,
  errors,
  onChange,
  onRemove,
}: {
  at: string;
  operator: string;
  terms: SlaPolicyTerms;
  policyWarning: number;
  errors: FieldError[];
  onChange: (t: SlaPolicyTerms) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="lt-row" data-operator={operator}>
      <strong>{operator}</strong>
      <select
        aria-label={t('leadOperatorClock', operator)}
        value={terms.clock}
        onChange={(e) => onChange({ ...terms, clock: e.target.value as SlaPolicyTerms['clock'] })}
      >
        <option value="calendar">{t('leadClockCalendar')}</option>
        <option value="business">{t('leadClockBusiness')}</option>
      </select>
      <input
        type="number"
        step="any"
        aria-label={t('leadOperatorDuration', operator)}
        data-testid={`field-${at}.duration.amount`}
        value={Number.isNaN(terms.duration.amount) ? '' : terms.duration.amount}
        onChange={(e) => onChange({ ...terms, duration: { ...terms.duration, amount: num(e.target.value) } })}
      />
      <select
        aria-label={t('leadOperatorUnit', operator)}
        value={terms.duration.unit}
        onChange={(e) => onChange({ ...terms, duration: { ...terms.duration, unit: e.target.value as 'hours' | 'days' } })}
      >
        <option value="hours">{t('leadHours')}</option>
        <option value="days">{t('leadDays')}</option>
      </select>
      <input
        type="number"
        step={0.05}
        min={0}
        max={1}
        aria-label={t('leadOperatorWarning', operator)}
        placeholder={String(policyWarning)}
        value={terms.warningFraction === undefined || Number.isNaN(terms.warningFraction) ? '' : terms.warningFraction}
        onChange={(e) => {
          const { warningFraction: _old, ...rest } = terms;
          // Emptied: the policy's own warning applies again.
          onChange(e.target.value.trim() === '' ? rest : { ...rest, warningFraction: num(e.target.value) });
        }}
      />
      <button type="button" onClick={onRemove}>
        {t('leadOperatorRemove', operator)}
      </button>
      <FieldErrors errors={errorsAt(errors, at)} />
    </div>
  );
}
