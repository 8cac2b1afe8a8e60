import { and, asc, eq, or } from 'drizzle-orm';
import type { Language, PageKind } from '../../utils/schemas/common';
import type { Template } from '../../utils/schemas/templates';
import type { Database } from '../db/open';
import { templates, templateVersions } from '../db/schema';

type TemplateRow = typeof templates.$inferSelect;

function toTemplate(row: TemplateRow): Template {
  const template: Template = {
    id: row.id,
    scope: row.scope,
    title: row.title,
    body: row.body,
    language: row.language,
    marketplaces: row.marketplaces,
    pageKinds: row.pageKinds as PageKind[],
    ownerId: row.ownerId,
    version: row.version,
    archived: row.archived,
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.shortcut) template.shortcut = row.shortcut;
  return template;
}

export interface NewTemplate {
  scope: 'team' | 'personal';
  ownerId: string;
  title: string;
  body: string;
  language: Language;
  marketplaces?: string[];
  pageKinds?: PageKind[];
  shortcut?: string;
}

export async function createTemplate(db: Database, teamId: string, input: NewTemplate): Promise<Template> {
  const [row] = await db
    .insert(templates)
    .values({ teamId, ...input, marketplaces: input.marketplaces ?? [], pageKinds: input.pageKinds ?? [], shortcut: input.shortcut ?? null })
    .returning();
  return toTemplate(row!);
}

/** Replaces a template's title/body, keeping the previous text in template_versions. */
export async function reviseTemplate(
  db: Database,
  teamId: string,
  templateId: string,
  change: { title: string; body: string; editedBy: string },
): Promise<Template | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(templates)
      .where(and(eq(templates.teamId, teamId), eq(templates.id, templateId)))
      .for('update')
      .limit(1);
    if (!current) return undefined;
    await tx.insert(templateVersions).values({
      teamId,
      templateId,
      version: current.version,
      title: current.title,
      body: current.body,
      editedBy: change.editedBy,
    });
    const [row] = await tx
      .update(templates)
      .set({ title: change.title, body: change.body, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(templates.teamId, teamId), eq(templates.id, templateId)))
      .returning();
    return row && toTemplate(row);
  });
}

/** What the panel may offer an agent: the team's live templates plus the agent's own personal ones. */
export async function listUsableTemplates(db: Database, teamId: string, agentId: string): Promise<Template[]> {
  const rows = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.teamId, teamId),
        eq(templates.archived, false),
        or(eq(templates.scope, 'team'), and(eq(templates.scope, 'personal'), eq(templates.ownerId, agentId))),
      ),
    )
    .orderBy(asc(templates.title));
  return rows.map(toTemplate);
}
