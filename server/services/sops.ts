import { containsHtml, parseMarkdown, type Block, type Inline } from '../../utils/sops/markdown';
import { pickBody, rankSops } from '../../utils/sops/match';
import { Language } from '../../utils/schemas/common';
import type {
  MatchedSop,
  Sop,
  SopInput,
  SopMatchQuery,
  SopMatchResult,
  SopProposal,
  SopProposalBody,
  SopReport,
  SopSaved,
  SopUpdate,
  SopWarning,
} from '../../utils/schemas/sops';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import {
  decideProposal,
  disputeReasonsOfOrder,
  getProposal,
  getSop,
  insertProposal,
  insertSop,
  listProposals,
  listSops,
  markSopReviewed,
  recordView,
  saveSopVersion,
  sopReportSince,
} from '../repositories/sops';
import type { Caller } from '../repositories/tokens';
import { clientTime, keyReusedConflict } from './idempotent-event';

const LANGUAGES = Language.options;

/**
 * SOPs: leads write and version them; the panel asks which fit the case in front of the agent; agents
 * propose changes, leads accept them into a new version or reject them; views feed the reports.
 */

function hasUnsafeLink(nodes: readonly Inline[]): boolean {
  return nodes.some((n) => (n.type === 'link' ? !n.safe : n.type === 'strong' || n.type === 'em' ? hasUnsafeLink(n.children) : false));
}

function blockInlines(block: Block): Inline[][] {
  return block.type === 'list' ? block.items : [block.children];
}

/** What the editor should know before publishing: raw HTML and non-http(s) links show as text. */
export function sopWarnings(bodies: Sop['bodies']): SopWarning[] {
  const out: SopWarning[] = [];
  for (const language of LANGUAGES) {
    const body = bodies[language];
    if (!body) continue;
    if (containsHtml(body)) out.push({ language, rule: 'html', message: 'HTML in the text is shown as typed, not as formatting.' });
    if (parseMarkdown(body).some((b) => blockInlines(b).some(hasUnsafeLink)))
      out.push({ language, rule: 'unsafe-link', message: 'Only http and https links become links; others are shown as text.' });
  }
  return out;
}

const conflict = (current: Sop, edited: number) =>
  new HttpError(
    'version_conflict',
    `"${current.title}" was saved by someone else (you edited version ${edited}, the current one is ${current.version}). Your text was not saved.`,
    'body.expectedVersion',
    { current },
  );

async function existing(db: Database, teamId: string, id: string): Promise<Sop> {
  const sop = await getSop(db, teamId, id);
  if (!sop) throw notFound('SOP');
  return sop;
}

export async function createSop(db: Database, caller: Caller, input: SopInput): Promise<SopSaved> {
  const id = await insertSop(db, caller.team.id, input, caller.agent.id);
  const sop = await existing(db, caller.team.id, id);
  return { sop, warnings: sopWarnings(sop.bodies) };
}

export async function updateSop(db: Database, caller: Caller, id: string, input: SopUpdate): Promise<SopSaved> {
  const { expectedVersion, ...change } = input;
  const outcome = await saveSopVersion(db, caller.team.id, id, expectedVersion, change, caller.agent.id);
  if (!outcome) throw notFound('SOP');
  const sop = await existing(db, caller.team.id, id);
  if (outcome === 'conflict') throw conflict(sop, expectedVersion);
  return { sop, warnings: sopWarnings(sop.bodies) };
}

export async function reviewSop(db: Database, caller: Caller, id: string, expectedVersion: number): Promise<Sop> {
  const outcome = await markSopReviewed(db, caller.team.id, id, expectedVersion);
  if (!outcome) throw notFound('SOP');
  const sop = await existing(db, caller.team.id, id);
  if (outcome === 'conflict') throw conflict(sop, expectedVersion);
  return sop;
}

/** The SOPs that fit the case, each in the agent's language when it has one, plus the agent's own proposals on them. */
export async function matchSops(db: Database, caller: Caller, query: SopMatchQuery): Promise<SopMatchResult> {
  const [all, stored] = await Promise.all([
    listSops(db, caller.team.id, false),
    query.orderId ? disputeReasonsOfOrder(db, caller.team.id, query.orderId) : Promise.resolve([]),
  ]);
  const ranked = rankSops(all, {
    portal: query.portal,
    pageKind: query.pageKind,
    ...(query.caseKind ? { caseKind: query.caseKind } : {}),
    disputeReasons: [...query.disputeReasons, ...stored],
    fraudIndicators: query.fraudIndicators,
  });
  const sops: MatchedSop[] = [];
  for (const { item, matched } of ranked) {
    const picked = pickBody(item, query.language);
    if (!picked) continue;
    sops.push({
      id: item.id,
      title: item.title,
      version: item.version,
      language: picked.language,
      fallback: picked.fallback,
      languages: LANGUAGES.filter((l) => Boolean(item.bodies[l])),
      body: picked.body,
      reviewedAt: item.reviewedAt,
      matched,
    });
  }
  const myProposals = await listProposals(db, caller.team.id, { authorId: caller.agent.id, sopIds: sops.map((s) => s.id) }, 20);
  return { sops, myProposals };
}

