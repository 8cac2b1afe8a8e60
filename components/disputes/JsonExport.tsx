import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n-context';

/** Long enough for the browser to start saving the file after the click. */
const URL_LIFETIME_MS = 3_000;

/**
 * Copy and download buttons for a JSON document the agent reviewed. The download is a Blob URL made at
 * the click and revoked moments later (a content script's page could otherwise read it for as long as
 * the page lives). When the clipboard is refused, the JSON is shown read-only to copy by hand.
 */
export function JsonExport({ json, filename, testId }: { json: string; filename: string; testId: string }) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => setCopy('idle'), [json]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopy('copied');
    } catch {
      setCopy('manual');
    }
  };

  const onDownload = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    timer.current = setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  };

  return (
    <>
      <div className="cs-buttons">
        <button type="button" data-testid={`${testId}-copy`} onClick={() => void onCopy()}>
          {t('processorEvidenceCopyJson')}
        </button>
        <button type="button" data-testid={`${testId}-download`} onClick={onDownload}>
          {t('processorEvidenceDownloadJson', filename)}
        </button>
      </div>
      <p className="cs-muted cs-small" role="status" data-testid={`${testId}-copy-status`}>
        {copy === 'copied' ? t('processorEvidenceCopied') : copy === 'manual' ? t('processorEvidenceCopyManually') : ''}
      </p>
      {copy === 'manual' && (
        <textarea
          data-testid={`${testId}-json`}
          aria-label={t('processorEvidenceJsonLabel')}
          className="cs-preview"
          style={{ width: '100%', minHeight: 120 }}
          readOnly
          value={json}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </>
  );
}

/** A file name made only of safe characters from an id the processor chose. */
export const safeFileName = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60)}.json`;
