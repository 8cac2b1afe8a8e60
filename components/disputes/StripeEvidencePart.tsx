import type { StripeEvidenceView } from '@/utils/api-routes/processors';
import { useT } from '../i18n-context';
import { JsonExport, safeFileName } from './JsonExport';
import { LoadedPart } from './LoadedPart';
import { SubmitControls, type SubmitDispute } from './SubmitControls';

/**
 * Stripe's dispute update body as the backend filled it from the case, for an agent to review before
 * anyone sends it: each filled field with its value (as text) and where it came from, the fields Stripe
 * asks for with this reason that are still empty, warnings, the files to upload per file field, and the
 * JSON body to copy or download. Loaded when opened; nothing here sends anything to Stripe.
 */
export function StripeEvidencePart({
  load,
  submit,
}: {
  load: () => Promise<StripeEvidenceView>;
  submit?: (body: Parameters<SubmitDispute>[1]) => ReturnType<SubmitDispute>;
}) {
  const t = useT();
  return (
    <LoadedPart testId="stripe-evidence" title={t('processorEvidenceStripeTitle')} showLabel={t('processorEvidenceShow')} load={load}>
      {(data) => (
        <>
          <StripeEvidenceBody data={data} />
          {submit && <SubmitControls processor="stripe" submit={submit} />}
        </>
      )}
    </LoadedPart>
  );
}

function StripeEvidenceBody({ data }: { data: StripeEvidenceView }) {
  const t = useT();
  const fields = Object.entries(data.body.evidence);
  return (
    <div data-testid="stripe-evidence-body" data-stripe-dispute={data.stripeDisputeId}>
      <p className="cs-small">{t('processorEvidenceStripeIntro', data.stripeDisputeId)}</p>
      {fields.length === 0 ? (
        <p className="cs-muted cs-small">{t('processorEvidenceNoFields')}</p>
      ) : (
        <table className="cs-small" data-testid="stripe-evidence-fields">
          <caption>{t('processorEvidenceFilled', String(fields.length))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('processorEvidenceField')}</th>
              <th scope="col">{t('processorEvidenceValue')}</th>
              <th scope="col">{t('processorEvidenceSource')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([field, value]) => (
              <tr key={field} data-testid="stripe-evidence-field" data-field={field}>
                <th scope="row">
                  <code>{field}</code>
                </th>
                <td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{typeof value === 'string' ? value : ce3Summary(t, value)}</td>
                <td>{sourceWord(t, data.sources[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.missing.length > 0 && (
        <>
          <p className="cs-small">{t('processorEvidenceMissing')}</p>
          <ul className="cs-what-if" data-testid="stripe-evidence-missing">
            {data.missing.map((m) => (
              <li key={m}>
                <code>{m}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.warnings.length > 0 && (
        <ul className="cs-what-if" data-testid="stripe-evidence-warnings" aria-label={t('processorEvidenceWarnings')}>
          {data.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {data.files.length > 0 ? (
        <table className="cs-small" data-testid="stripe-evidence-files">
          <caption>{t('processorEvidenceFiles')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('processorEvidenceField')}</th>
              <th scope="col">{t('processorEvidenceFile')}</th>
            </tr>
          </thead>
          <tbody>
            {data.files.map((f) => (
              <tr key={f.attachmentId} data-field={f.field}>
                <th scope="row">
                  <code>{f.field}</code>
                </th>
                <td>{f.filename}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="cs-muted cs-small">{t('processorEvidenceNoFiles')}</p>
      )}
      <JsonExport json={JSON.stringify(data.body, null, 2)} filename={safeFileName('stripe-evidence', data.stripeDisputeId)} testId="stripe-evidence" />
    </div>
  );
}

function sourceWord(t: ReturnType<typeof useT>, source: 'page' | 'history' | 'agent' | undefined): string {
  if (source === 'page') return t('processorEvidenceFromPage');
  if (source === 'history') return t('processorEvidenceFromHistory');
  if (source === 'agent') return t('processorEvidenceFromAgent');
  return '';
}

type EnhancedEvidence = Exclude<StripeEvidenceView['body']['evidence'][string], string>;

/** Visa CE 3.0 as one line of text: the two earlier payments sent and what each carries. */
function ce3Summary(t: ReturnType<typeof useT>, value: EnhancedEvidence): string {
  const ce3 = value.visa_compelling_evidence_3;
  const carried = (x: Record<string, string | undefined>) =>
    Object.keys(x)
      .filter((k) => k.startsWith('customer_') && x[k])
      .map((k) => k.replace('customer_', ''))
      .join(', ');
  return t('processorEvidenceCe3', [ce3.prior_undisputed_transactions.map((p) => `${p.charge} (${carried(p)})`).join('; '), carried(ce3.disputed_transaction)]);
}
