import { useState, type FormEvent } from 'react';
import type { CaseEvent, CaseRecord } from '@/utils/schemas/api';
import type { PanelResult } from '@/utils/messaging';
import { useT } from './i18n-context';

export interface CaseHistoryProps {
  caseRecord: CaseRecord | null;
  events: CaseEvent[];
  pending: PanelResult['pendingForOrder'];
  buyerCases: CaseRecord[];
  canWrite: boolean;
  onAddNote: (text: string) => Promise<boolean>;
  /** Moves the case: resolved when done, open again when it comes back. */
  onSetStatus?: (status: 'open' | 'resolved') => void;
  formatTime: (iso: string) => string;
}

/** The order's shared timeline, newest first, with writes still waiting to sync shown on top. */
export function CaseHistory({ caseRecord, events, pending, buyerCases, canWrite, onAddNote, onSetStatus, formatTime }: CaseHistoryProps) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) {
      setError(t('noteEmpty'));
      return;
    }
    setSaving(true);
    const ok = await onAddNote(draft.trim());
    setSaving(false);
    // Keep the draft when saving failed: nothing the agent typed is lost.
    if (ok) {
      setDraft('');
      setError(null);
    }
  };

  return (
    <section className="cs-section" aria-labelledby="cs-history-title">
      <h3 id="cs-history-title">{t('history')}</h3>
      {caseRecord && (
        <p className="cs-muted" data-testid="case-status" data-status={caseRecord.status}>
          {t('caseStatus', caseRecord.status)}{' '}
          {canWrite && onSetStatus && (
            <button
              type="button"
              data-testid={caseRecord.status === 'resolved' || caseRecord.status === 'closed' ? 'case-reopen' : 'case-resolve'}
              onClick={() => onSetStatus(caseRecord.status === 'resolved' || caseRecord.status === 'closed' ? 'open' : 'resolved')}
            >
              {caseRecord.status === 'resolved' || caseRecord.status === 'closed' ? t('caseReopen') : t('caseResolve')}
            </button>
          )}
        </p>
      )}
      <ol data-testid="case-history" className="cs-timeline">
        {pending.map((p) => (
          <li key={p.key} data-testid="history-item" data-pending="true" data-event-type={p.kind} className="cs-pending">
            <span className="cs-event-text">{p.text}</span>
            <span className="cs-muted">
              {formatTime(p.createdAt)} · {t('pendingSync')}
            </span>
          </li>
        ))}
        {events.map((ev) => (
          <li key={ev.id} data-testid="history-item" data-event-type={ev.type} data-decision={ev.decision ?? ''}>
            <span className="cs-event-text">{ev.text}</span>
            <span className="cs-muted">
              {formatTime(ev.createdAt)}
              {ev.agentName ? ` · ${ev.agentName}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {events.length === 0 && pending.length === 0 && <p className="cs-muted">{t('historyEmpty')}</p>}
      {canWrite && (
        <form onSubmit={submit} className="cs-note-form">
          <textarea
            data-testid="note-input"
            value={draft}
            placeholder={t('notePlaceholder')}
            aria-label={t('notePlaceholder')}
            maxLength={5000}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Keep the portal's own shortcuts from seeing the agent's typing.
              e.stopPropagation();
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
          {error && <p className="cs-error">{error}</p>}
          <button type="submit" data-testid="note-save" disabled={saving}>
            {t('noteSave')}
          </button>
        </form>
      )}
      {buyerCases.length > 0 && (
        <>
          <h4>{t('buyerCases')}</h4>
          <ul data-testid="buyer-cases" className="cs-buyer-cases">
            {buyerCases.map((c) => (
              <li key={c.id} data-testid="buyer-case">
                {c.kind} · {c.ref} {c.marketplace ? `· ${c.marketplace}` : ''} · {c.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
