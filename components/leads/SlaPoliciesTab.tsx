import { Fragment, useCallback, useState } from 'react';
import { OPERATOR_CLOCKS, validatePolicySet } from '@/utils/sla/policies';
import { SlaPoliciesView } from '@/utils/schemas/admin';
import { SlaCaseKind, SlaPolicySet, type SlaPolicy } from '@/utils/schemas/sla';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { CalendarEditor } from './CalendarEditor';
import { LoadGate } from './LoadGate';
import { OperatorTerms } from './OperatorTerms';
import { FieldErrors, SaveBar } from './SaveBar';
import { errorsAt, saveOutcomeFrom, useVersionedDraft, type FieldError } from './versioned-save';

export function parsePoliciesConflict(value: unknown): SlaPoliciesView | undefined {
  const view = SlaPoliciesView.safeParse(value);
  if (view.success) return view.data;
  const set = SlaPolicySet.safeParse(value);
  return set.success ? { policies: set.data, version: set.data.version, updatedAt: null, updatedBy: null } : undefined;
}

export function SlaPoliciesTab({ call }: { call: ApiCall }) {
  const load = useCallback(() => call('sla.policies.get'), [call]);
  const { state, reload } = useLoad(load);
  return (
    <LoadGate state={state} onRetry={reload}>
      {(view) => <SlaPoliciesEditor initial={view} call={call} />}
    </LoadGate>
  );
}

