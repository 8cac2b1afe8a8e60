import { useState } from 'react';
import type { OutboxProblem } from '@/utils/messaging';
import type { MessageKey } from '@/utils/i18n';
import { useT } from './i18n-context';

/**
 * Writes the backend refused (or kept failing on), shown where the sync state is: what the change was, the
 * backend's reason, and what the agent can do. A note's words stay editable and can be sent again; a flag
 * or status change can be retried; anything can be discarded, after a second confirming click.
 * Everything here renders as text nodes: a note may hold whatever a buyer or agent pasted.
 */
export interface OutboxProblemsProps {
  problems: OutboxProblem[];
  /** `text` is the edited note; absent for a plain retry. Resolves to an error message or null. */
  onResend: (key: string, text?: string) => Promise<string | null>;
  onDiscard: (key: string) => Promise<string | null>;
  formatTime: (iso: string) => string;
}

const KIND_LABEL: Record<OutboxProblem['kind'], MessageKey> = {
  note: 'outboxKind_note',
  decision: 'outboxKind_decision',
  template: 'outboxKind_template',
  status: 'outboxKind_status',
  sla: 'outboxKind_sla',
  handoff: 'outboxKind_handoff',
  sop: 'outboxKind_sop',
};

// Characters a database cannot store and no agent means to send: NUL and other C0 controls (not tab or
// newline) and UTF-16 halves without their partner. They are invisible, so the agent could never find them.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function OutboxProblems({ problems, onResend, onDiscard, formatTime }: OutboxProblemsProps) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <section className="cs-banner cs-warn" data-testid="outbox-problems" aria-label={t('outboxTitle')}>
      <strong>{t('outboxTitle')}</strong>
      <ul className="cs-outbox-problems">
        {problems.map((p) => (
          <ProblemItem key={p.key} problem={p} onResend={onResend} onDiscard={onDiscard} formatTime={formatTime} />
        ))}
      </ul>
    </section>
  );
}

function ProblemItem({ problem, onResend, onDiscard, formatTime }: { problem: OutboxProblem } & Omit<OutboxProblemsProps, 'problems'>) {
  const t = useT();
  const original = problem.noteText;
  const cleaned = original === undefined ? undefined : withoutInvisibleCharacters(original);
  const [draft, setDraft] = useState(cleaned ?? '');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { failure } = problem;
  const reason = (failure.status ?? 0) >= 500 ? t('outboxServerFailed', failure.message) : t('outboxRefused', failure.message);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const problemText = await action();
    setBusy(false);
    if (problemText) setError(t('outboxActionFailed', problemText));
  };
  const resend = () => {
    if (original === undefined) return run(() => onResend(problem.key));
    const text = draft.trim();
    if (!text) return setError(t('outboxEmptyNote'));
    return run(() => onResend(problem.key, text === original ? undefined : text));
  };

  return (
    <li data-testid="outbox-problem" data-key={problem.key} data-kind={problem.kind}>
      <div>
        <strong>{t(KIND_LABEL[problem.kind])}</strong>
        <span className="cs-muted">
          {' '}
          · {problem.orderId} · {formatTime(problem.createdAt)}
        </span>
      </div>
      {original === undefined && (
        <div className="cs-event-text" data-testid="outbox-problem-summary">
          {problem.text}
        </div>
      )}
      <div className="cs-error cs-small" data-testid="outbox-problem-reason">
        {reason}
        {failure.field ? ` (${t('outboxField', failure.field)})` : ''}
      </div>
      {original !== undefined && (
        <div className="cs-note-form">
          <textarea
            data-testid="outbox-problem-text"
            value={draft}
            aria-label={t('outboxEditLabel')}
            maxLength={5000}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
          {cleaned !== original && <p className="cs-muted cs-small">{t('outboxCleaned')}</p>}
        </div>
      )}
      {error && (
        <p className="cs-error" data-testid="outbox-problem-error">
          {error}
        </p>
      )}
      <div className="cs-buttons">
        <button type="button" data-testid="outbox-resend" disabled={busy} onClick={() => void resend()}>
          {original === undefined ? t('outboxRetry') : t('outboxResend')}
        </button>
        {confirming ? (
          <>
            <button type="button" data-testid="outbox-discard-confirm" disabled={busy} onClick={() => void run(() => onDiscard(problem.key))}>
              {t('outboxDiscardConfirm')}
            </button>
            <button type="button" data-testid="outbox-discard-cancel" onClick={() => setConfirming(false)}>
              {t('outboxKeep')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="outbox-discard" disabled={busy} onClick={() => setConfirming(true)}>
            {t('outboxDiscard')}
          </button>
        )}
      </div>
    </li>
  );
}
