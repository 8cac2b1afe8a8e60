import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './db/open';
import { createAgent } from './repositories/agents';
import { recordAudit } from './repositories/audit';
import { createTeam, findTeamByName } from './repositories/teams';
import { insertToken } from './repositories/tokens';

/** What `npm run setup` asks for: a team and its first lead. Same limits as the API's own. */
export const SetupInput = z.strictObject({
  team: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  lead: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  email: z.email('must be an e-mail address').max(200).optional(),
});
export type SetupInput = z.infer<typeof SetupInput>;

export class SetupError extends Error {
  override name = 'SetupError';
}

/** Any fixed number: two set-ups of the same team name at once must not both create it. */
const SETUP_LOCK_KEY = 7_412_003;

/**
 * Creates a team and its first lead with a fresh random token (stored hashed; the secret is returned
 * once and never again). The only way to start a real team: the demo's tokens are public.
 */
export async function setUpTeam(db: Database, input: SetupInput): Promise<{ teamId: string; leadId: string; token: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if (await findTeamByName(tx, input.team)) throw new SetupError(`A team named "${input.team}" already exists; a lead of it can add agents and tokens.`);
    const team = await createTeam(tx, input.team);
    const lead = await createAgent(tx, team.id, { name: input.lead, email: input.email, role: 'lead' });
    const { token, info } = await insertToken(tx, { teamId: team.id, agentId: lead.id, label: 'set-up' });
    await recordAudit(tx, {
      teamId: team.id,
      actorId: null,
      action: 'agent.created',
      targetType: 'agent',
      targetId: lead.id,
      details: { name: lead.name, role: 'lead', by: 'setup' },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId: null,
      action: 'token.created',
      targetType: 'token',
      targetId: info.id,
      details: { agentId: lead.id, label: info.label, by: 'setup' },
    });
    return { teamId: team.id, leadId: lead.id, token };
  });
}
