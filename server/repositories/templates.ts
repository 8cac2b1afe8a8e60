import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { Language, PageKind } from '../../utils/schemas/common';
import type { Template } from '../../utils/schemas/templates';
import type { Database } from '../db/open';
import { agents, templates, templateVersions } from '../db/schema';
import { markTeamConfigStale } from './config-stale';

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
  markTeamConfigStale(teamId);
  const [row] = await db
    .insert(templates)
    .values({
      teamId,
      ...input,
      marketplaces: input.marketplaces ?? [],
      pageKinds: input.pageKinds ?? [],
      shortcut: input.shortcut ?? null,
      updatedBy: input.ownerId,
    })
    .returning();
  return toTemplate(row!);
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

/** Every live template of the team, personal ones of every agent included (the panel's cached list). */
export async function listLiveTeamTemplates(db: Database, teamId: string): Promise<Template[]> {
  const rows = await db
    .select()
    .from(templates)
    .where(and(eq(templates.teamId, teamId), eq(templates.archived, false)))
    .orderBy(asc(templates.title));
  return rows.map(toTemplate);
}

const visibleTo = (teamId: string, agentId: string) =>
  and(eq(templates.teamId, teamId), or(eq(templates.scope, 'team'), and(eq(templates.scope, 'personal'), eq(templates.ownerId, agentId))));

/** The library as a caller sees it: team templates plus their own personal ones (archived ones on request). */
export async function listVisibleTemplates(db: Database, teamId: string, agentId: string, includeArchived: boolean): Promise<Template[]> {
  const rows = await db
    .select()
    .from(templates)
    .where(includeArchived ? visibleTo(teamId, agentId) : and(visibleTo(teamId, agentId), eq(templates.archived, false)))
    .orderBy(asc(templates.archived), asc(templates.title), asc(templates.id));
  return rows.map(toTemplate);
}

/** A template the caller may see; someone else's personal template reads as missing. */
export async function getVisibleTemplate(db: Database, teamId: string, agentId: string, id: string): Promise<Template | undefined> {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(visibleTo(teamId, agentId), eq(templates.id, id)))
    .limit(1);
  return row && toTemplate(row);
}

/** Every template of the team (personal ones included), for the lead's usage report. */
export async function listTeamTemplates(db: Database, teamId: string): Promise<Template[]> {
  const rows = await db.select().from(templates).where(eq(templates.teamId, teamId)).orderBy(asc(templates.title));
  return rows.map(toTemplate);
}

export interface TemplateChange {
  scope: 'team' | 'personal';
  title: string;
  body: string;
  language: Language;
  marketplaces: string[];
  pageKinds: PageKind[];
  shortcut: string | null;
}

/**
 * Saves a new version if the template is still at `expectedVersion`; the version it replaces goes to
 * template_versions. `conflict` carries the current template when someone saved first.
 */
export async function saveTemplateVersion(
  db: Database,
  teamId: string,
  id: string,
  expectedVersion: number,
  change: TemplateChange,
  editedBy: string,
  now = new Date(),
): Promise<{ saved: Template } | { conflict: Template } | undefined> {
  markTeamConfigStale(teamId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(templates)
      .where(and(eq(templates.teamId, teamId), eq(templates.id, id)))
      .for('update')
      .limit(1);
    if (!current) return undefined;
    if (current.version !== expectedVersion) return { conflict: toTemplate(current) };
    await tx.insert(templateVersions).values({
      teamId,
      templateId: id,
      version: current.version,
      title: current.title,
      body: current.body,
      editedBy: current.updatedBy,
      createdAt: current.updatedAt,
    });
    const [row] = await tx
      .update(templates)
      .set({ ...change, version: current.version + 1, updatedAt: now, updatedBy: editedBy })
      .where(and(eq(templates.teamId, teamId), eq(templates.id, id), eq(templates.version, expectedVersion)))
      .returning();
    return { saved: toTemplate(row!) };
  });
}

export async function setTemplateArchived(db: Database, teamId: string, id: string, archived: boolean): Promise<Template | undefined> {
  markTeamConfigStale(teamId);
  // Archiving is not an edit of the text: the version stays, so an open editor's draft still saves.
  const [row] = await db
    .update(templates)
    .set({ archived })
    .where(and(eq(templates.teamId, teamId), eq(templates.id, id)))
    .returning();
  return row && toTemplate(row);
}

export interface TemplateVersionRow {
  version: number;
  title: string;
  body: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** Earlier versions of a template, newest first, with the names of their authors. */
export async function listEarlierVersions(db: Database, teamId: string, templateId: string): Promise<TemplateVersionRow[]> {
  const rows = await db
    .select({
      version: templateVersions.version,
      title: templateVersions.title,
      body: templateVersions.body,
      createdAt: templateVersions.createdAt,
      name: agents.name,
    })
    .from(templateVersions)
    .leftJoin(agents, eq(agents.id, templateVersions.editedBy))
    .where(and(eq(templateVersions.teamId, teamId), eq(templateVersions.templateId, templateId)))
    .orderBy(desc(templateVersions.version));
  return rows.map((r) => ({ version: r.version, title: r.title, body: r.body, updatedAt: r.createdAt.toISOString(), updatedBy: r.name }));
}

/** Name of the author of a template's current version. */
export async function currentAuthorName(db: Database, teamId: string, templateId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: agents.name })
    .from(templates)
    .innerJoin(agents, eq(agents.id, templates.updatedBy))
    .where(and(eq(templates.teamId, teamId), eq(templates.id, templateId)))
    .limit(1);
  return row?.name ?? null;
}
