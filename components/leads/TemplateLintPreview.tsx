import { useMemo } from 'react';
import { lintTemplate } from '@/utils/templates/lint';
import { renderTemplate } from '@/utils/templates/render';
import { useT } from '../i18n-context';
import { sampleVars, type TemplateForm } from './template-form';

/**
 * Live lint flags (the messaging rules of the portals the template's marketplaces belong to) and a preview with
 * sample values, both as plain text: the body is a lead's typing and is never rendered as HTML.
 */
export function TemplateLintPreview({ form, agentName }: { form: TemplateForm; agentName: string }) {
  const t = useT();
  const findings = useMemo(() => lintTemplate(form.body, { marketplaces: form.marketplaces }), [form.body, form.marketplaces]);
  const preview = useMemo(
    () => renderTemplate(form.body, sampleVars(agentName, form.marketplaces[0], Date.now()), { language: form.language, timeZone: 'Europe/Berlin' }),
    [form.body, form.language, form.marketplaces, agentName],
  );
  return (
    <div className="lt-preview">
      <h4>{t('leadLint')}</h4>
      {findings.length === 0 ? (
        <p className="lt-ok" data-testid="lint-clean">
          {t('leadLintClean')}
        </p>
      ) : (
        <ul className="lt-lint" data-testid="lint-findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-testid="lint-finding" data-rule={f.rule}>
              <strong>{f.message}</strong> <q>{f.excerpt}</q>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('leadPreview')}</h4>
      <pre className="lt-preview-text" data-testid="template-preview">
        {preview.text}
      </pre>
      {preview.missing.length > 0 && (
        <p className="lt-muted">
          {t('templateMissing')} {preview.missing.join(', ')}
        </p>
      )}
    </div>
  );
}
