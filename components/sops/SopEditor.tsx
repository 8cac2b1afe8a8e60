import { useState } from 'react';
import type { ApiCall } from '@/components/leads/api';
import { CaseKind } from '@/utils/schemas/api';
import { Language, PageKind, PortalId } from '@/utils/schemas/common';
import { FraudIndicatorId } from '@/utils/schemas/fraud';
import { MAX_SOP_BODY, Sop, type SopTags, type SopWarning } from '@/utils/schemas/sops';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import { SopHistory } from './SopHistory';
import { SopMarkdown } from './SopMarkdown';

/** What the editor holds: an SOP being written (no id yet) or a saved one at its version. */
export interface SopDraft {
  id: string | null;
  version: number;
  title: string;
  defaultLanguage: Language;
  bodies: Partial<Record<Language, string>>;
  tags: SopTags;
  archived: boolean;
}

export const EMPTY_TAGS: SopTags = { portals: [], pageKinds: [], caseKinds: [], disputeReasons: [], fraudIndicators: [] };
export const draftOf = (sop: Sop): SopDraft => ({ ...sop, bodies: { ...sop.bodies } });
export const newDraft = (language: Language): SopDraft => ({
  id: null,
  version: 1,
  title: '',
  defaultLanguage: language,
  bodies: {},
  tags: EMPTY_TAGS,
  archived: false,
});

const LANGUAGE_NAME: Record<Language, MessageKey> = { en: 'sopLang_en', de: 'sopLang_de', fr: 'sopLang_fr', es: 'sopLang_es', it: 'sopLang_it' };

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number; warnings: SopWarning[] }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; theirs: Sop };

/**
 * The lead's SOP editor: title, tags, a body per language with a live preview rendered exactly as the
 * panel renders it. Saves against the version it started from; on a 409 the draft stays and the other
 * lead's copy can be loaded on purpose. Nothing typed is dropped by a failed save.
 */
