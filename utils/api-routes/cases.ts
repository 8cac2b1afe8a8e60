import { z } from 'zod';
import { SlaActionBody, SlaActionResult, TemplateInsertionBody, TemplateInsertionResult } from '../schemas/admin';
import {
  AddNoteBody,
  CaseEventList,
  CaseList,
  CaseStatusBody,
  CaseStatusResult,
  DecisionResult,
  NoteResult,
  PanelData,
  PanelRequest,
  RecordDecisionBody,
} from '../schemas/api';
import { defineRoutes } from './types';

const IdParams = z.strictObject({ id: z.uuid() });

/** The outbox sends the idempotency key in the body and, optionally, as a header. */
export const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

/**
 * The panel: its load, case lookups, the live stream, and the outbox's replay-safe writes (201 when
 * written, 200 with the same body and `Idempotent-Replayed: true` on a replay; 409 when the key was used
 * for a different write).
 */
export const CASE_ROUTES = defineRoutes({
  'panel.load': {
    method: 'POST',
    path: '/v1/panel',
    summary: "Record the page in front of the agent and answer the panel's data",
    description: 'The order and its case, fraud score, case history, SLA clock, templates and (on dispute pages) the dispute.',
    body: PanelRequest,
    response: PanelData,
  },
  'cases.byOrder': {
    method: 'GET',
    path: '/v1/cases',
    summary: "An order's cases",
    query: z.strictObject({ orderId: z.string().trim().min(1).max(64) }),
    response: CaseList,
  },
  'cases.events': { method: 'GET', path: '/v1/cases/:id/events', summary: "A case's history", params: IdParams, response: CaseEventList },
  'notes.add': {
    method: 'POST',
    path: '/v1/notes',
    summary: "Add a note to an order's case (replay-safe)",
    headers: IdempotencyHeaders,
    body: AddNoteBody,
    response: NoteResult,
    success: [200, 201],
    errors: [409],
  },
  'decisions.record': {
    method: 'POST',
    path: '/v1/decisions',
    summary: 'Record a hold, release or fraud decision on an order (replay-safe)',
    headers: IdempotencyHeaders,
    body: RecordDecisionBody,
    response: DecisionResult,
    success: [200, 201],
    errors: [409],
  },
  'insertions.record': {
    method: 'POST',
    path: '/v1/template-insertions',
    summary: "Record that a template was inserted into the portal's reply box (replay-safe)",
    headers: IdempotencyHeaders,
    body: TemplateInsertionBody,
    response: TemplateInsertionResult,
    success: [200, 201],
    errors: [409],
  },
  'cases.status': {
    method: 'POST',
    path: '/v1/cases/:id/status',
    summary: "Change a case's status (replay-safe)",
    params: IdParams,
    headers: IdempotencyHeaders,
    body: CaseStatusBody,
    response: CaseStatusResult,
    success: [200, 201],
    errors: [409],
  },
  'cases.sla': {
    method: 'POST',
    path: '/v1/cases/:id/sla',
    summary: "Pause or resume a case's SLA clock, or mark it as needing no response (replay-safe)",
    params: IdParams,
    headers: IdempotencyHeaders,
    body: SlaActionBody,
    response: SlaActionResult,
    success: [200, 201],
    errors: [409],
  },
  'stream.open': {
    method: 'GET',
    path: '/v1/stream',
    summary: "Server-sent events of the caller team's case events",
    produces: 'text/event-stream',
  },
});
