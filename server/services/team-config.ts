import { DEFAULT_MATRIX, validateMatrix } from '../../utils/fraud/matrix';
import type { FraudMatrixView, SlaPoliciesSaved, SlaPoliciesView } from '../../utils/schemas/admin';
import type { FraudMatrix } from '../../utils/schemas/fraud';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import { operatorOf, shouldRecompute, validatePolicySet } from '../../utils/sla/policies';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { listOpenClocksBefore, updateCaseClock } from '../repositories/case-clocks';
import { findConfigVersion, insertConfigVersion, type ConfigKind } from '../repositories/config-versions';
import { lockSettingsDocument, mergeSettingsDocument } from '../repositories/settings';
import type { Caller } from '../repositories/tokens';
import { rankingOf, termsUnder } from './case-clock';
import { teamMatrix, teamPolicies } from './insights';
import { loadTeamSettings, TeamSettings } from './settings';

/**
 * The team's fraud matrix and SLA policy set: versioned documents edited by leads. The settings document
 * holds the current one (what the panel scores with); config_versions keeps every saved version with its
 * author. A save names the version it was based on; if someone saved since, it is refused with the
 * current version so the lead's draft can be compared, not lost.
 */

type ValidationError = { path: string; message: string };

function invalid(code: 'invalid_matrix' | 'invalid_policies', what: string, errors: ValidationError[]): HttpError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new HttpError(
    code,
    `The ${what} is not valid: ${first.message}${more}.`,
    `body.${code === 'invalid_matrix' ? 'matrix' : 'policies'}.${first.path}`.replace(/\.$/, ''),
    { errors },
  );
}

/** The server owns the version number: whatever the client sent there is replaced. */
function withVersion(document: unknown, version: number): unknown {
  return document !== null && typeof document === 'object' && !Array.isArray(document) ? { ...document, version } : document;
}

async function authorship(db: Database, teamId: string, kind: ConfigKind, version: number) {
  const saved = await findConfigVersion(db, teamId, kind, version);
  return { updatedAt: saved?.createdAt.toISOString() ?? null, updatedBy: saved?.createdByName ?? null };
}

function storedMatrix(settings: TeamSettings): { matrix: FraudMatrix; version: number } {
  const matrix = teamMatrix(settings);
  // A team that never saved a matrix is on the engine's default: version 0, so the first save is 1.
  return matrix === DEFAULT_MATRIX ? { matrix, version: 0 } : { matrix, version: matrix.version };
}

export async function getFraudMatrixView(db: Database, teamId: string): Promise<FraudMatrixView> {
  const { matrix, version } = storedMatrix(await loadTeamSettings(db, teamId));
  return { matrix, version, ...(version === 0 ? { updatedAt: null, updatedBy: null } : await authorship(db, teamId, 'fraud_matrix', version)) };
}

/** Checks a proposed matrix as the save would; throws 400 invalid_matrix naming the first problem. */
export function checkProposedMatrix(document: unknown, version: number): FraudMatrix {
  const checked = validateMatrix(withVersion(document, Math.max(1, version)));
  if (!checked.ok) throw invalid('invalid_matrix', 'fraud matrix', checked.errors);
  return checked.matrix;
}

export async function saveFraudMatrix(db: Database, caller: Caller, document: unknown, expectedVersion: number, now = new Date()): Promise<FraudMatrixView> {
  const teamId = caller.team.id;
  const matrix = checkProposedMatrix(document, expectedVersion + 1);
  await db.transaction(async (tx) => {
    const current = storedMatrix(TeamSettings.catch({}).parse(await lockSettingsDocument(tx, teamId)));
    if (current.version !== expectedVersion) throw await conflict(tx, teamId, 'fraud matrix', expectedVersion, current.version);
    const claimed = await insertConfigVersion(tx, teamId, {
      kind: 'fraud_matrix',
      version: matrix.version,
      document: matrix,
      createdBy: caller.agent.id,
      createdAt: now,
    });
    if (!claimed) throw await conflict(tx, teamId, 'fraud matrix', expectedVersion, matrix.version);
    await mergeSettingsDocument(tx, teamId, { fraudMatrix: matrix });
  });
  return getFraudMatrixView(db, teamId);
}

async function conflict(db: Database, teamId: string, what: 'fraud matrix' | 'SLA policy set', expected: number, found: number): Promise<HttpError> {
  const current = what === 'fraud matrix' ? await getFraudMatrixView(db, teamId) : await getSlaPoliciesView(db, teamId);
  return new HttpError(
    'version_conflict',
    `The ${what} was changed by someone else (you edited version ${expected}, the current one is ${Math.max(found, current.version)}). Your changes were not saved.`,
    'body.expectedVersion',
    { current },
  );
}

function storedPolicies(settings: TeamSettings): SlaPolicySet {
  return teamPolicies(settings);
}

export async function getSlaPoliciesView(db: Database, teamId: string): Promise<SlaPoliciesView> {
  const settings = await loadTeamSettings(db, teamId);
  const policies = storedPolicies(settings);
  const saved = settings.slaPolicies === undefined ? undefined : await authorship(db, teamId, 'sla_policies', policies.version);
  return { policies, version: policies.version, updatedAt: saved?.updatedAt ?? null, updatedBy: saved?.updatedBy ?? null };
}

/**
 * Saves a new policy version. Open cases keep the terms they started under, unless the lead applies the
 * change to them: then their deadlines are recomputed (from the same start and pauses) in the same
 * transaction, and counted.
 */
export async function saveSlaPolicies(
  db: Database,
  caller: Caller,
  body: { policies: unknown; expectedVersion: number; applyToOpenCases: boolean },
  now = new Date(),
): Promise<SlaPoliciesSaved> {
  const teamId = caller.team.id;
  const checked = validatePolicySet(withVersion(body.policies, body.expectedVersion + 1));
  if (!checked.ok) throw invalid('invalid_policies', 'SLA policy set', checked.errors);
  const policySet = checked.policySet;
  const recomputedCases = await db.transaction(async (tx) => {
    const current = storedPolicies(TeamSettings.catch({}).parse(await lockSettingsDocument(tx, teamId)));
    if (current.version !== body.expectedVersion) throw await conflict(tx, teamId, 'SLA policy set', body.expectedVersion, current.version);
    const claimed = await insertConfigVersion(tx, teamId, {
      kind: 'sla_policies',
      version: policySet.version,
      document: policySet,
      createdBy: caller.agent.id,
      createdAt: now,
    });
    if (!claimed) throw await conflict(tx, teamId, 'SLA policy set', body.expectedVersion, policySet.version);
    await mergeSettingsDocument(tx, teamId, { slaPolicies: policySet });
    if (!body.applyToOpenCases) return 0;
    let count = 0;
    for (const { clock, portal, marketplace } of await listOpenClocksBefore(tx, teamId, policySet.version)) {
      if (!shouldRecompute(clock, policySet.version, { applyToOpenCases: true })) continue;
      const terms = termsUnder(policySet, clock.caseKind, operatorOf(portal, marketplace));
      // A clock kind the new set no longer covers keeps its old terms rather than vanishing from the queue.
      if (!terms) continue;
      await updateCaseClock(tx, teamId, clock.caseId, { ...terms, ...rankingOf({ ...clock, ...terms }, now) });
      count += 1;
    }
    return count;
  });
  return { ...(await getSlaPoliciesView(db, teamId)), recomputedCases };
}
