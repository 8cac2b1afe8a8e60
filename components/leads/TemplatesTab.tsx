import { useCallback, useMemo, useState } from 'react';
import type { Language } from '@/utils/schemas/common';
import type { Template } from '@/utils/schemas/templates';
import { useT } from '../i18n-context';
import { useLoad, type ApiCall } from './api';
import { LoadGate } from './LoadGate';
import { TemplateEditor } from './TemplateEditor';
import { docOf, newTemplateDoc, type TemplateDoc } from './template-form';

export interface TemplatesTabProps {
  call: ApiCall;
  isLead: boolean;
  agentName: string;
  defaultLanguage: Language;
}

/**
 * The template library (team and personal, searchable, archived on request) beside the editor. Agents
 * see and edit only their personal templates; team templates are the leads'.
 */
export function TemplatesTab({ call, isLead, agentName, defaultLanguage }: TemplatesTabProps) {
  const t = useT();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [search, setSearch] = useState('');
  // The editor is keyed by what is open, so picking another template starts a fresh draft.
  const [open, setOpen] = useState<{ key: string; id: string | null; doc: TemplateDoc } | null>(null);
  const load = useCallback(() => call('templates.list', { query: includeArchived ? { includeArchived: 'true' } : {} }), [call, includeArchived]);
  const { state, reload } = useLoad(load);
  const onStored = useCallback(
    (template: Template) => {
      // A new template got its id: mark it in the list; the editor (same key) already holds the saved copy.
      setOpen((o) => (o && o.id === null ? { ...o, id: template.id } : o));
      reload();
    },
    [reload],
  );
  const query = search.trim().toLowerCase();
  const visible = useMemo(() => {
    if (state.kind !== 'ready') return [];
    return state.value.templates
      .filter((tpl) => isLead || tpl.scope === 'personal')
      .filter((tpl) => query === '' || `${tpl.title}\n${tpl.body}\n${tpl.shortcut ?? ''}`.toLowerCase().includes(query));
  }, [state, isLead, query]);

  return (
    <section data-testid="templates" aria-labelledby="lt-templates-title">
      <h2 id="lt-templates-title">{t('leadTabTemplates')}</h2>
      {!isLead && (
        <p className="lt-banner" data-testid="agent-note">
          {t('leadAgentNote')}
        </p>
      )}
      <div className="lt-library-cols">
        <div className="lt-library">
          <div className="lt-row lt-wrap">
            <input
              type="search"
              aria-label={t('templateSearch')}
              placeholder={t('templateSearch')}
              data-testid="library-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <label className="lt-check">
              <input type="checkbox" data-testid="library-archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />{' '}
              {t('leadShowArchived')}
            </label>
            <button
              type="button"
              data-testid="template-new"
              onClick={() => setOpen({ key: `new-${Date.now()}`, id: null, doc: newTemplateDoc(isLead ? 'team' : 'personal', defaultLanguage) })}
            >
              {t('leadNewTemplate')}
            </button>
          </div>
          <LoadGate state={state} onRetry={reload}>
            {() =>
              visible.length === 0 ? (
                <p className="lt-muted">{t('templateNone')}</p>
              ) : (
                (['team', 'personal'] as const).map((scope) => {
                  const group = visible.filter((tpl) => tpl.scope === scope);
                  if (group.length === 0) return null;
                  return (
                    <div key={scope}>
                      <h4>{scope === 'team' ? t('leadScopeTeam') : t('leadScopePersonal')}</h4>
                      <ul className="lt-list">
                        {group.map((tpl) => (
                          <li key={tpl.id}>
                            <button
                              type="button"
                              className={`lt-link ${open?.id === tpl.id ? 'lt-selected' : ''}`}
                              data-testid="library-item"
                              data-template-id={tpl.id}
                              data-archived={tpl.archived}
                              onClick={() => setOpen({ key: tpl.id, id: tpl.id, doc: docOf(tpl) })}
                            >
                              {tpl.title}{' '}
                              <span className="lt-muted lt-small">
                                {tpl.language.toUpperCase()} · v{tpl.version}
                                {tpl.archived ? ` · ${t('leadArchived')}` : ''}
                              </span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })
              )
            }
          </LoadGate>
        </div>
        {open ? (
          <TemplateEditor key={open.key} initial={open.doc} call={call} isLead={isLead} agentName={agentName} onStored={onStored} />
        ) : (
          <p className="lt-muted">{t('leadPickTemplate')}</p>
        )}
      </div>
    </section>
  );
}
