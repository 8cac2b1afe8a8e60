import { describeIssue } from '@/utils/fraud/validation-errors';
import { TemplateInput } from '@/utils/schemas/admin';
import type { Language, PageKind } from '@/utils/schemas/common';
import { Template } from '@/utils/schemas/templates';
import type { FieldError } from './versioned-save';

/** What the template editor edits: the fields of TemplateInput, with the shortcut as typed. */
export interface TemplateForm {
  title: string;
  body: string;
  language: Language;
  marketplaces: string[];
  pageKinds: PageKind[];
  shortcut: string;
  scope: 'team' | 'personal';
}

/** The editor's document: the form, the version it was read at (0 for a new one) and the stored template. */
export interface TemplateDoc {
  version: number;
  form: TemplateForm;
  template: Template | null;
}

export const formOf = (t: Template): TemplateForm => ({
  title: t.title,
  body: t.body,
  language: t.language,
  marketplaces: t.marketplaces,
  pageKinds: t.pageKinds,
  shortcut: t.shortcut ?? '',
  scope: t.scope,
});

export const docOf = (t: Template): TemplateDoc => ({ version: t.version, form: formOf(t), template: t });

export const newTemplateDoc = (scope: TemplateForm['scope'], language: Language): TemplateDoc => ({
  version: 0,
  form: { title: '', body: '', language, marketplaces: [], pageKinds: [], shortcut: '', scope },
  template: null,
});

/** The form as the backend's TemplateInput, or every problem with it named. */
export function toTemplateInput(form: TemplateForm): { ok: true; input: TemplateInput } | { ok: false; errors: FieldError[] } {
  const { shortcut, ...rest } = form;
  const parsed = TemplateInput.safeParse({ ...rest, ...(shortcut.trim() === '' ? {} : { shortcut }) }, { reportInput: true });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: parsed.error.issues.map((i) => describeIssue(i, 'template')) };
}

/** The other lead's copy from a 409: a template, or a save answer holding one. */
export function parseTemplateConflict(value: unknown): TemplateDoc | undefined {
  const direct = Template.safeParse(value);
  if (direct.success) return docOf(direct.data);
  const wrapped = Template.safeParse((value as { template?: unknown } | null)?.template);
  return wrapped.success ? docOf(wrapped.data) : undefined;
}

/** Values the preview fills in, so a lead sees the text a buyer would read. */
export function sampleVars(agentName: string, marketplace: string | undefined, now: number): Record<string, string> {
  return {
    'buyer.firstName': 'Maria',
    'buyer.name': 'Maria Muster',
    'order.id': '302-1234567-1234567',
    'order.items': '1 × Trail running shoes (EU 39)',
    'tracking.number': '1Z999AA10123456784',
    'sla.deadline': new Date(now + 2 * 86_400_000).toISOString(),
    'agent.name': agentName,
    marketplace: marketplace ?? 'DE',
  };
}
