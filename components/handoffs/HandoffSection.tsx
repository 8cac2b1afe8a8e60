import { useId, useState, type FormEvent } from 'react';
import type { FraudScore } from '@/utils/schemas/fraud';
import type { EscalationInput, Handoff, HandoffTeam } from '@/utils/schemas/handoffs';
import { useT } from '../i18n-context';

export interface NewHandoff {
  handoffTeamId: string;
  teamName: string;
  question: string;
  dueAt: string;
  escalation?: EscalationInput;
}

export interface HandoffSectionProps {
  teams: HandoffTeam[];
  handoffs: Handoff[];
  canWrite: boolean;
  /** The marketplace's own deadline for the case (it never pauses), shown beside each due time. */
  marketplaceDeadline: string | null;
  fraud: FraudScore | null;
  /** The agent who is signed in: answers to their own hand-offs are announced. */
  agentId: string | null;
  /** Set when an answer to one of this agent's hand-offs just arrived. */
  notice: string | null;
  onCreate: (handoff: NewHandoff) => Promise<boolean>;
  formatTime: (iso: string) => string;
  now: () => number;
}

const DEFAULT_DUE_HOURS = 4;

/** `datetime-local` text for an instant, in the browser's zone. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Hand the case to an internal team, and the order's hand-offs with their answers. Pure: data comes through props. */
export function HandoffSection(props: HandoffSectionProps) {
  const t = useT();
  const ids = useId();
  const { teams, handoffs } = props;
  const [teamId, setTeamId] = useState('');
  const [question, setQuestion] = useState('');
  const [due, setDue] = useState(() => localInputValue(props.now() + DEFAULT_DUE_HOURS * 3_600_000));
  const [attach, setAttach] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const team = teams.find((x) => x.id === teamId) ?? null;
  const canEscalate = team?.kind === 'fraud' && props.fraud !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!team) return setError(t('handoffTo'));
    if (!question.trim()) return setError(t('handoffQuestionEmpty'));
    const dueMs = Date.parse(due);
    if (!Number.isFinite(dueMs) || dueMs <= props.now()) return setError(t('handoffDuePast'));
    const escalation: EscalationInput | undefined =
      canEscalate && attach && props.fraud
        ? {
            score: props.fraud.score,
            indicators: props.fraud.fired.map((f) => ({ indicator: f.indicator, label: f.label, points: f.points, evidence: f.evidence })),
          }
        : undefined;
    setSaving(true);
    const ok = await props.onCreate({
      handoffTeamId: team.id,
      teamName: team.name,
      question: question.trim(),
      dueAt: new Date(dueMs).toISOString(),
      ...(escalation ? { escalation } : {}),
    });
    setSaving(false);
    // The question stays when the hand-off could not be queued: nothing typed is lost.
    if (ok) {
      setQuestion('');
      setError(null);
    }
  };

  return (
    <section className="cs-section" aria-labelledby={`${ids}-title`} data-testid="handoff-section">
      <h3 id={`${ids}-title`}>{t('handoffSection')}</h3>
      {props.notice && (
        <p role="status" className="cs-note" data-testid="handoff-notice">
          {props.notice}
        </p>
      )}
      {props.marketplaceDeadline && (
        <p className="cs-muted cs-small" data-testid="handoff-marketplace-deadline">
          {t('handoffMarketplaceDeadline', props.formatTime(props.marketplaceDeadline))}
        </p>
      )}
      {handoffs.length === 0 ? (
        <p className="cs-muted">{t('handoffNone')}</p>
      ) : (
        <ul className="cs-timeline" data-testid="handoff-list">
          {handoffs.map((h) => (
            <li key={h.id} data-testid="handoff-item" data-status={h.status}>
              <span className="cs-event-text">
                {h.teamName}: {h.question}
              </span>
              <span className="cs-muted cs-small">
                {h.status === 'open'
                  ? t('handoffWaiting', [h.teamName, props.formatTime(h.dueAt)])
                  : `${t('handoffAnsweredAfter', [h.teamName, String(h.minutesToAnswer ?? 0)])}: ${h.answer ?? ''}${h.decision ? ` (${h.decision})` : ''}`}
                {h.status === 'open' && h.slaPaused ? ` · ${t('handoffSlaPaused')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canWrite && teams.length > 0 && (
        <form onSubmit={submit} className="cs-note-form" data-testid="handoff-form">
          <label htmlFor={`${ids}-team`}>{t('handoffTo')}</label>
          <select id={`${ids}-team`} value={teamId} onChange={(e) => setTeamId(e.target.value)} data-testid="handoff-team">
            <option value="">{t('handoffDecisionChoose')}</option>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-question`}>{t('handoffQuestion')}</label>
          <textarea id={`${ids}-question`} value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={4000} data-testid="handoff-question" />
          <label htmlFor={`${ids}-due`}>{t('handoffDueAt')}</label>
          <input id={`${ids}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="handoff-due" />
          {canEscalate && (
            <label>
              <input type="checkbox" checked={attach} onChange={(e) => setAttach(e.target.checked)} data-testid="handoff-attach-score" />{' '}
              {t('handoffAttachScore')}
            </label>
          )}
          <button type="submit" disabled={saving} data-testid="handoff-submit">
            {t('handoffCreate')}
          </button>
          {error && (
            <p role="alert" className="cs-error" data-testid="handoff-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
