import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n-context';

type Load<T> = { state: 'closed' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/**
 * A part of the dispute view that loads when opened (the processors' formats): a titled section, a toggle
 * that says whether it is open, a loading line, the error as an alert, and the part's body once loaded.
 */
export function LoadedPart<T>({
  testId,
  title,
  showLabel,
  load,
  children,
}: {
  testId: string;
  title: string;
  showLabel: string;
  load: () => Promise<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<Load<T>>({ state: 'closed' });
  const open = state.state !== 'closed';
  const toggle = async () => {
    if (open) {
      setState({ state: 'closed' });
      return;
    }
    setState({ state: 'loading' });
    try {
      setState({ state: 'ready', data: await load() });
    } catch (err) {
      setState({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="cs-note" data-testid={testId} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <button type="button" data-testid={`${testId}-toggle`} aria-expanded={open} aria-controls={`${id}-body`} onClick={() => void toggle()}>
        {open ? t('processorEvidenceHide') : showLabel}
      </button>
      <div id={`${id}-body`} hidden={!open}>
        {state.state === 'loading' && (
          <p className="cs-muted cs-small" role="status">
            {t('processorEvidenceLoading')}
          </p>
        )}
        {state.state === 'error' && (
          <p className="cs-error" role="alert" data-testid={`${testId}-error`}>
            {state.message}
          </p>
        )}
        {state.state === 'ready' && children(state.data)}
      </div>
    </section>
  );
}
