import { useCallback, useState } from 'react';
import type { Result } from '@/utils/messaging';

/** One named problem with a document a lead edits; `path` is relative to the document ("thresholds.review"). */
export type FieldError = { path: string; message: string };

/** What a save came to, in the terms the lead tools show. */
export type SaveOutcome<T> =
  { kind: 'saved'; value: T } | { kind: 'invalid'; errors: FieldError[] } | { kind: 'conflict'; current: T } | { kind: 'failed'; message: string };

const isFieldError = (e: unknown): e is FieldError =>
  typeof e === 'object' && e !== null && typeof (e as FieldError).path === 'string' && typeof (e as FieldError).message === 'string';

/**
 * Reads a backend answer to a versioned PUT: 409 `version_conflict` carries the other lead's copy in
 * `details.current`, 400 carries `details.errors`. `parseCurrent` validates that copy, since it came
 * over the wire (a copy that does not parse is reported as a plain failure, the draft still kept).
 */
export function saveOutcomeFrom<T>(res: Result<T>, parseCurrent: (value: unknown) => T | undefined): SaveOutcome<T> {
  if (res.ok) return { kind: 'saved', value: res.data };
  const details = (res.error.details ?? {}) as { current?: unknown; errors?: unknown };
  if (res.error.code === 'version_conflict') {
    const current = parseCurrent(details.current);
    if (current !== undefined) return { kind: 'conflict', current };
  }
  if (Array.isArray(details.errors)) {
    const errors = details.errors.filter(isFieldError);
    if (errors.length > 0) return { kind: 'invalid', errors: errors.map((e) => ({ path: stripDocumentPrefix(e.path), message: e.message })) };
  }
  return { kind: 'failed', message: res.error.message };
}

/** The backend may name fields from the request body ("matrix.thresholds.review"); fields are keyed without it. */
function stripDocumentPrefix(path: string): string {
  return path.replace(/^(?:body\.)?(?:matrix|policies|policySet|template|settings)\./, '');
}

export type SaveStatus<T> =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'conflict'; theirs: T }
  | { kind: 'failed'; message: string };

/**
 * A draft over a versioned document: the lead edits `draft`, saves it against the version it started
 * from, and nothing typed is ever dropped by a failed save. On a conflict the lead either loads the
 * other lead's copy (dropping the draft on purpose) or keeps editing; keeping means the next save goes
 * against the version they have now seen.
 */
export function useVersionedDraft<T extends { version: number }>(opts: {
  initial: T;
  save: (draft: T, expectedVersion: number) => Promise<SaveOutcome<T>>;
  /** Local checks before sending, so every problem shows at once (the worker reports only the first). */
  validate?: (draft: T) => FieldError[];
}) {
  const [base, setBase] = useState<T>(opts.initial);
  const [draft, setDraft] = useState<T>(opts.initial);
  const [status, setStatus] = useState<SaveStatus<T>>({ kind: 'idle' });
  const { save: send, validate } = opts;

  /** Saves the draft, or `candidate` (e.g. from the JSON view) once it passes the local checks. */
  const save = useCallback(
    async (candidate?: T) => {
      const toSave = candidate ?? draft;
      const local = validate?.(toSave) ?? [];
      if (local.length > 0) {
        setStatus({ kind: 'invalid', errors: local });
        return;
      }
      if (candidate) setDraft(candidate);
      setStatus({ kind: 'saving' });
      const outcome = await send(toSave, base.version);
      switch (outcome.kind) {
        case 'saved':
          setBase(outcome.value);
          setDraft(outcome.value);
          setStatus({ kind: 'saved' });
          return;
        case 'invalid':
          setStatus({ kind: 'invalid', errors: outcome.errors });
          return;
        case 'conflict':
          setStatus({ kind: 'conflict', theirs: outcome.current });
          return;
        case 'failed':
          setStatus({ kind: 'failed', message: outcome.message });
      }
    },
    [draft, base.version, send, validate],
  );

  const loadTheirs = useCallback(() => {
    if (status.kind !== 'conflict') return;
    setBase(status.theirs);
    setDraft(status.theirs);
    setStatus({ kind: 'idle' });
  }, [status]);

  const keepMine = useCallback(() => {
    if (status.kind !== 'conflict') return;
    setBase(status.theirs);
    setStatus({ kind: 'idle' });
  }, [status]);

  /** Replaces both copies, e.g. when another document is picked for editing. */
  const reset = useCallback((value: T) => {
    setBase(value);
    setDraft(value);
    setStatus({ kind: 'idle' });
  }, []);

  /** A newer stored copy that is not a conflict (e.g. after archiving): the draft stays as it is. */
  const rebase = useCallback((value: T) => setBase(value), []);

  const edit = useCallback((next: T | ((prev: T) => T)) => {
    setDraft(next);
    setStatus((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  }, []);

  return { base, draft, setDraft: edit, status, save, loadTheirs, keepMine, reset, rebase };
}

/** Errors for one field: exactly that path or anything inside it. */
export function errorsAt(errors: FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}
