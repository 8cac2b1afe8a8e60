import type { AdyenDefenceView } from '@/utils/api-routes/processors';
import { useT } from '../i18n-context';
import { JsonExport, safeFileName } from './JsonExport';
import { LoadedPart } from './LoadedPart';
import { SubmitControls, type SubmitDispute } from './SubmitControls';

/**
 * Adyen's format for a chargeback, for review: the defence document as supplyDefenseDocument takes it
 * (type code, content type, size) and the defence reasons, only when they are Adyen's own answer for
 * this dispute; otherwise the part says Adyen was not asked. Everything is shown as text.
 */
export function AdyenDefencePart({
  load,
  submit,
}: {
  load: () => Promise<AdyenDefenceView>;
  submit?: (body: Parameters<SubmitDispute>[1]) => ReturnType<SubmitDispute>;
}) {
  const t = useT();
  return (
    <LoadedPart testId="adyen-defence" title={t('processorEvidenceAdyenTitle')} showLabel={t('processorEvidenceAdyenShow')} load={load}>
      {(data) => (
        <>
          <AdyenDefenceBody data={data} />
          {submit && (
            <SubmitControls
              processor="adyen"
              submit={submit}
              {...(data.reasonsFrom === 'adyen' ? { reasons: data.defenseReasons.map((r) => r.defenseReasonCode) } : {})}
            />
          )}
        </>
      )}
    </LoadedPart>
  );
}

function AdyenDefenceBody({ data }: { data: AdyenDefenceView }) {
  const t = useT();
  const supply = { disputePspReference: data.disputePspReference, defenseDocuments: data.defenseDocuments };
  return (
    <div data-testid="adyen-defence-body" data-reasons-from={data.reasonsFrom}>
      <p className="cs-small">{t('processorEvidenceAdyenIntro', data.disputePspReference)}</p>
      <p className="cs-small" data-testid="adyen-defence-reasons-from">
        {data.reasonsFrom === 'adyen' ? t('processorEvidenceAdyenReasonsFromAdyen') : t('processorEvidenceAdyenReasonsNotRetrieved')}
      </p>
      {data.defenseReasons.length > 0 && (
        <ul className="cs-what-if" data-testid="adyen-defence-reasons" aria-label={t('processorEvidenceAdyenReasons')}>
          {data.defenseReasons.map((r) => (
            <li key={r.defenseReasonCode}>
              <code>{r.defenseReasonCode}</code>
              {r.documentTypes.length > 0 && ` · ${r.documentTypes.map((d) => `${d.defenseDocumentTypeCode} (${d.requirementLevel})`).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
      <table className="cs-small" data-testid="adyen-defence-documents">
        <caption>{t('processorEvidenceAdyenDocuments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('processorEvidenceAdyenTypeCode')}</th>
            <th scope="col">{t('processorEvidenceFile')}</th>
          </tr>
        </thead>
        <tbody>
          {data.documents.map((d) => (
            <tr key={`${d.defenseDocumentTypeCode}:${d.filename}`}>
              <th scope="row">
                <code>{d.defenseDocumentTypeCode}</code>
              </th>
              <td>{t('processorEvidenceAdyenFile', [d.filename, String(Math.max(1, Math.round(d.size / 1024)))])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.warnings.length > 0 && (
        <ul className="cs-what-if" data-testid="adyen-defence-warnings" aria-label={t('processorEvidenceWarnings')}>
          {data.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <JsonExport json={JSON.stringify(supply, null, 2)} filename={safeFileName('adyen-defence', data.disputePspReference)} testId="adyen-defence" />
    </div>
  );
}
