import { TeamSettingsView } from '../../utils/schemas/admin';
import type { Database } from '../db/open';
import { getSettingsDocument, updateSettingsDocument } from '../repositories/settings';

/** What a team that never changed its settings gets: SLA defaults match utils/sla/policies.ts. */
export const DEFAULT_TEAM_SETTINGS: TeamSettingsView = { retentionDays: null, defaultLanguage: 'en', notifyLeadMinutes: 60, warningFraction: 0.25 };

/** The lead-editable general settings; each value that is missing or malformed reads as its default. */
export async function getTeamSettingsView(db: Database, teamId: string): Promise<TeamSettingsView> {
  const doc = await getSettingsDocument(db, teamId);
  const view = { ...DEFAULT_TEAM_SETTINGS };
  for (const key of Object.keys(view) as Array<keyof TeamSettingsView>) {
    const parsed = TeamSettingsView.shape[key].safeParse(doc[key]);
    if (doc[key] !== undefined && parsed.success) (view as Record<string, unknown>)[key] = parsed.data;
  }
  return view;
}

/**
 * Saves the general settings; other keys of the document (matrix, policies) are untouched. No
 * retention period is stored as an absent key, which services/settings.ts reads as "keep".
 */
export async function saveTeamSettings(db: Database, teamId: string, input: TeamSettingsView): Promise<TeamSettingsView> {
  const { retentionDays, ...rest } = input;
  await db.transaction(async (tx) => {
    await updateSettingsDocument(tx, teamId, retentionDays === null ? rest : { ...rest, retentionDays }, retentionDays === null ? ['retentionDays'] : []);
  });
  return getTeamSettingsView(db, teamId);
}
