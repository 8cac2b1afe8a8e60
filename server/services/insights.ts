import type { CaseRecord } from '../../utils/schemas/api';
import type { FraudScore } from '../../utils/schemas/fraud';
import type { PageContext } from '../../utils/schemas/page';
import type { SlaSnapshot } from '../../utils/schemas/sla';
import type { Template } from '../../utils/schemas/templates';
import type { Database } from '../db/open';
import type { OrderRow } from '../repositories/orders';
import type { TeamSettings } from './settings';

export interface InsightInput {
  ctx: PageContext;
  order: OrderRow | undefined;
  caseRecord: CaseRecord;
  settings: TeamSettings;
  templates: Template[];
  now: Date;
}

export interface Insights {
  fraud: FraudScore | null;
  sla: SlaSnapshot | null;
  templates: Template[];
}

/** Fraud score, SLA clock and ranked templates for the panel (engines wired in separately). */
export async function buildInsights(_db: Database, _teamId: string, input: InsightInput): Promise<Insights> {
  return { fraud: null, sla: null, templates: input.templates };
}
