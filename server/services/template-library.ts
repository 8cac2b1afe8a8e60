import type { TemplateInput, TemplateSaved, TemplateUsageReport, TemplateVersionList } from '../../utils/schemas/admin';
import type { Template } from '../../utils/schemas/templates';
import { lintTemplate } from '../../utils/templates/lint';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import { templateUsageSince } from '../repositories/template-usage';
import {
  createTemplate,
  currentAuthorName,
  getVisibleTemplate,
  listEarlierVersions,
  listTeamTemplates,
  saveTemplateVersion,
  setTemplateArchived,
} from '../repositories/templates';
import type { Caller } from '../repositories/tokens';

/**
 * The template library: who may write what, lint warnings on save, version history and usage.
 * Team templates belong to the team and only leads change them; personal templates only their owner.
 */

const isLead = (caller: Caller) => caller.agent.role === 'lead';

/** The messaging rules of every portal the template's marketplaces belong to (all portals when it names none). */
export function lintFor(template: Pick<Template, 'body' | 'marketplaces'>) {
  return lintTemplate(template.body, { marketplaces: template.marketplaces });
}

function assertMayWrite(caller: Caller, scope: Template['scope'], ownerId: string): void {
  if (scope === 'team' && !isLead(caller)) throw new HttpError('forbidden', 'Only a team lead may create or change team templates.', 'body.scope');
  if (scope === 'personal' && ownerId !== caller.agent.id) throw new HttpError('forbidden', 'Only its owner may change a personal template.');
}

async function visibleOrMissing(db: Database, caller: Caller, id: string): Promise<Template> {
  const found = await getVisibleTemplate(db, caller.team.id, caller.agent.id, id);
  if (!found) throw notFound('Template');
  return found;
}

export async function createLibraryTemplate(db: Database, caller: Caller, input: TemplateInput): Promise<TemplateSaved> {
  assertMayWrite(caller, input.scope, caller.agent.id);
  const template = await createTemplate(db, caller.team.id, {
    scope: input.scope,
    ownerId: caller.agent.id,
    title: input.title,
    body: input.body,
    language: input.language,
    marketplaces: input.marketplaces,
    pageKinds: input.pageKinds,
    ...(input.shortcut ? { shortcut: input.shortcut } : {}),
  });
  return { template, warnings: lintFor(template) };
}

export async function updateLibraryTemplate(
  db: Database,
  caller: Caller,
  id: string,
  input: TemplateInput & { expectedVersion: number },
): Promise<TemplateSaved> {
  const current = await visibleOrMissing(db, caller, id);
  assertMayWrite(caller, current.scope, current.ownerId);
  // Moving a template between scopes needs the right to write it in its new scope as well.
  assertMayWrite(caller, input.scope, current.ownerId);
  const outcome = await saveTemplateVersion(
    db,
    caller.team.id,
    id,
    input.expectedVersion,
    {
      scope: input.scope,
      title: input.title,
      body: input.body,
      language: input.language,
      marketplaces: input.marketplaces,
      pageKinds: input.pageKinds,
      shortcut: input.shortcut ?? null,
    },
    caller.agent.id,
  );
  if (!outcome) throw notFound('Template');
  if ('conflict' in outcome) {
    throw new HttpError(
      'version_conflict',
      `"${outcome.conflict.title}" was saved by someone else (you edited version ${input.expectedVersion}, the current one is ${outcome.conflict.version}). Your text was not saved.`,
      'body.expectedVersion',
      { current: outcome.conflict },
    );
  }
  return { template: outcome.saved, warnings: lintFor(outcome.saved) };
}

export async function archiveLibraryTemplate(db: Database, caller: Caller, id: string, archived: boolean): Promise<Template> {
  const current = await visibleOrMissing(db, caller, id);
  assertMayWrite(caller, current.scope, current.ownerId);
  const updated = await setTemplateArchived(db, caller.team.id, id, archived);
  if (!updated) throw notFound('Template');
  return updated;
}

/** The current version first, then every earlier one. */
export async function templateVersions(db: Database, caller: Caller, id: string): Promise<TemplateVersionList> {
  const current = await visibleOrMissing(db, caller, id);
  const [author, earlier] = await Promise.all([currentAuthorName(db, caller.team.id, id), listEarlierVersions(db, caller.team.id, id)]);
  return { versions: [{ version: current.version, title: current.title, body: current.body, updatedAt: current.updatedAt, updatedBy: author }, ...earlier] };
}

const DAY_MS = 86_400_000;

export async function templateUsage(db: Database, teamId: string, days: number, now = new Date()): Promise<TemplateUsageReport> {
  const from = new Date(now.getTime() - days * DAY_MS);
  const [templates, usage] = await Promise.all([listTeamTemplates(db, teamId), templateUsageSince(db, teamId, from)]);
  const entries = templates.map((t) => {
    const counts = usage.counts.find((c) => c.templateId === t.id);
    const caseStatus = { open: 0, waiting: 0, resolved: 0, closed: 0 };
    for (const s of usage.statuses) if (s.templateId === t.id) caseStatus[s.status] += s.cases;
    const decisionsAfter = { hold: 0, release: 0, fraud: 0 };
    for (const d of usage.decisions) if (d.templateId === t.id) decisionsAfter[d.kind] += d.decisions;
    return {
      templateId: t.id,
      title: t.title,
      scope: t.scope,
      archived: t.archived,
      insertions: counts?.insertions ?? 0,
      cases: counts?.cases ?? 0,
      lastInsertedAt: counts?.lastInsertedAt.toISOString() ?? null,
      caseStatus,
      decisionsAfter,
    };
  });
  entries.sort((a, b) => b.insertions - a.insertions || a.title.localeCompare(b.title));
  return { days, from: from.toISOString(), templates: entries };
}
