/**
 * The disputes engine: pure TypeScript shared by the backend and the panel. Deadlines are the SLA
 * engine's (utils/sla/); everything here takes them as input.
 */
export { classifyReason, networkFromCode, reasonFromText, REASON_LABELS } from './reasons';
export { ce3Eligibility, CE3_RULES, type Ce3Result, type DisputedTransaction } from './ce3';
export { buildChecklist, type ChecklistInput } from './checklist';
export { EVIDENCE_BY_REASON, EVIDENCE_DEFINITIONS, type StandardEvidenceKey } from './evidence-catalogue';
export { evidenceStrength, recommendAction, winChance, EVIDENCE_WEIGHTS, RECOMMEND_TUNING, type RecommendInput } from './recommend';
export { buildTimeline, type TimelineEntry } from './timeline';
export { DEFAULT_DEFENCE_TEMPLATES, defaultDefenceTemplate, fillTemplate } from './templates';
export { buildDefence, DEFAULT_MAX_TEXT_LENGTH, type DefenceInput } from './defence';
export { renderDefencePdf, type DefencePdfOptions } from './pdf';
export type { CaseEventLike, DisputeHistory, DisputeLike, HistoryMessage, HistoryRefund, ProvidedEvidence } from './case-history';
