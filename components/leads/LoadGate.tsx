import type { ReactNode } from 'react';
import { useT } from '../i18n-context';
import type { LoadState } from './api';

/** Loading text, or the error with a retry, or the loaded content. */
export function LoadGate<T>({ state, onRetry, children }: { state: LoadState<T>; onRetry: () => void; children: (value: T) => ReactNode }) {
  const t = useT();
  if (state.kind === 'loading') return <p className="lt-muted">{t('loading')}</p>;
  if (state.kind === 'error') {
    return (
      <p className="lt-error" role="alert" data-testid="load-error">
        {state.message}{' '}
        <button type="button" className="secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      </p>
    );
  }
  return <>{children(state.value)}</>;
}
