import type { z } from 'zod';
import { apiRequest } from './api-request';
import type { HandlerMap } from './define';
import {
  disputeAttach,
  disputeDefencePdf,
  disputeDefenceText,
  disputeEvidence,
  disputeLoad,
  disputeStatus,
  disputeStripeEvidence,
  disputeAdyenDefence,
  disputeSubmit,
} from './disputes';
import { inboxOpen, optionsOpen } from './options-open';
import { outboxDiscard, outboxProblems, outboxResend } from './outbox';
import { panelCached, panelLoad } from './panel';
import { panelInject, panelSection } from './panel-inject';
import { signIn, signOut, statusGet } from './session';
import { caseSla, caseStatus, decisionRecord, noteAdd, templateInserted } from './writes';
import { handoffCreate, handoffList, handoffTeams } from './handoffs';
import { hostsAdd, hostsList, hostsRemove } from './team-hosts';
import { sopMatch, sopPropose, sopViewed } from './sops';

/** Every message type the worker answers, and its one handler (see define.ts). */
export const handlers = {
  'panel:cached': panelCached,
  'panel:load': panelLoad,
  'panel:inject': panelInject,
  'panel:section': panelSection,
  'decision:record': decisionRecord,
  'note:add': noteAdd,
  'template:inserted': templateInserted,
  'case:status': caseStatus,
  'case:sla': caseSla,
  'status:get': statusGet,
  'options:open': optionsOpen,
  'inbox:open': inboxOpen,
  'dispute:load': disputeLoad,
  'dispute:evidence': disputeEvidence,
  'dispute:attach': disputeAttach,
  'dispute:defencePdf': disputeDefencePdf,
  'dispute:status': disputeStatus,
  'dispute:stripeEvidence': disputeStripeEvidence,
  'dispute:adyenDefence': disputeAdyenDefence,
  'dispute:submit': disputeSubmit,
  'dispute:defenceText': disputeDefenceText,
  'outbox:problems': outboxProblems,
  'outbox:resend': outboxResend,
  'outbox:discard': outboxDiscard,
  'auth:signIn': signIn,
  'auth:signOut': signOut,
  'api:request': apiRequest,
  'handoff:teams': handoffTeams,
  'handoff:list': handoffList,
  'handoff:create': handoffCreate,
  'hosts:list': hostsList,
  'hosts:add': hostsAdd,
  'hosts:remove': hostsRemove,
  'sop:match': sopMatch,
  'sop:viewed': sopViewed,
  'sop:propose': sopPropose,
} as const satisfies HandlerMap;

/** What each request is answered with, read off its handler's reply schema. */
export type ResponseMap = { [K in keyof typeof handlers]: z.output<(typeof handlers)[K]['reply']> };
