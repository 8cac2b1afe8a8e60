import type { z } from 'zod';

export type ValidationError = { path: string; message: string };

/**
 * A zod issue as a sentence that names the field, for settings pages ("thresholds.review is required
 * (number)", "matrix: unknown field extra"). Parse with `{ reportInput: true }` so a missing field can
 * be told from a wrong one. `whole` names the document when the path is empty.
 */
export function describeIssue(issue: z.core.$ZodIssue, whole: string): ValidationError {
  const path = issue.path.map(String).join('.');
  const where = path === '' ? whole : path;
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { path, message: `${where} is required (${issue.expected})` };
  return { path, message: `${where}: ${issue.message}` };
}
