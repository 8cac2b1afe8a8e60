import type { ReactNode } from 'react';
import { useT } from '../i18n-context';
import type { FieldError, SaveStatus } from './versioned-save';

export interface SaveBarProps<T> {
  status: SaveStatus<T>;
  onSave: () => void;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
  /** Shown beside the conflict message, e.g. the other lead's template next to the draft. */
  renderTheirs?: (theirs: T) => ReactNode;
  disabled?: boolean;
  /** Extra controls before the Save button (e.g. "apply to open cases"). */
  children?: ReactNode;
}

/** The Save button and what the last save came to: saved, named problems, a conflict, or a failure. */
export function SaveBar<T>({ status, onSave, onLoadTheirs, onKeepMine, renderTheirs, disabled, children }: SaveBarProps<T>) {
  const t = useT();
  return (
    <div className="lt-savebar">
      <div className="lt-row">
        {children}
        <button type="button" data-testid="save" onClick={() => onSave()} disabled={disabled || status.kind === 'saving'}>
          {status.kind === 'saving' ? t('leadSaving') : t('leadSave')}
        </button>
        <span data-testid="save-status" data-status={status.kind} role="status">
          {status.kind === 'saved' && t('leadSaved')}
          {status.kind === 'failed' && <span className="lt-error">{status.message}</span>}
        </span>
      </div>
      {status.kind === 'invalid' && <ErrorList errors={status.errors} />}
      {status.kind === 'conflict' && (
        <div className="lt-conflict" data-testid="save-conflict" role="alert">
          <p>{t('leadConflict')}</p>
          {renderTheirs?.(status.theirs)}
          <button type="button" data-testid="conflict-load-theirs" className="secondary" onClick={onLoadTheirs}>
            {t('leadConflictLoadTheirs')}
          </button>
          <button type="button" data-testid="conflict-keep-mine" className="secondary" onClick={onKeepMine}>
            {t('leadConflictKeepMine')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Every named problem, as text (messages may quote what the lead typed: never HTML). */
export function ErrorList({ errors }: { errors: FieldError[] }) {
  const t = useT();
  return (
    <div className="lt-errors" data-testid="save-errors" role="alert">
      <p>{t('leadInvalid')}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`} data-testid="save-error" data-path={e.path}>
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The problems for one field, shown right under it. */
export function FieldErrors({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <span className="lt-field-error" data-testid="field-error">
      {errors.map((e) => e.message).join(' · ')}
    </span>
  );
}
