import { useCallback, useState } from 'react';
import { describeIssue } from '@/utils/fraud/validation-errors';
import { TeamSettingsView } from '@/utils/schemas/admin';
import { Language } from '@/utils/schemas/common';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { LoadGate } from './LoadGate';
import { NumberField, SelectField } from './fields';
import { ErrorList, FieldErrors } from './SaveBar';
import { errorsAt, saveOutcomeFrom, type FieldError } from './versioned-save';

export function SettingsTab({ call }: { call: ApiCall }) {
  const load = useCallback(() => call('settings.get'), [call]);
  const { state, reload } = useLoad(load);
  return (
    <LoadGate state={state} onRetry={reload}>
      {(settings) => <SettingsEditor initial={settings} call={call} />}
    </LoadGate>
  );
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid'; errors: FieldError[] } | { kind: 'failed'; message: string };

/** Team settings: not versioned (last save wins), checked here first so every problem shows at once. */
export function SettingsEditor({ initial, call }: { initial: TeamSettingsView; call: ApiCall }) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const errors = status.kind === 'invalid' ? status.errors : [];
  const edit = (next: TeamSettingsView) => {
    setDraft(next);
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const save = async () => {
    const parsed = TeamSettingsView.safeParse(draft, { reportInput: true });
    if (!parsed.success) return setStatus({ kind: 'invalid', errors: parsed.error.issues.map((i) => describeIssue(i, 'settings')) });
    setStatus({ kind: 'saving' });
    const outcome = saveOutcomeFrom(await call('settings.put', { body: parsed.data }), () => undefined);
    if (outcome.kind === 'saved') {
      setDraft(outcome.value);
      setStatus({ kind: 'saved' });
    } else if (outcome.kind === 'invalid') setStatus({ kind: 'invalid', errors: outcome.errors });
    else setStatus({ kind: 'failed', message: outcome.kind === 'failed' ? outcome.message : t('errorGeneric', outcome.kind) });
  };

  return (
    <section data-testid="team-settings" aria-labelledby="lt-settings-title">
      <h2 id="lt-settings-title">{t('leadTabSettings')}</h2>
      <div className="lt-grid">
        <span className="lt-field" data-path="retentionDays">
          <label htmlFor="lt-retention">{t('leadRetentionDays')}</label>
          <input
            id="lt-retention"
            type="number"
            min={1}
            data-testid="field-retentionDays"
            placeholder={t('leadRetentionKeep')}
            value={draft.retentionDays === null || Number.isNaN(draft.retentionDays) ? '' : draft.retentionDays}
            // Empty means "keep until a lead sets a period" (null), which the backend accepts.
            onChange={(e) => edit({ ...draft, retentionDays: e.target.value.trim() === '' ? null : Number(e.target.value) })}
          />
          <FieldErrors errors={errorsAt(errors, 'retentionDays')} />
        </span>
        <SelectField
          label={t('leadDefaultLanguage')}
          path="defaultLanguage"
          errors={errors}
          value={draft.defaultLanguage}
          options={Language.options.map((l) => ({ value: l, label: l.toUpperCase() }))}
          onChange={(defaultLanguage) => edit({ ...draft, defaultLanguage })}
        />
        <NumberField
          label={t('leadNotifyMinutes')}
          path="notifyLeadMinutes"
          errors={errors}
          value={draft.notifyLeadMinutes}
          onChange={(notifyLeadMinutes) => edit({ ...draft, notifyLeadMinutes })}
        />
        <NumberField
          label={t('leadWarningFraction')}
          path="warningFraction"
          errors={errors}
          step={0.05}
          value={draft.warningFraction}
          onChange={(warningFraction) => edit({ ...draft, warningFraction })}
        />
      </div>
      <div className="lt-row">
        <button type="button" data-testid="save" onClick={() => void save()} disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('leadSaving') : t('leadSave')}
        </button>
        <span data-testid="save-status" data-status={status.kind} role="status">
          {status.kind === 'saved' && t('leadSaved')}
          {status.kind === 'failed' && <span className="lt-error">{status.message}</span>}
        </span>
      </div>
      {status.kind === 'invalid' && <ErrorList errors={status.errors} />}
    </section>
  );
}