export function SlaPoliciesEditor({ initial, call }: { initial: SlaPoliciesView; call: ApiCall }) {
  const t = useT();
  const [applyToOpenCases, setApplyToOpenCases] = useState(false);
  const [recomputed, setRecomputed] = useState<number | null>(null);
  const save = useCallback(
    async (draft: SlaPoliciesView, expectedVersion: number) => {
      const res = await call('sla.policies.put', { body: { policies: draft.policies, expectedVersion, applyToOpenCases } });
      setRecomputed(res.ok ? res.data.recomputedCases : null);
      return saveOutcomeFrom(res, parsePoliciesConflict);
    },
    [call, applyToOpenCases],
  );
  const validate = useCallback((view: SlaPoliciesView) => {
    const result = validatePolicySet(view.policies);
    return result.ok ? [] : result.errors;
  }, []);
  const doc = useVersionedDraft({ initial, save, validate });
  const errors = doc.status.kind === 'invalid' ? doc.status.errors : [];
  const set = doc.draft.policies;
  const setPolicy = (kind: SlaCaseKind, policy: SlaPolicy) =>
    doc.setDraft((v) => ({ ...v, policies: { ...v.policies, policies: { ...v.policies.policies, [kind]: policy } } }));

  return (
    <section data-testid="sla-policies" aria-labelledby="lt-sla-title">
      <h2 id="lt-sla-title">{t('leadTabSla')}</h2>
      <p className="lt-muted">{t('leadVersionBy', [String(doc.base.version), doc.base.updatedBy ?? '—'])}</p>
      <table className="lt-table">
        <thead>
          <tr>
            <th>{t('leadCaseKind')}</th>
            <th>{t('leadClock')}</th>
            <th>{t('leadDuration')}</th>
            <th>{t('leadWarningFraction')}</th>
            <th>{t('leadNotifyMinutes')}</th>
          </tr>
        </thead>
        <tbody>
          {SlaCaseKind.options.map((kind) => {
            const policy = set.policies[kind];
            if (!policy) return null;
            return (
              <Fragment key={kind}>
                <PolicyRow kind={kind} policy={policy} errors={errors} onChange={(p) => setPolicy(kind, p)} />
                {OPERATOR_CLOCKS.has(kind) && (
                  <tr data-operators-of={kind}>
                    <td colSpan={5}>
                      <OperatorTerms at={`policies.${kind}`} policy={policy} errors={errors} onChange={(p) => setPolicy(kind, p)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <CalendarEditor calendar={set.calendar} errors={errors} onChange={(calendar) => doc.setDraft((v) => ({ ...v, policies: { ...v.policies, calendar } }))} />
      <SaveBar
        status={doc.status}
        onSave={() => void doc.save()}
        onLoadTheirs={doc.loadTheirs}
        onKeepMine={doc.keepMine}
        renderTheirs={(theirs) => <p className="lt-muted">{t('leadVersionBy', [String(theirs.version), theirs.updatedBy ?? '—'])}</p>}
      >
        <label className="lt-check">
          <input type="checkbox" data-testid="apply-open-cases" checked={applyToOpenCases} onChange={(e) => setApplyToOpenCases(e.target.checked)} />{' '}
          {t('leadApplyOpenCases')}
        </label>
      </SaveBar>
      {doc.status.kind === 'saved' && recomputed !== null && <p data-testid="recomputed">{t('leadRecomputed', String(recomputed))}</p>}
    </section>
  );
}

function PolicyRow({ kind, policy, errors, onChange }: { kind: SlaCaseKind; policy: SlaPolicy; errors: FieldError[]; onChange: (p: SlaPolicy) => void }) {
  const t = useT();
  const at = `policies.${kind}`;
  const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const changeClock = (clock: SlaPolicy['clock']) => {
    const { duration, ...rest } = policy;
    // A ship-by clock has no duration; any other clock needs one, which the validator asks for if left empty.
    if (clock === 'shipBy') onChange({ ...rest, clock });
    else onChange({ ...rest, clock, duration: duration ?? { amount: Number.NaN, unit: 'hours' } });
  };
  return (
    <tr data-case-kind={kind}>
      <td>
        <input aria-label={t('leadCaseKind')} value={policy.label} onChange={(e) => onChange({ ...policy, label: e.target.value })} />
        <FieldErrors errors={errorsAt(errors, `${at}.label`)} />
        <span className="lt-muted lt-small">{kind}</span>
      </td>
      <td>
        <select aria-label={t('leadClock')} value={policy.clock} onChange={(e) => changeClock(e.target.value as SlaPolicy['clock'])}>
          <option value="calendar">{t('leadClockCalendar')}</option>
          <option value="business">{t('leadClockBusiness')}</option>
          <option value="shipBy">{t('leadClockShipBy')}</option>
        </select>
        <FieldErrors errors={errorsAt(errors, `${at}.clock`)} />
      </td>
      <td>
        {policy.duration ? (
          <span className="lt-row">
            <input
              type="number"
              step="any"
              aria-label={t('leadDuration')}
              data-testid={`field-${at}.duration.amount`}
              value={Number.isNaN(policy.duration.amount) ? '' : policy.duration.amount}
              onChange={(e) => onChange({ ...policy, duration: { ...policy.duration!, amount: num(e.target.value) } })}
            />
            <select
              aria-label={t('leadDurationUnit')}
              value={policy.duration.unit}
              onChange={(e) => onChange({ ...policy, duration: { ...policy.duration!, unit: e.target.value as 'hours' | 'days' } })}
            >
              <option value="hours">{t('leadHours')}</option>
              <option value="days">{t('leadDays')}</option>
            </select>
          </span>
        ) : (
          <span className="lt-muted">{t('leadShipByNoDuration')}</span>
        )}
        <FieldErrors errors={errorsAt(errors, `${at}.duration`)} />
      </td>
      <td>
        <input
          type="number"
          step={0.05}
          min={0}
          max={1}
          aria-label={t('leadWarningFraction')}
          value={Number.isNaN(policy.warningFraction) ? '' : policy.warningFraction}
          onChange={(e) => onChange({ ...policy, warningFraction: num(e.target.value) })}
        />
        <FieldErrors errors={errorsAt(errors, `${at}.warningFraction`)} />
      </td>
      <td>
        <input
          type="number"
          min={0}
          aria-label={t('leadNotifyMinutes')}
          value={Number.isNaN(policy.notifyLeadMinutes) ? '' : policy.notifyLeadMinutes}
          onChange={(e) => onChange({ ...policy, notifyLeadMinutes: num(e.target.value) })}
        />
        <FieldErrors errors={errorsAt(errors, `${at}.notifyLeadMinutes`)} />
      </td>
    </tr>
  );
}