export async function recordSopView(
  db: Database,
  caller: Caller,
  sopId: string,
  body: { orderId?: string | undefined; caseKind?: string | undefined; at?: string | undefined },
): Promise<{ recorded: boolean }> {
  await existing(db, caller.team.id, sopId);
  const at = clientTime(body.at, new Date());
  const recorded = await recordView(db, caller.team.id, {
    sopId,
    agentId: caller.agent.id,
    caseRef: body.orderId ?? '-',
    caseKind: body.caseKind ?? 'none',
    at,
  });
  return { recorded };
}

export async function proposeSopChange(
  db: Database,
  caller: Caller,
  sopId: string,
  body: SopProposalBody,
): Promise<{ replayed: boolean; result: SopProposal }> {
  const sop = await existing(db, caller.team.id, sopId);
  if (sop.archived) throw new HttpError('conflict', 'This SOP is archived; it takes no proposals.', 'params.id');
  const outcome = await insertProposal(db, caller.team.id, {
    sopId,
    authorId: caller.agent.id,
    language: body.language,
    baseVersion: body.baseVersion,
    body: body.body,
    note: body.note,
    idempotencyKey: body.idempotencyKey,
    createdAt: clientTime(body.at, new Date()),
  });
  if (!outcome.sameWrite) throw keyReusedConflict();
  return { replayed: outcome.replayed, result: (await getProposal(db, caller.team.id, outcome.id))! };
}

export function pendingProposals(db: Database, teamId: string, status: SopProposal['status'] | undefined) {
  return listProposals(db, teamId, status ? { status } : {});
}

/**
 * Accepting puts the proposed body into the SOP's language as a new version (the lead's edits since the
 * proposal's base stay in the other languages); rejecting only records the outcome. Either way the author
 * sees it beside the SOP in the panel.
 */
export async function decideSopProposal(db: Database, caller: Caller, id: string, decision: 'accept' | 'reject'): Promise<{ proposal: SopProposal; sop: Sop }> {
  const proposal = await getProposal(db, caller.team.id, id);
  if (!proposal) throw notFound('Proposal');
  if (proposal.status !== 'pending') throw new HttpError('conflict', `This proposal was already ${proposal.status}.`, 'params.id', { current: proposal });
  const sop = await existing(db, caller.team.id, proposal.sopId);
  if (decision === 'reject') {
    if (!(await decideProposal(db, caller.team.id, id, { status: 'rejected', by: caller.agent.id })))
      throw new HttpError('conflict', 'Someone decided this proposal first.', 'params.id');
    return { proposal: (await getProposal(db, caller.team.id, id))!, sop };
  }
  const saved = await saveSopVersion(
    db,
    caller.team.id,
    sop.id,
    sop.version,
    { title: sop.title, defaultLanguage: sop.defaultLanguage, tags: sop.tags, bodies: { ...sop.bodies, [proposal.language]: proposal.body } },
    caller.agent.id,
  );
  if (saved !== 'saved') throw new HttpError('conflict', 'The SOP changed while accepting; try again.', 'params.id');
  await decideProposal(db, caller.team.id, id, { status: 'accepted', by: caller.agent.id, acceptedVersion: sop.version + 1 });
  return { proposal: (await getProposal(db, caller.team.id, id))!, sop: await existing(db, caller.team.id, sop.id) };
}

const DAY_MS = 86_400_000;

export async function sopReport(
  db: Database,
  teamId: string,
  range: { days: number; from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Promise<SopReport> {
  const to = range.to ? new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS) : now;
  const from = range.from ? new Date(`${range.from}T00:00:00Z`) : new Date(to.getTime() - range.days * DAY_MS);
  const days = Math.max(1, Math.round((to.getTime() - from.getTime()) / DAY_MS));
  const [data, all] = await Promise.all([sopReportSince(db, teamId, from, to), listSops(db, teamId, true)]);
  const count = (status: string) => data.proposals.find((p) => p.status === status)?.n ?? 0;
  const bySop = all
    .map((s) => ({
      sopId: s.id,
      title: s.title,
      views: data.views.find((v) => v.sopId === s.id)?.n ?? 0,
      accepted: data.accepted.find((a) => a.sopId === s.id)?.n ?? 0,
    }))
    .filter((s) => s.views > 0 || s.accepted > 0)
    .sort((a, b) => b.views - a.views || a.title.localeCompare(b.title));
  return {
    days,
    since: from.toISOString(),
    until: to.toISOString(),
    viewsByCaseKind: data.byKind,
    proposals: {
      submitted: count('pending') + count('accepted') + count('rejected'),
      accepted: data.accepted.reduce((sum, a) => sum + a.n, 0),
      rejected: count('rejected'),
      pending: count('pending'),
    },
    bySop,
  };
}
