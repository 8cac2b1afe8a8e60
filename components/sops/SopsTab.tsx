import { useCallback, useState } from 'react';
import { LoadGate } from '@/components/leads/LoadGate';
import { useLoad, type ApiCall } from '@/components/leads/api';
import type { Language } from '@/utils/schemas/common';
import type { Sop } from '@/utils/schemas/sops';
import { useT } from '../i18n-context';
import { draftOf, newDraft, SopEditor, type SopDraft } from './SopEditor';
import { SopProposals } from './SopProposals';

/** The lead tools' SOP tab: the library, the editor, and agents' proposals waiting for a decision. */
export function SopsTab({ call, defaultLanguage }: { call: ApiCall; defaultLanguage: Language }) {
  const t = useT();
  const [includeArchived, setIncludeArchived] = useState(false);
  // Keyed by what is open, so picking another SOP starts a fresh draft.
  const [open, setOpen] = useState<{ key: string; draft: SopDraft } | null>(null);
  const load = useCallback(() => call('sops.list', { query: includeArchived ? { includeArchived: 'true' } : {} }), [call, includeArchived]);
  const { state, reload } = useLoad(load);
  const onStored = useCallback(() => reload(), [reload]);
  const onDecided = useCallback(
    (sop: Sop) => {
      reload();
      // The open editor would save against an older version: show the accepted one instead.
      setOpen((o) => (o?.draft.id === sop.id ? { key: `${sop.id}-${sop.version}`, draft: draftOf(sop) } : o));
    },
    [reload],
  );

  return (
    <section data-testid="sops" aria-labelledby="lt-sops-title">
      <h2 id="lt-sops-title">{t('leadTabSops')}</h2>
      <div className="lt-library-cols">
        <div className="lt-library">
          <div className="lt-row lt-wrap">
            <label className="lt-check">
              <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> {t('leadShowArchived')}
            </label>
            <button type="button" data-testid="sop-new" onClick={() => setOpen({ key: `new-${Date.now()}`, draft: newDraft(defaultLanguage) })}>
              {t('sopEditorNew')}
            </button>
          </div>
          <LoadGate state={state} onRetry={reload}>
            {({ sops }) => (
              <ul className="lt-list">
                {sops.map((sop) => (
                  <li key={sop.id}>
                    <button
                      type="button"
                      className={`lt-link ${open?.draft.id === sop.id ? 'lt-selected' : ''}`}
                      data-testid="sop-item"
                      data-sop-id={sop.id}
                      onClick={() => setOpen({ key: `${sop.id}-${sop.version}`, draft: draftOf(sop) })}
                    >
                      {sop.title}{' '}
                      <span className="lt-muted lt-small">
                        {Object.keys(sop.bodies).join(' ').toUpperCase()} · v{sop.version}
                        {sop.archived ? ` · ${t('leadArchived')}` : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </LoadGate>
          <SopProposals call={call} onDecided={onDecided} />
        </div>
        {open && <SopEditor key={open.key} initial={open.draft} call={call} onStored={onStored} />}
      </div>
    </section>
  );
}
