import * as z from 'zod/mini';
import { DecisionKind, Instant } from './fields';

/**
 * TabPush (utils/messaging.ts): what the worker pushes to an open panel, in zod/mini for the panel
 * script's port listener. The same checks as the classic union; see fields.ts.
 */
const CaseEvent = z.strictObject({
  id: z.uuid(),
  caseId: z.uuid(),
  orderId: z.nullable(z.string()),
  type: z.enum(['note', 'decision', 'template_inserted', 'status', 'sla', 'created', 'handoff', 'handoff_answer']),
  agentId: z.nullable(z.uuid()),
  agentName: z.nullable(z.string()),
  text: z.string(),
  decision: z.optional(DecisionKind),
  data: z._default(z.record(z.string(), z.unknown()), {}),
  createdAt: Instant,
});

const LiveEvent = z.strictObject({ type: z.literal('case-event'), orderId: z.nullable(z.string()), caseId: z.uuid(), event: CaseEvent });

const nonNegativeInt = () => z.number().check(z.int(), z.nonnegative());

const SyncStatus = z.strictObject({
  signedIn: z.boolean(),
  online: z.boolean(),
  pending: nonNegativeInt(),
  failed: nonNegativeInt(),
  heldForOthers: z.optional(z.number().check(z.int(), z.positive())),
  agentName: z.optional(z.string()),
  backendUrl: z.optional(z.string()),
  lastError: z.optional(z.string()),
});

export const TabPush = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('push:live'), event: LiveEvent }),
  z.strictObject({ type: z.literal('push:sync'), status: SyncStatus }),
  z.strictObject({ type: z.literal('push:resync') }),
]);
