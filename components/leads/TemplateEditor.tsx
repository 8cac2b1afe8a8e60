import { useCallback, useState } from 'react';
import { Language, PageKind } from '@/utils/schemas/common';
import type { Template } from '@/utils/schemas/templates';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import type { ApiCall } from './api';
import { ListField, SelectField, TextField } from './fields';
import { FieldErrors, SaveBar } from './SaveBar';
import { TemplateHistory } from './TemplateHistory';
import { TemplateLintPreview } from './TemplateLintPreview';
import { docOf, parseTemplateConflict, toTemplateInput, type TemplateDoc, type TemplateForm } from './template-form';
import { errorsAt, saveOutcomeFrom, useVersionedDraft, type SaveOutcome } from './versioned-save';

const PAGE_KINDS = PageKind.options.filter((k) => k !== 'unknown');
const KIND_LABEL: Record<(typeof PAGE_KINDS)[number], MessageKey> = {
  order: 'kind_order',
  'order-list': 'kind_order_list',
  message: 'kind_message',
  claim: 'kind_claim',
  chargeback: 'kind_chargeback',
  return: 'kind_return',
  refund: 'kind_refund',
};

export interface TemplateEditorProps {
  initial: TemplateDoc;
  call: ApiCall;
  isLead: boolean;
  agentName: string;
  /** Tells the library a template was created, changed, archived or restored. */
  onStored: (template: Template) => void;
}

/** Title, body and where a template applies; lint and preview while typing; history; archive. */
export function TemplateEditor({ initial, call, isLead, agentName, onStored }: TemplateEditorProps) {
  const t = useT();
  const save = useCallback(
    async (draft: TemplateDoc, expectedVersion: number): Promise<SaveOutcome<TemplateDoc>> => {
      const checked = toTemplateInput(draft.form);
      if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
      const res = draft.template
        ? await call('templates.update', { params: { id: draft.template.id }, body: { ...checked.input, expectedVersion } })
        : await call('templates.create', { body: checked.input });
      if (!res.ok) return saveOutcomeFrom(res, parseTemplateConflict);
      onStored(res.data.template);
      return { kind: 'saved', value: docOf(res.data.template) };
    },
    [call, onStored],
  );
  const validate = useCallback((d: TemplateDoc) => {
    const checked = toTemplateInput(d.form);
    return checked.ok ? [] : checked.errors;
  }, []);
  const doc = useVersionedDraft({ initial, save, validate });
  const [showHistory, setShowHistory] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const form = doc.draft.form;
  const errors = doc.status.kind === 'invalid' ? doc.status.errors : [];
  const set = (patch: Partial<TemplateForm>) => doc.setDraft((d) => ({ ...d, form: { ...d.form, ...patch } }));
  const stored = doc.base.template;

  const toggleArchive = async () => {
    if (!stored) return;
    setArchiveError(null);
    const res = await call(stored.archived ? 'templates.unarchive' : 'templates.archive', { params: { id: stored.id } });
    if (!res.ok) return setArchiveError(res.error.message);
    // Archiving is not an edit: what the lead is typing stays.
    doc.rebase({ ...doc.base, template: res.data, version: res.data.version });
    onStored(res.data);
  };

  return (
    <section className="lt-editor" data-testid="template-editor" data-template-id={stored?.id ?? ''}>
      <h3>{stored ? t('leadEditTemplate') : t('leadNewTemplate')}</h3>
      {stored?.archived && <p className="lt-banner">{t('leadArchivedNote')}</p>}
      <div className="lt-editor-cols">
        <div>
          <TextField label={t('leadTitle')} path="title" errors={errors} value={form.title} onChange={(title) => set({ title })} />
          <span className="lt-field" data-path="body">
            <label htmlFor="lt-template-body">{t('leadBody')}</label>
            <textarea
              id="lt-template-body"
              data-testid="field-body"
              rows={10}
              value={form.body}
              aria-invalid={errorsAt(errors, 'body').length > 0}
              onChange={(e) => set({ body: e.target.value })}
            />
            <FieldErrors errors={errorsAt(errors, 'body')} />
          </span>
          <div className="lt-grid">
            <SelectField
              label={t('leadLanguage')}
              path="language"
              errors={errors}
              value={form.language}
              options={Language.options.map((l) => ({ value: l, label: l.toUpperCase() }))}
              onChange={(language) => set({ language })}
            />
            <SelectField
              label={t('leadTemplateScope')}
              path="scope"
              errors={errors}
              value={form.scope}
              options={[
                { value: 'personal' as const, label: t('leadScopePersonal') },
                ...(isLead ? [{ value: 'team' as const, label: t('leadScopeTeam') }] : []),
              ]}
              onChange={(scope) => set({ scope })}
            />
            <TextField label={t('leadShortcut')} path="shortcut" errors={errors} value={form.shortcut} onChange={(shortcut) => set({ shortcut })} />
          </div>
          <ListField
            label={t('leadMarketplaces')}
            path="marketplaces"
            errors={errors}
            value={form.marketplaces}
            onChange={(marketplaces) => set({ marketplaces })}
          />
          <fieldset className="lt-fieldset">
            <legend>{t('leadPageKinds')}</legend>
            {PAGE_KINDS.map((kind) => (
              <label key={kind} className="lt-check">
                <input
                  type="checkbox"
                  checked={form.pageKinds.includes(kind)}
                  onChange={(e) => set({ pageKinds: e.target.checked ? [...form.pageKinds, kind] : form.pageKinds.filter((k) => k !== kind) })}
                />{' '}
                {t(KIND_LABEL[kind])}
              </label>
            ))}
            <FieldErrors errors={errorsAt(errors, 'pageKinds')} />
          </fieldset>
        </div>
        <TemplateLintPreview form={form} agentName={agentName} />
      </div>
      <SaveBar
        status={doc.status}
        onSave={() => void doc.save()}
        onLoadTheirs={doc.loadTheirs}
        onKeepMine={doc.keepMine}
        renderTheirs={(theirs) => <SideBySide mine={form} theirs={theirs.form} theirVersion={theirs.version} />}
      >
        {stored && (
          <>
            <button type="button" className="secondary" data-testid="template-archive" onClick={() => void toggleArchive()}>
              {stored.archived ? t('leadUnarchive') : t('leadArchive')}
            </button>
            <button type="button" className="secondary" data-testid="template-history-toggle" onClick={() => setShowHistory((v) => !v)}>
              {t('leadHistory')}
            </button>
          </>
        )}
      </SaveBar>
      {archiveError && <p className="lt-error">{archiveError}</p>}
      {showHistory && stored && <TemplateHistory templateId={stored.id} call={call} />}
    </section>
  );
}

/** The lead's draft next to the copy another lead saved first, so nothing has to be retyped. */
function SideBySide({ mine, theirs, theirVersion }: { mine: TemplateForm; theirs: TemplateForm; theirVersion: number }) {
  const t = useT();
  return (
    <div className="lt-side-by-side" data-testid="conflict-compare">
      <div data-testid="conflict-mine">
        <h4>{t('leadConflictMine')}</h4>
        <strong>{mine.title}</strong>
        <pre className="lt-preview-text">{mine.body}</pre>
      </div>
      <div data-testid="conflict-theirs">
        <h4>{t('leadConflictTheirs', String(theirVersion))}</h4>
        <strong>{theirs.title}</strong>
        <pre className="lt-preview-text">{theirs.body}</pre>
      </div>
    </div>
  );
}
