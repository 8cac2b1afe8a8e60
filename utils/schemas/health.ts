import { z } from 'zod';
import { Instant, PageKind, PortalId } from './common';

/** GET /v1/page-health: the portal pages the extension could not fully read lately (lead). */
export const PageHealthQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).optional(),
});

export const PageHealthItem = z.strictObject({
  portal: PortalId,
  pageKind: PageKind,
  /** `full`: every field read, some of them below their expected tier (see lowerTier). */
  status: z.enum(['full', 'partial', 'unrecognized']),
  /** The fields or selectors that were expected and not found. */
  missing: z.array(z.string()),
  /** Fields read below the tier they are expected at (`buyer.name: label`): the hook vanished. */
  lowerTier: z.array(z.string()).optional(),
  /** A path where it happened, digits masked (no order ids). */
  samplePath: z.string(),
  count: z.number().int().positive(),
  firstSeen: Instant,
  lastSeen: Instant,
});
export type PageHealthItem = z.infer<typeof PageHealthItem>;

export const PageHealthList = z.strictObject({ items: z.array(PageHealthItem) });
