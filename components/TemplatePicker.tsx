import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Language, PageKind, PortalId } from '@/utils/schemas/common';
import type { Template, TemplateVars } from '@/utils/schemas/templates';
import { lintTemplate } from '@/utils/templates/lint';
import { rankTemplates } from '@/utils/templates/rank';
import { fillMissing, renderTemplate } from '@/utils/templates/render';
import { useT } from './i18n-context';

export interface TemplatePickerProps {
  templates: Template[];
  portal: PortalId;
  pageKind: PageKind;
  marketplace?: string;
  /** The buyer's language: templates in it come first. */
  language: Language;
  vars: TemplateVars;
  timeZone: string;
  /** Puts the text into the portal's reply box; returns an error message when it could not. */
  onInsert: (template: Template, text: string) => { ok: true } | { ok: false; error: string };
  /** Moves the focus to the search box each time it changes (the panel's Alt+Shift+T). */
  focusRequest?: number;
}

/**
 * Find the right reply and insert it: type to filter, arrows to choose, Enter to insert. A reply with an
 * unfilled placeholder is never inserted (a small form asks for the values), and a reply that breaks the
 * portal's messaging rules is refused with the reason.
 */
export function TemplatePicker(props: TemplatePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [fills, setFills] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusRequest) searchRef.current?.focus();
  }, [props.focusRequest]);

  const ranked = useMemo(
    () =>
      rankTemplates(props.templates, {
        pageKind: props.pageKind,
        language: props.language,
        ...(props.marketplace ? { marketplace: props.marketplace } : {}),
        ...(query ? { query } : {}),
      }),
    [props.templates, props.pageKind, props.language, props.marketplace, query],
  );
  const current = ranked[Math.min(selected, ranked.length - 1)];
  const renderFor = useCallback(
    (template: Template, values: Record<string, string>) => {
      const result = renderTemplate(template.body, fillMissing(props.vars, values), { language: template.language, timeZone: props.timeZone });
      const violations = lintTemplate(result.text, { portal: props.portal }).filter((f) => f.rule !== 'unknown-variable');
      return { ...result, violations };
    },
    [props.vars, props.timeZone, props.portal],
  );
  const rendered = useMemo(() => (current ? renderFor(current, fills) : null), [current, renderFor, fills]);

  const select = (index: number) => {
    setSelected(index);
    setFills({});
    setFeedback(null);
  };
  // Only an arrow key brings the chosen row into view: scrolling on mount pushed the panel's first lines
  // up under its header as soon as it opened.
  const movedByKeyboard = useRef(false);
  useEffect(() => {
    if (!movedByKeyboard.current) return;
    movedByKeyboard.current = false;
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const insert = (template: Template | undefined) => {
    if (!template) return;
    const isCurrent = template.id === current?.id;
    if (!isCurrent) select(ranked.indexOf(template));
    const rendered = renderFor(template, isCurrent ? fills : {});
    if (rendered.missing.length) {
      setFeedback({ kind: 'error', text: `${t('templateMissing')} ${rendered.missing.join(', ')}` });
      return;
    }
    if (rendered.violations.length) {
      setFeedback({ kind: 'error', text: t('templateBlocked', rendered.violations[0]!.message) });
      return;
    }
    const res = props.onInsert(template, rendered.text);
    setFeedback(res.ok ? { kind: 'ok', text: t('templateInserted') } : { kind: 'error', text: res.error });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') movedByKeyboard.current = true;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      select(Math.min(selected + 1, ranked.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(Math.max(selected - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      insert(current);
    } else if (e.key === 'Escape') {
      setQuery('');
      select(0);
    }
  };

  return (
    <section className="cs-section" aria-labelledby="cs-templates-title">
      <h3 id="cs-templates-title">{t('templatesTitle')}</h3>
      <input
        ref={searchRef}
        className="cs-templates-search"
        data-testid="template-search"
        type="search"
        value={query}
        placeholder={t('templateSearch')}
        aria-label={t('templateSearch')}
        aria-controls="cs-template-list"
        onChange={(e) => {
          setQuery(e.target.value);
          select(0);
        }}
        onKeyDown={onKeyDown}
      />
      {ranked.length === 0 ? (
        <p className="cs-muted">{t('templateNone')}</p>
      ) : (
        // A plain list, not a listbox: each row holds its own Insert button, and buttons may not sit inside options.
        <ul className="cs-templates" id="cs-template-list" ref={listRef}>
          {ranked.map((tpl, i) => (
            <li
              key={tpl.id}
              aria-current={tpl.id === current?.id ? 'true' : undefined}
              data-testid="template-item"
              data-template-id={tpl.id}
              data-language={tpl.language}
              onClick={() => select(i)}
            >
              <span>
                {tpl.title}{' '}
                <span className="cs-muted cs-small">
                  {tpl.language.toUpperCase()}
                  {tpl.shortcut ? ` · ${tpl.shortcut}` : ''}
                </span>
              </span>
              <button
                type="button"
                aria-label={`${t('templateInsert')}: ${tpl.title}`}
                data-testid="template-insert"
                onClick={(e) => {
                  e.stopPropagation();
                  insert(tpl);
                }}
              >
                {t('templateInsert')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {rendered && (
        <>
          {rendered.missing.length > 0 && (
            <div className="cs-fill" data-testid="template-fill">
              <p className="cs-small">{t('templateMissing')}</p>
              {rendered.missing.map((name) => (
                <label key={name} className="cs-small" style={{ display: 'block' }}>
                  {name}
                  <input
                    data-testid="template-fill-input"
                    data-variable={name}
                    value={fills[name] ?? ''}
                    onChange={(e) => setFills((f) => ({ ...f, [name]: e.target.value }))}
                    onKeyDown={(e) => {
                      e.stopPropagation();
                      if (e.key === 'Enter') insert(current);
                    }}
                  />
                </label>
              ))}
            </div>
          )}
          {rendered.violations.length > 0 && (
            <p className="cs-error cs-small" data-testid="template-violation">
              {t('templateBlocked', rendered.violations.map((v) => `${v.message} (${v.excerpt})`).join('; '))}
            </p>
          )}
          <div className="cs-preview" data-testid="template-preview">
            {rendered.text}
          </div>
        </>
      )}
      {feedback && (
        <p className={feedback.kind === 'ok' ? 'cs-muted' : 'cs-error'} data-testid="template-feedback" data-result={feedback.kind} role="status">
          {feedback.text}
        </p>
      )}
    </section>
  );
}
