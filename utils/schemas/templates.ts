import { z } from 'zod';
import { TEMPLATE_VARIABLE_NAMES } from '../templates/variable-names';
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

/** The variables templates may use; see utils/templates/render.ts for the `{{name | "fallback"}}` syntax. */
export const TemplateVariableName = z.enum(TEMPLATE_VARIABLE_NAMES);
export type TemplateVariableName = z.infer<typeof TemplateVariableName>;

/**
 * Values for a template, keyed by variable name. Open-ended so the panel's fill-in form can supply a
 * value for any placeholder; `sla.deadline` is an ISO instant, formatted when rendered.
 */
export const TemplateVars = z.record(z.string(), z.string());
export type TemplateVars = z.infer<typeof TemplateVars>;

export const LintFinding = z.strictObject({
  /** Stable rule id: external-link, contact-details, marketing, unknown-variable. */
  rule: z.string(),
  message: z.string(),
  /** The offending text with a little context, as plain text. */
  excerpt: z.string(),
});
export type LintFinding = z.infer<typeof LintFinding>;
