import { useCallback } from 'react';
import { LoadGate } from '@/components/leads/LoadGate';
import { useLoad, type ApiCall } from '@/components/leads/api';
import type { Language } from '@/utils/schemas/common';
import type { SopVersionList } from '@/utils/schemas/sops';
import { useT } from '../i18n-context';
import { SopMarkdown } from './SopMarkdown';

type SopVersion = SopVersionList['versions'][number];

/**
 * An SOP's saved versions, newest first: who saved each and when, its title and bodies rendered as the panel
 * renders them (text and lists, never HTML). A version can be copied into the editor; saving it then makes
 * a new version, so nothing earlier is overwritten.
 */
export function SopHistory({ sopId, call, onRestore }: { sopId: string; call: ApiCall; onRestore: (v: SopVersion) => void }) {
  const t = useT();
  // The editor keys this by the version it holds, so a save reads the list again.
  const load = useCallback(() => call('sops.versions', { params: { id: sopId } }), [call, sopId]);
  const { state, reload } = useLoad(load);
  return (
    <section className="lt-history" data-testid="sop-history" aria-labelledby={`sop-history-${sopId}`}>
      <h3 id={`sop-history-${sopId}`}>{t('sopHistory')}</h3>
      <LoadGate state={state} onRetry={reload}>
        {({ versions }) =>
          versions.length === 0 ? (
            <p className="lt-muted">{t('sopHistoryNone')}</p>
          ) : (
            <ol>
              {versions.map((v) => (
                <li key={v.version} data-testid="sop-version" data-version={v.version}>
                  <details>
                    <summary>
                      {t('leadVersionBy', [String(v.version), v.updatedBy ?? '—'])} · {new Date(v.updatedAt).toLocaleString()} · {v.title}
                    </summary>
                    {(Object.entries(v.bodies) as [Language, string][]).map(([language, body]) => (
                      <div key={language} lang={language} className="lt-preview">
                        <p className="lt-muted lt-small">{language.toUpperCase()}</p>
                        <SopMarkdown source={body} headingLevel={4} />
                      </div>
                    ))}
                    <button type="button" className="secondary" data-testid="sop-version-restore" onClick={() => onRestore(v)}>
                      {t('sopHistoryRestore', String(v.version))}
                    </button>
                  </details>
                </li>
              ))}
            </ol>
          )
        }
      </LoadGate>
    </section>
  );
}
