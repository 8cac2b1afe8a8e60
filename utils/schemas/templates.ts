import { z } from 'zod';
import { Instant, Language, PageKind } from './common';

export const TemplateScope = z.enum(['team', 'personal']);

export const Template = z.strictObject({
  id: z.uuid(),
  scope: TemplateScope,
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
  language: Language,
  /** Marketplace codes this template is meant for; empty = any. */
  marketplaces: z.array(z.string()).default([]),
  /** Page kinds this template is meant for; empty = any. */
  pageKinds: z.array(PageKind).default([]),
  shortcut: z.string().max(40).optional(),
  ownerId: z.uuid(),
  version: z.number().int().positive(),
  archived: z.boolean(),
  updatedAt: Instant,
});
export type Template = z.infer<typeof Template>;
