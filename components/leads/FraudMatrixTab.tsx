import { useCallback, useState } from 'react';
import { validateMatrix } from '@/utils/fraud/matrix';
import { type BacktestReport, FraudMatrixView } from '@/utils/schemas/admin';
import { FraudMatrix } from '@/utils/schemas/fraud';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { BacktestView } from './BacktestView';
import { IndicatorTable } from './IndicatorTable';
import { LoadGate } from './LoadGate';
import { MatrixParameters } from './MatrixParameters';
import { NumberField } from './fields';
import { ErrorList, SaveBar } from './SaveBar';
import { saveOutcomeFrom, useVersionedDraft, type FieldError } from './versioned-save';

/** The other lead's copy from a 409: the full view, or at least a matrix (its own version then counts). */
export function parseMatrixConflict(value: unknown): FraudMatrixView | undefined {
  const view = FraudMatrixView.safeParse(value);
  if (view.success) return view.data;
  const matrix = FraudMatrix.safeParse(value);
  return matrix.success ? { matrix: matrix.data, version: matrix.data.version, updatedAt: null, updatedBy: null } : undefined;
}

export function FraudMatrixTab({ call }: { call: ApiCall }) {
  const load = useCallback(() => call('fraud.matrix.get'), [call]);
  const { state, reload } = useLoad(load);
  return (
    <LoadGate state={state} onRetry={reload}>
      {(view) => <FraudMatrixEditor initial={view} call={call} />}
    </LoadGate>
  );
}

type BacktestState =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: BacktestReport } | { kind: 'failed'; message: string; errors: FieldError[] };

export function FraudMatrixEditor({ initial, call }: { initial: FraudMatrixView; call: ApiCall }) {
  const t = useT();
  const save = useCallback(
    async (draft: FraudMatrixView, expectedVersion: number) =>
      saveOutcomeFrom(await call('fraud.matrix.put', { body: { matrix: draft.matrix, expectedVersion } }), parseMatrixConflict),
    [call],
  );
  const validate = useCallback((view: FraudMatrixView) => {
    const result = validateMatrix(view.matrix);
    return result.ok ? [] : result.errors;
  }, []);
  const doc = useVersionedDraft({ initial, save, validate });
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [backtest, setBacktest] = useState<BacktestState>({ kind: 'idle' });
  const errors = doc.status.kind === 'invalid' ? doc.status.errors : [];
  const matrix = doc.draft.matrix;
  const setMatrix = (next: FraudMatrix) => doc.setDraft((v) => ({ ...v, matrix: next }));

  /** The JSON view's text as a matrix candidate; a syntax error is shown and the text stays as typed. */
  const parseJson = (): FraudMatrixView | null => {
    try {
      const parsed: unknown = JSON.parse(jsonText);
      setJsonProblem(null);
      return { ...doc.draft, matrix: parsed as FraudMatrix };
    } catch (err) {
      setJsonProblem(err instanceof Error ? err.message : String(err));
      return null;
    }
  };

  const toForm = () => {
    const candidate = parseJson();
    if (!candidate) return;
    // The form can only draw a structurally complete matrix; otherwise stay here and name the problems.
    if (!FraudMatrix.safeParse(candidate.matrix).success) {
      const result = validateMatrix(candidate.matrix);
      setJsonProblem(result.ok ? null : result.errors.map((e) => e.message).join('\n'));
      return;
    }
    doc.setDraft(candidate);
    setMode('form');
  };

  const runBacktest = async () => {
    const candidate = mode === 'json' ? parseJson() : doc.draft;
    if (!candidate) return;
    setBacktest({ kind: 'running' });
    const res = await call('fraud.backtest', { body: { matrix: candidate.matrix, days: 180 } });
    if (res.ok) setBacktest({ kind: 'done', report: res.data });
    else {
      const outcome = saveOutcomeFrom(res, () => undefined);
      setBacktest({ kind: 'failed', message: res.error.message, errors: outcome.kind === 'invalid' ? outcome.errors : [] });
    }
  };

  return (
    <section data-testid="fraud-matrix" aria-labelledby="lt-matrix-title">
      <h2 id="lt-matrix-title">{t('leadTabMatrix')}</h2>
      <p className="lt-muted">{doc.base.version === 0 ? t('leadMatrixDefault') : t('leadVersionBy', [String(doc.base.version), doc.base.updatedBy ?? '—'])}</p>
      <div className="lt-row" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'form'} className="secondary" onClick={() => (mode === 'json' ? toForm() : undefined)}>
          {t('leadViewForm')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'json'}
          className="secondary"
          data-testid="matrix-json-toggle"
          onClick={() => {
            if (mode === 'json') return;
            setJsonText(JSON.stringify(matrix, null, 2));
            setJsonProblem(null);
            setMode('json');
          }}
        >
          {t('leadViewJson')}
        </button>
      </div>
      {mode === 'form' ? (
        <>
          <fieldset className="lt-fieldset">
            <legend>{t('leadThresholds')}</legend>
            <div className="lt-grid">
              <NumberField
                label={t('leadThresholdReview')}
                path="thresholds.review"
                errors={errors}
                value={matrix.thresholds.review}
                onChange={(v) => setMatrix({ ...matrix, thresholds: { ...matrix.thresholds, review: v } })}
              />
              <NumberField
                label={t('leadThresholdHold')}
                path="thresholds.hold"
                errors={errors}
                value={matrix.thresholds.hold}
                onChange={(v) => setMatrix({ ...matrix, thresholds: { ...matrix.thresholds, hold: v } })}
              />
            </div>
          </fieldset>
          <IndicatorTable
            indicators={matrix.indicators}
            errors={errors}
            onChange={(id, rule) => setMatrix({ ...matrix, indicators: { ...matrix.indicators, [id]: rule } })}
          />
          <MatrixParameters parameters={matrix.parameters} errors={errors} onChange={(parameters) => setMatrix({ ...matrix, parameters })} />
        </>
      ) : (
        <div className="lt-json">
          <textarea
            aria-label={t('leadViewJson')}
            data-testid="matrix-json"
            spellCheck={false}
            rows={24}
            value={jsonText}
            onChange={(e) => setJsonText(e.target.value)}
          />
          {jsonProblem && (
            <pre className="lt-error" data-testid="json-problem">
              {jsonProblem}
            </pre>
          )}
        </div>
      )}
      <SaveBar
        status={doc.status}
        onSave={() => {
          if (mode === 'form') return void doc.save();
          const candidate = parseJson();
          if (candidate) void doc.save(candidate);
        }}
        onLoadTheirs={() => {
          doc.loadTheirs();
          setMode('form');
        }}
        onKeepMine={doc.keepMine}
        renderTheirs={(theirs) => <p className="lt-muted">{t('leadVersionBy', [String(theirs.version), theirs.updatedBy ?? '—'])}</p>}
      >
        <button type="button" className="secondary" data-testid="backtest" onClick={() => void runBacktest()} disabled={backtest.kind === 'running'}>
          {backtest.kind === 'running' ? t('leadBacktestRunning') : t('leadBacktest')}
        </button>
      </SaveBar>
      {backtest.kind === 'failed' && (backtest.errors.length > 0 ? <ErrorList errors={backtest.errors} /> : <p className="lt-error">{backtest.message}</p>)}
      {backtest.kind === 'done' && <BacktestView report={backtest.report} />}
    </section>
  );
}
