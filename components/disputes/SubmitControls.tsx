import { useId, useRef, useState } from 'react';
import type { SubmitAnswer, SubmitBody } from '@/utils/api-routes/processors';
import { useT } from '../i18n-context';

export type SubmitDispute = (id: string, body: SubmitBody) => Promise<SubmitAnswer>;

type State = { state: 'idle' } | { state: 'busy' } | { state: 'done'; answer: SubmitAnswer } | { state: 'error'; message: string };

const newKey = () => `sub_${crypto.randomUUID().replaceAll('-', '')}`;

/**
 * Sending the reviewed body to the processor (only where the backend has the team's key; otherwise its
 * 409 says what is missing). A draft goes at once; the final submission asks for a second, explicit
 * confirmation. One idempotency key per intended action, kept for a retry until the processor answered.
 */
export function SubmitControls({
  processor,
  submit,
  reasons,
}: {
  processor: 'stripe' | 'adyen';
  submit: (body: SubmitBody) => Promise<SubmitAnswer>;
  /** Adyen: the defence reasons Adyen offered for the dispute (none: defending is done in the Customer Area). */
  reasons?: string[];
}) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<State>({ state: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState(reasons?.[0] ?? '');
  const keys = useRef<Partial<Record<'draft' | 'final', string>>>({});
  const name = processor === 'stripe' ? 'Stripe' : 'Adyen';
  const canFinal = processor === 'stripe' || (reasons !== undefined && reasons.length > 0);

  const send = async (final: boolean) => {
    const kind = final ? 'final' : 'draft';
    const idempotencyKey = (keys.current[kind] ??= newKey());
    setConfirming(false);
    setState({ state: 'busy' });
    try {
      const answer = await submit({ idempotencyKey, final, ...(processor === 'adyen' && final ? { defenseReasonCode: reason } : {}) });
      delete keys.current[kind];
      setState({ state: 'done', answer });
    } catch (err) {
      setState({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const busy = state.state === 'busy';
  return (
    <div className="cs-decide" role="group" aria-labelledby={`${id}-label`} data-testid={`${processor}-submit`}>
      <p id={`${id}-label`} className="cs-small">
        <strong>{t('processorSubmitTitle', name)}</strong>
      </p>
      {processor === 'adyen' && canFinal && (
        <label className="cs-small">
          {t('processorSubmitReason')}{' '}
          <select data-testid="adyen-submit-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {reasons!.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="cs-buttons">
        <button type="button" data-testid={`${processor}-submit-draft`} disabled={busy} onClick={() => void send(false)}>
          {processor === 'stripe' ? t('processorSubmitStripeDraft') : t('processorSubmitAdyenSupply')}
        </button>
        {canFinal && !confirming && (
          <button type="button" data-testid={`${processor}-submit-final`} disabled={busy} onClick={() => setConfirming(true)}>
            {processor === 'stripe' ? t('processorSubmitStripeFinal') : t('processorSubmitAdyenDefend')}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} data-testid={`${processor}-submit-confirm`}>
          <p id={`${id}-confirm`} className="cs-small">
            {t('processorSubmitConfirmText', name)}
          </p>
          <div className="cs-buttons">
            <button type="button" data-testid={`${processor}-submit-confirm-yes`} onClick={() => void send(true)}>
              {t('processorSubmitConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('processorSubmitCancel')}
            </button>
          </div>
        </div>
      )}
      <p className="cs-muted cs-small" role="status" data-testid={`${processor}-submit-status`}>
        {busy
          ? t('processorEvidenceLoading')
          : state.state === 'done'
            ? `${state.answer.processorAnswer}${state.answer.note ? ` ${state.answer.note}` : ''}`
            : ''}
      </p>
      {state.state === 'error' && (
        <p className="cs-error" role="alert" data-testid={`${processor}-submit-error`}>
          {state.message}
        </p>
      )}
    </div>
  );
}
