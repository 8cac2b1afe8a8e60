import { useRef, useState } from 'react';
import type { EvidenceItem } from '@/utils/schemas/disputes';
import { useT } from '../i18n-context';

export type EvidenceInput = { value: string } | { notApplicable: true };

export interface EvidenceRowProps {
  item: EvidenceItem;
  canWrite: boolean;
  onSave: (key: string, input: EvidenceInput) => Promise<boolean>;
  onAttach: (key: string, file: File) => Promise<boolean>;
}

// The panel's theme colours (panel.css), so a missing item reads in the dark scheme too.
const MISSING_STYLE = {
  background: 'var(--cs-warn-bg)',
  border: '1px solid var(--cs-warn-border)',
  borderRadius: 6,
  padding: '4px 6px',
  margin: '4px 0',
} as const;
const ROW_STYLE = { padding: '4px 0', borderBottom: '1px dashed var(--cs-rule)', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;
const ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp,text/plain,.pdf,.png,.jpg,.jpeg,.webp,.txt';

/** One checklist item: present with its value, or missing (highlighted) and completable in place. */
export function EvidenceRow({ item, canWrite, onSave, onAttach }: EvidenceRowProps) {
  const t = useT();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const missing = item.status === 'missing';

  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await action();
    setBusy(false);
    if (ok) setValue('');
  };

  return (
    <li data-testid="evidence-item" data-key={item.key} data-status={item.status} style={missing ? MISSING_STYLE : ROW_STYLE}>
      <div>
        <strong>{item.label}</strong>
        {item.required && <span className="cs-muted cs-small"> · {t('evidenceRequired')}</span>}
        <span className="cs-small" style={{ float: 'right' }}>
          {t(`evidenceStatus_${item.status}`)}
        </span>
      </div>
      {item.status === 'present' && item.value && (
        <div className="cs-small" data-testid="evidence-value">
          {item.value}
        </div>
      )}
      {item.status !== 'present' && item.hint && <div className="cs-muted cs-small">{item.hint}</div>}
      {missing && canWrite && (
        <form
          className="cs-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) void run(() => onSave(item.key, { value: value.trim() }));
          }}
        >
          <textarea
            data-testid="evidence-input"
            aria-label={item.label}
            value={value}
            maxLength={4000}
            placeholder={t('evidencePlaceholder')}
            onChange={(e) => setValue(e.target.value)}
          />
          <div className="cs-buttons">
            <button type="submit" data-testid="evidence-save" disabled={busy || !value.trim()}>
              {t('evidenceSave')}
            </button>
            <button type="button" data-testid="evidence-na" disabled={busy} onClick={() => void run(() => onSave(item.key, { notApplicable: true }))}>
              {t('evidenceNotApplicable')}
            </button>
            <button type="button" data-testid="evidence-attach" disabled={busy} onClick={() => file.current?.click()}>
              {t('evidenceAttach')}
            </button>
            <input
              ref={file}
              type="file"
              accept={ACCEPT}
              hidden
              data-testid="evidence-file"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) void run(() => onAttach(item.key, chosen));
              }}
            />
          </div>
        </form>
      )}
    </li>
  );
}
