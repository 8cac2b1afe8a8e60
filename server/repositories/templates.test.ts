import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { templateVersions } from '../db/schema';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam, type TestTeam } from '../../tests/server/harness';
import { createTemplate, listUsableTemplates, saveTemplateVersion } from './templates';

describe.each(testDatabases())('templates repository on $kind', (target) => {
  let db: Database;
  let team: TestTeam;
  let other: TestTeam;

  beforeAll(async () => {
    db = (await target.open()).db;
    team = await createTestTeam(db, 'Tpl');
    other = await createTestTeam(db, 'Other');
  });
  afterAll(async () => target.dispose());

  it('keeps every earlier body when a template is revised, within the team only', async () => {
    const created = await createTemplate(db, team.teamId, { scope: 'team', ownerId: team.lead.id, title: 'Hello', body: 'v1 body', language: 'en' });
    const change = { scope: 'team' as const, title: 'Hello!', body: 'v2 body', language: 'en' as const, marketplaces: [], pageKinds: [], shortcut: null };
    const revised = await saveTemplateVersion(db, team.teamId, created.id, 1, change, team.lead.id);
    expect(revised && 'saved' in revised && revised.saved).toMatchObject({ version: 2, body: 'v2 body', title: 'Hello!' });
    const versions = await db.select().from(templateVersions);
    expect(versions.filter((v) => v.templateId === created.id).map((v) => [v.version, v.body])).toEqual([[1, 'v1 body']]);
    expect(await saveTemplateVersion(db, other.teamId, created.id, 2, { ...change, title: 'x', body: 'x' }, other.lead.id)).toBeUndefined();
  });

  it("offers the team's templates and the caller's own personal ones", async () => {
    await createTemplate(db, team.teamId, { scope: 'personal', ownerId: team.agent.id, title: 'Mine', body: 'b', language: 'de' });
    await createTemplate(db, team.teamId, { scope: 'personal', ownerId: team.lead.id, title: 'Lead only', body: 'b', language: 'de' });
    const forAgent = (await listUsableTemplates(db, team.teamId, team.agent.id)).map((t) => t.title);
    expect(forAgent).toEqual(expect.arrayContaining(['Hello!', 'Mine']));
    expect(forAgent).not.toContain('Lead only');
    expect(await listUsableTemplates(db, other.teamId, other.agent.id)).toEqual([]);
  });
});
