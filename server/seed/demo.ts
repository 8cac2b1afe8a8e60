import { sql } from 'drizzle-orm';
import { PageContext } from '../../utils/schemas/page';
import type { Agent } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { createAgent } from '../repositories/agents';
import { mergeSettingsDocument } from '../repositories/settings';
import { createTeam, findTeamByName } from '../repositories/teams';
import { createTemplate } from '../repositories/templates';
import { insertToken, type Caller } from '../repositories/tokens';
import { addNote, recordDecision } from '../services/case-writes';
import { loadPanel } from '../services/panel';
import { SEED_SAVED_NOW, shiftFor, shiftInstants, type DemoNow } from './demo-clock';
import { seedDemoDisputes } from './demo-disputes';
import { seedDemoReports } from './demo-reports';
import { DEMO_AGENTS, DEMO_DECISIONS, DEMO_NOTES, DEMO_PAGES, DEMO_SETTINGS, DEMO_TEAM, DEMO_TEMPLATES, type DemoAgentKey } from './demo-data';

/** Any fixed number: two instances starting with --demo on one database take turns. */
const SEED_LOCK_KEY = 7_412_002;

export interface SeedResult {
  created: boolean;
  teamId: string;
}

/**
 * Creates the demo team (see demo-data.ts) unless it exists; running it again changes nothing. The demo
 * tokens are stored hashed like any other; only this function knows them, and it runs only with --demo.
 */
export async function seedDemo(db: Database, opts: { now?: DemoNow } = {}): Promise<SeedResult> {
  // A live demo moves every seeded instant so the team's history ends just before the start.
  const shift = shiftFor(opts.now, SEED_SAVED_NOW);
  const pages = shiftInstants(DEMO_PAGES, shift);
  const notes = shiftInstants(DEMO_NOTES, shift);
  const decisions = shiftInstants(DEMO_DECISIONS, shift);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = await findTeamByName(tx, DEMO_TEAM);
    if (existing) {
      await seedDemoDisputes(tx, existing.id, opts.now); // idempotent: also reaches data dirs seeded before disputes existed
      await seedDemoReports(tx, existing.id); // idempotent, like the disputes
      return { created: false, teamId: existing.id };
    }

    const team = await createTeam(tx, DEMO_TEAM);
    await mergeSettingsDocument(tx, team.id, DEMO_SETTINGS);
    const agents = new Map<DemoAgentKey, Agent>();
    for (const spec of DEMO_AGENTS) {
      const agent = await createAgent(tx, team.id, { name: spec.name, email: spec.email, role: spec.role });
      agents.set(spec.key, agent);
      if (spec.token) await insertToken(tx, { teamId: team.id, agentId: agent.id, label: 'demo', token: spec.token });
    }
    const callerFor = (key: DemoAgentKey): Caller => ({ tokenId: 'demo-seed', agent: agents.get(key)!, team });

    for (const page of pages) {
      await loadPanel(tx, callerFor(page.by), PageContext.parse(page.context), new Date(page.seenAt));
    }
    for (const note of notes) {
      await addNote(tx, callerFor(note.by), { orderId: note.orderId, text: note.text, idempotencyKey: note.key, at: note.at }, new Date(note.at));
    }
    for (const d of decisions) {
      const body = {
        orderId: d.orderId,
        decision: d.decision,
        reason: d.reason,
        idempotencyKey: d.key,
        at: d.at,
        ...(d.score === undefined ? {} : { score: d.score }),
      };
      await recordDecision(tx, callerFor(d.by), body, new Date(d.at));
    }
    for (const { owner, ...template } of DEMO_TEMPLATES) {
      await createTemplate(tx, team.id, { ...template, ownerId: agents.get(owner)!.id });
    }
    await seedDemoDisputes(tx, team.id, opts.now);
    await seedDemoReports(tx, team.id);
    return { created: true, teamId: team.id };
  });
}