export function SopEditor({ initial, call, onStored }: { initial: SopDraft; call: ApiCall; onStored: (sop: Sop) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [language, setLanguage] = useState<Language>(initial.defaultLanguage);
  const [reasons, setReasons] = useState(initial.tags.disputeReasons.join(', '));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const body = draft.bodies[language] ?? '';
  const tooLong = body.length > MAX_SOP_BODY;

  const setTags = (change: Partial<SopTags>) => setDraft((d) => ({ ...d, tags: { ...d.tags, ...change } }));
  const toggle = <K extends keyof SopTags>(key: K, value: SopTags[K][number]) =>
    setTags({ [key]: (draft.tags[key] as string[]).includes(value) ? (draft.tags[key] as string[]).filter((v) => v !== value) : [...draft.tags[key], value] });

  const save = async () => {
    setStatus({ kind: 'saving' });
    const bodies = Object.fromEntries(Object.entries(draft.bodies).filter(([, v]) => v && v.trim() !== ''));
    const payload = {
      title: draft.title,
      defaultLanguage: draft.defaultLanguage,
      bodies,
      tags: {
        ...draft.tags,
        disputeReasons: reasons
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      },
    };
    const res = draft.id
      ? await call('sops.update', { params: { id: draft.id }, body: { ...payload, archived: draft.archived, expectedVersion: draft.version } })
      : await call('sops.create', { body: payload });
    if (res.ok) {
      setDraft(draftOf(res.data.sop));
      setStatus({ kind: 'saved', version: res.data.sop.version, warnings: res.data.warnings });
      onStored(res.data.sop);
      return;
    }
    const theirs = Sop.safeParse((res.error.details as { current?: unknown } | undefined)?.current);
    setStatus(
      res.error.code === 'version_conflict' && theirs.success ? { kind: 'conflict', theirs: theirs.data } : { kind: 'error', message: res.error.message },
    );
  };

  const review = async () => {
    if (!draft.id) return;
    const res = await call('sops.review', { params: { id: draft.id }, body: { expectedVersion: draft.version } });
    if (res.ok) onStored(res.data);
    else setStatus({ kind: 'error', message: res.error.message });
  };

  return (
    <form
      className="lt-editor"
      data-testid="sop-editor"
      aria-label={draft.title || t('sopEditorNew')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('sopEditorTitle')}
        <input data-testid="sop-title" value={draft.title} maxLength={200} required onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
      </label>
      <label>
        {t('leadDefaultLanguage')}
        <select
          data-testid="sop-default-language"
          value={draft.defaultLanguage}
          onChange={(e) => setDraft({ ...draft, defaultLanguage: e.target.value as Language })}
        >
          {Language.options.map((l) => (
            <option key={l} value={l}>
              {t(LANGUAGE_NAME[l])}
            </option>
          ))}
        </select>
      </label>
      <div className="lt-row" role="group" aria-label={t('leadLanguage')}>
        {Language.options.map((l) => (
          <button key={l} type="button" data-testid={`sop-lang-${l}`} aria-pressed={language === l} onClick={() => setLanguage(l)}>
            {t(LANGUAGE_NAME[l])}
            {draft.bodies[l] ? ' ✓' : ''}
          </button>
        ))}
      </div>
      <label>
        {t('sopEditorBody', t(LANGUAGE_NAME[language]))}
        <textarea
          data-testid="sop-body"
          rows={12}
          value={body}
          aria-invalid={tooLong}
          onChange={(e) => setDraft({ ...draft, bodies: { ...draft.bodies, [language]: e.target.value } })}
        />
      </label>
      {tooLong && (
        <p className="lt-error" role="alert">
          {t('sopTooLong', String(MAX_SOP_BODY))}
        </p>
      )}
      <fieldset>
        <legend>{t('sopEditorTags')}</legend>
        <TagChoices label={t('sopTagPortals')} options={PortalId.options} chosen={draft.tags.portals} onToggle={(v) => toggle('portals', v)} />
        <TagChoices
          label={t('sopTagPageKinds')}
          options={PageKind.options.filter((k) => k !== 'unknown')}
          chosen={draft.tags.pageKinds}
          onToggle={(v) => toggle('pageKinds', v)}
        />
        <TagChoices label={t('sopTagCaseKinds')} options={CaseKind.options} chosen={draft.tags.caseKinds} onToggle={(v) => toggle('caseKinds', v)} />
        <TagChoices
          label={t('sopTagIndicators')}
          options={FraudIndicatorId.options}
          chosen={draft.tags.fraudIndicators}
          onToggle={(v) => toggle('fraudIndicators', v)}
        />
        <label>
          {t('sopTagReasons')}
          <input data-testid="sop-reasons" value={reasons} onChange={(e) => setReasons(e.target.value)} />
        </label>
      </fieldset>
      {draft.id && (
        <label className="lt-check">
          <input type="checkbox" checked={draft.archived} onChange={(e) => setDraft({ ...draft, archived: e.target.checked })} /> {t('sopEditorArchived')}
        </label>
      )}
      <div className="lt-row">
        <button type="submit" data-testid="sop-save" disabled={status.kind === 'saving' || tooLong}>
          {t('sopEditorSave')}
        </button>
        {draft.id && (
          <button type="button" className="secondary" data-testid="sop-review" onClick={() => void review()}>
            {t('sopEditorReview')}
          </button>
        )}
      </div>
      <SaveStatus
        status={status}
        onLoadTheirs={(theirs) => {
          setDraft(draftOf(theirs));
          setStatus({ kind: 'idle' });
        }}
        onKeepMine={(theirs) => {
          // The next save goes against the version the lead has now been told about.
          setDraft((d) => ({ ...d, version: theirs.version }));
          setStatus({ kind: 'idle' });
        }}
      />
      <h3>{t('sopEditorPreview')}</h3>
      <div className="lt-preview" data-testid="sop-preview">
        <SopMarkdown source={body} headingLevel={4} />
      </div>
      {draft.id && (
        <SopHistory
          key={`${draft.id}-${draft.version}`}
          sopId={draft.id}
          call={call}
          // The earlier text into the draft; the version it saves against stays the current one.
          onRestore={(v) => setDraft((d) => ({ ...d, title: v.title, bodies: { ...v.bodies } }))}
        />
      )}
    </form>
  );
}

function TagChoices<V extends string>({
  label,
  options,
  chosen,
  onToggle,
}: {
  label: string;
  options: readonly V[];
  chosen: readonly V[];
  onToggle: (v: V) => void;
}) {
  return (
    <div role="group" aria-label={label} className="lt-tags">
      <span className="lt-muted">{label}: </span>
      {options.map((o) => (
        <label key={o} className="lt-check">
          <input type="checkbox" data-testid={`sop-tag-${o}`} checked={chosen.includes(o)} onChange={() => onToggle(o)} /> {o}
        </label>
      ))}
    </div>
  );
}

function SaveStatus({ status, onLoadTheirs, onKeepMine }: { status: Status; onLoadTheirs: (theirs: Sop) => void; onKeepMine: (theirs: Sop) => void }) {
  const t = useT();
  if (status.kind === 'saved')
    return (
      <div role="status" data-testid="sop-saved">
        <p>{t('sopEditorSaved', String(status.version))}</p>
        {status.warnings.map((w) => (
          <p key={`${w.language}-${w.rule}`} className="lt-warn" data-testid="sop-warning" data-rule={w.rule}>
            {t(w.rule === 'html' ? 'sopWarn_html' : 'sopWarn_unsafe_link', t(LANGUAGE_NAME[w.language]))}
          </p>
        ))}
      </div>
    );
  if (status.kind === 'error')
    return (
      <p className="lt-error" role="alert" data-testid="sop-save-error">
        {status.message}
      </p>
    );
  if (status.kind === 'conflict')
    return (
      <p className="lt-error" role="alert" data-testid="sop-conflict">
        {t('leadConflict')}{' '}
        <button type="button" className="secondary" onClick={() => onLoadTheirs(status.theirs)}>
          {t('leadConflictLoadTheirs')}
        </button>{' '}
        <button type="button" className="secondary" data-testid="sop-keep-mine" onClick={() => onKeepMine(status.theirs)}>
          {t('leadConflictKeepMine')}
        </button>
      </p>
    );
  return null;
}
