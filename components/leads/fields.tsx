import { useEffect, useEffectEvent, useId, useState } from 'react';
import { FieldErrors } from './SaveBar';
import { errorsAt, type FieldError } from './versioned-save';

/**
 * Small labelled inputs for the lead forms. Every field takes the document path it edits, so the
 * problems the validator or the backend name for that path show right under it.
 */
interface Base {
  label: string;
  path: string;
  errors: FieldError[];
}

/** A number; an empty or unreadable entry is kept as NaN so the validator names the field instead of guessing a value. */
export function NumberField({ label, path, errors, value, onChange, step }: Base & { value: number; onChange: (v: number) => void; step?: number }) {
  const id = useId();
  const own = errorsAt(errors, path);
  return (
    <span className="lt-field" data-path={path}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={step ?? 1}
        value={Number.isNaN(value) ? '' : value}
        aria-invalid={own.length > 0}
        data-testid={`field-${path}`}
        onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))}
      />
      <FieldErrors errors={own} />
    </span>
  );
}

export function TextField({
  label,
  path,
  errors,
  value,
  onChange,
  placeholder,
}: Base & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  const id = useId();
  const own = errorsAt(errors, path);
  return (
    <span className="lt-field" data-path={path}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        aria-invalid={own.length > 0}
        data-testid={`field-${path}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldErrors errors={own} />
    </span>
  );
}

export function SelectField<V extends string>({
  label,
  path,
  errors,
  value,
  options,
  onChange,
}: Base & { value: V; options: { value: V; label: string }[]; onChange: (v: V) => void }) {
  const id = useId();
  const own = errorsAt(errors, path);
  return (
    <span className="lt-field" data-path={path}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={own.length > 0} data-testid={`field-${path}`} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors errors={own} />
    </span>
  );
}

export function CheckboxField({ label, path, errors, checked, onChange }: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  const own = errorsAt(errors, path);
  return (
    <span className="lt-field lt-check" data-path={path}>
      <label>
        <input type="checkbox" checked={checked} data-testid={`field-${path}`} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      <FieldErrors errors={own} />
    </span>
  );
}

/**
 * A comma-separated list of words (keywords, domains, codes). The text is kept as typed (so "DE, " can
 * grow into "DE, FR"); the list it stands for is trimmed with empties dropped.
 */
export function ListField({ label, path, errors, value, onChange }: Base & { value: string[]; onChange: (v: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  // A new value from outside (another lead's copy loaded) replaces the text; our own echo does not
  // (only a new value is checked against the text as typed, not each keystroke).
  const takeOutside = useEffectEvent((next: string[]) => {
    if (parseList(text).join('\u0000') !== next.join('\u0000')) setText(next.join(', '));
  });
  useEffect(() => takeOutside(value), [value]);
  return (
    <TextField
      label={label}
      path={path}
      errors={errors}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parseList(next));
      }}
    />
  );
}

export const parseList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
