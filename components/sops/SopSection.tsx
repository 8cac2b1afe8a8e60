import { useId, useState } from 'react';
import type { Language } from '@/utils/schemas/common';
import type { MatchedSop, SopMatchResult, SopProposal } from '@/utils/schemas/sops';
import { MAX_SOP_BODY } from '@/utils/sops/limits';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import { SopMarkdown } from './SopMarkdown';

export type SopLoad = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; result: SopMatchResult } | { state: 'error'; message: string };

/** What a proposal came to: sent, kept in the outbox until the backend is reachable, or refused (the message). */
export type ProposeOutcome = { ok: true; queued: boolean } | { ok: false; message: string };

export interface SopSectionProps {
  load: SopLoad;
  open: boolean;
  onToggle: () => void;
  /** The agent opened an article (recorded for the reports). */
  onRead: (sop: MatchedSop) => void;
  onPropose?: (sop: MatchedSop, body: string, note: string) => Promise<ProposeOutcome>;
  formatDate: (iso: string) => string;
}

const LANGUAGE_NAME: Record<Language, MessageKey> = { en: 'sopLang_en', de: 'sopLang_de', fr: 'sopLang_fr', es: 'sopLang_es', it: 'sopLang_it' };

/**
 * The SOPs that fit the case, beside it: collapsed to one line until the agent opens it (the bodies are
 * fetched then, not with the panel's own read), each article with the date it was last reviewed and the
 * language it is shown in. Pure: data in, callbacks out.
 */
export function SopSection({ load, open, onToggle, onRead, onPropose, formatDate }: SopSectionProps) {
  const t = useT();
  const bodyId = useId();
  const result = load.state === 'ready' ? load.result : null;
  return (
    <section className="cs-section cs-sops" data-testid="sop-section" data-state={load.state} aria-labelledby={`${bodyId}-h`}>
      <h3 id={`${bodyId}-h`} className="cs-section-title">
        <button type="button" data-testid="sop-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          {t('sopSection')}
          {result ? ` (${result.sops.length})` : ''}
        </button>
      </h3>
      {open && (
        <div id={bodyId}>
          {load.state === 'loading' && <p className="cs-muted">{t('sopLoading')}</p>}
          {load.state === 'error' && (
            <p className="cs-error" data-testid="sop-error">
              {load.message}
            </p>
          )}
          {result && result.sops.length === 0 && <p className="cs-muted">{t('sopNone')}</p>}
          {result && result.sops.length > 0 && (
            <ul className="cs-sop-list">
              {result.sops.map((sop) => (
                <SopArticle
                  key={sop.id}
                  sop={sop}
                  proposals={result.myProposals.filter((p) => p.sopId === sop.id)}
                  onRead={onRead}
                  {...(onPropose ? { onPropose } : {})}
                  formatDate={formatDate}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function SopArticle({
  sop,
  proposals,
  onRead,
  onPropose,
  formatDate,
}: {
  sop: MatchedSop;
  proposals: SopProposal[];
  onRead: (sop: MatchedSop) => void;
  onPropose?: SopSectionProps['onPropose'];
  formatDate: (iso: string) => string;
}) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const [proposing, setProposing] = useState(false);
  const id = useId();
  const language = t(LANGUAGE_NAME[sop.language]);
  return (
    <li className="cs-sop" data-testid="sop-article" data-sop-id={sop.id} data-language={sop.language}>
      <button
        type="button"
        className="cs-sop-title"
        aria-expanded={expanded}
        aria-controls={id}
        data-testid="sop-open"
        onClick={() => {
          if (!expanded) onRead(sop);
          setExpanded(!expanded);
        }}
      >
        {sop.title}
      </button>
      <div className="cs-muted cs-small">
        <span data-testid="sop-reviewed">{t('sopReviewed', formatDate(sop.reviewedAt))}</span>
        {' · '}
        <span data-testid="sop-language">{sop.fallback ? t('sopFallback', language) : t('sopShownIn', language)}</span>
      </div>
      {expanded && (
        <div id={id}>
          <SopMarkdown source={sop.body} />
          {proposals.length > 0 && <ProposalOutcomes proposals={proposals} formatDate={formatDate} />}
          {onPropose &&
            (proposing ? (
              <ProposalForm sop={sop} onPropose={onPropose} onDone={() => setProposing(false)} />
            ) : (
              <button type="button" data-testid="sop-propose" onClick={() => setProposing(true)}>
                {t('sopPropose')}
              </button>
            ))}
        </div>
      )}
    </li>
  );
}

function ProposalOutcomes({ proposals, formatDate }: { proposals: SopProposal[]; formatDate: (iso: string) => string }) {
  const t = useT();
  return (
    <div className="cs-small" data-testid="sop-my-proposals">
      <strong>{t('sopMine')}</strong>
      <ul>
        {proposals.map((p) => (
          <li key={p.id} data-testid="sop-my-proposal" data-status={p.status}>
            {formatDate(p.createdAt)}:{' '}
            {p.status === 'accepted'
              ? t('sopStatus_accepted', String(p.acceptedVersion ?? ''))
              : p.status === 'rejected'
                ? t('sopStatus_rejected')
                : t('sopStatus_pending')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProposalForm({ sop, onPropose, onDone }: { sop: MatchedSop; onPropose: NonNullable<SopSectionProps['onPropose']>; onDone: () => void }) {
  const t = useT();
  const [body, setBody] = useState(sop.body);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const tooLong = body.length > MAX_SOP_BODY;
  const unchanged = body.trim() === sop.body.trim();

  const submit = async () => {
    setBusy(true);
    const outcome = await onPropose(sop, body, note);
    setBusy(false);
    // On a refusal the draft stays in the form, with the reason.
    if (!outcome.ok) return setMessage({ kind: 'error', text: outcome.message });
    setMessage({ kind: 'ok', text: outcome.queued ? t('sopProposalQueued') : t('sopProposalSent') });
  };

  if (message?.kind === 'ok')
    return (
      <p className="cs-note" role="status" data-testid="sop-proposal-done">
        {message.text}{' '}
        <button type="button" onClick={onDone}>
          {t('sopClose')}
        </button>
      </p>
    );

  return (
    <form
      className="cs-sop-propose"
      data-testid="sop-proposal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-b`}>{t('sopProposalBody', t(LANGUAGE_NAME[sop.language]))}</label>
      <textarea id={`${id}-b`} data-testid="sop-proposal-body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={tooLong} />
      {tooLong && (
        <p className="cs-error" role="alert">
          {t('sopTooLong', String(MAX_SOP_BODY))}
        </p>
      )}
      <label htmlFor={`${id}-n`}>{t('sopProposalNote')}</label>
      <input id={`${id}-n`} data-testid="sop-proposal-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      {message?.kind === 'error' && (
        <p className="cs-error" role="alert" data-testid="sop-proposal-error">
          {message.text}
        </p>
      )}
      <div className="cs-row">
        <button type="submit" data-testid="sop-proposal-send" disabled={busy || tooLong || unchanged || body.trim() === ''}>
          {t('sopSend')}
        </button>
        <button type="button" onClick={onDone}>
          {t('sopCancel')}
        </button>
      </div>
    </form>
  );
}
