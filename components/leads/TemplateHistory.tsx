import { useCallback } from 'react';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { LoadGate } from './LoadGate';

/** Every saved version of a template, newest first, as plain text. */
export function TemplateHistory({ templateId, call }: { templateId: string; call: ApiCall }) {
  const t = useT();
  const load = useCallback(() => call('templates.versions', { params: { id: templateId } }), [call, templateId]);
  const { state, reload } = useLoad(load);
  return (
    <section className="lt-history" data-testid="template-history">
      <h4>{t('leadHistory')}</h4>
      <LoadGate state={state} onRetry={reload}>
        {({ versions }) => (
          <ol>
            {versions.map((v) => (
              <li key={v.version} data-testid="template-version" data-version={v.version}>
                <details>
                  <summary>
                    {t('leadVersionBy', [String(v.version), v.updatedBy ?? '—'])} · {new Date(v.updatedAt).toLocaleString()} · {v.title}
                  </summary>
                  <pre className="lt-preview-text">{v.body}</pre>
                </details>
              </li>
            ))}
          </ol>
        )}
      </LoadGate>
    </section>
  );
}
