import type { PageContext as PageContextOut, PageContextInput, Recognition } from '../schemas';
// The zod/mini twin: this runs in the panel script (utils/schemas/mini/fields.ts says why).
import { PageContext } from '../schemas/mini/page';

/**
 * How well a page matched what its kind should show: `unrecognized` when none of the kind's anchor
 * hooks exist (a redesign), `partial` when some expected fields were not found, else `full`.
 */
export function recognitionOf(anchorsFound: boolean, anchorNames: readonly string[], missing: readonly string[]): Recognition {
  if (!anchorsFound) return { status: 'unrecognized', missing: [...anchorNames, ...missing] };
  return { status: missing.length ? 'partial' : 'full', missing: [...missing] };
}

/**
 * Validates an extracted context; a value the schema rejects is dropped and named instead of thrown,
 * so extraction always returns something the panel can show.
 */
export function finalizeContext(input: PageContextInput): PageContextOut {
  const parsed = PageContext.safeParse(input);
  if (parsed.success) return parsed.data;
  const badKeys = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
  const kept = Object.fromEntries(Object.entries(input).filter(([key]) => !badKeys.has(key) || key === 'recognition')) as PageContextInput;
  const recognition: Recognition = {
    status: input.recognition.status === 'full' ? 'partial' : input.recognition.status,
    missing: [...input.recognition.missing, ...[...badKeys].filter((k) => k && k !== 'recognition').map((k) => `${k} (invalid)`)],
  };
  const retry = PageContext.safeParse({ ...kept, recognition });
  if (retry.success) return retry.data;
  // Last resort: the bare minimum that always validates.
  return PageContext.parse({
    portal: input.portal,
    pageKind: input.pageKind,
    url: input.url,
    items: [],
    recognition: { status: 'unrecognized', missing: ['page (invalid)'] },
  });
}
