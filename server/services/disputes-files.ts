import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES, type AttachmentBody, type AttachmentContentType, type DisputeView } from '../../utils/api-routes/disputes';
import { buildDefence, buildTimeline, defaultDefenceTemplate, DEFAULT_DEFENCE_TEMPLATES } from '../../utils/disputes';
import { renderDefencePdfOffThread } from './pdf';
import { Language } from '../../utils/schemas/common';
import type { Defence, DefenceTemplate, DisputeReason } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { upsertEvidence } from '../repositories/disputes';
import { findDefenceTemplate, insertAttachment } from '../repositories/disputes-files';
import type { Caller } from '../repositories/tokens';
import { disputeFacts, disputeView, recordDisputeEvent, requireDispute } from './disputes';

/** Attachments (checked by their bytes, not only their declared type) and defence documents. */

const EXTENSIONS: Record<AttachmentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'log', 'csv'],
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The allowlisted type the bytes really are, or undefined. Plain text is UTF-8 without NULs or other controls. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return 'text/plain';
  } catch {
    // not UTF-8
  }
  return undefined;
}

/**
 * A filename safe to store and to send back in Content-Disposition: no path, no control characters,
 * Windows-reserved characters replaced, and an extension that matches the file's type.
 */
export function sanitiseFilename(raw: string, type: AttachmentContentType): string {
  const name = raw.normalize('NFC').trim();
  const bad = (why: string) => new HttpError('validation_failed', `body.filename: ${why}`, 'body.filename');
  if (/[\u0000-\u001f\u007f]/.test(name)) throw bad('control characters are not allowed.');
  if (/[/\\]/.test(name)) throw bad('a file name, not a path: "/" and "\\" are not allowed.');
  if (name === '' || name.startsWith('.')) throw bad('the name must not be empty or start with a dot.');
  const cleaned = name.replace(/[<>:"|?*;]/g, '_').replace(/\s+/g, ' ');
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(cleaned)?.[1]?.toLowerCase();
  if (!ext || !EXTENSIONS[type].includes(ext)) throw bad(`a ${type} file must end in .${EXTENSIONS[type].join(' or .')}.`);
  return cleaned.slice(-120);
}

export function decodeAttachment(body: AttachmentBody): { bytes: Buffer; filename: string } {
  const b64 = body.base64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new HttpError('validation_failed', 'body.base64: not valid base64.', 'body.base64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new HttpError('validation_failed', 'body.base64: the file is empty.', 'body.base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new HttpError(
      'validation_failed',
      `body.base64: the file has ${(bytes.length / 1048576).toFixed(1)} MB; at most ${MAX_ATTACHMENT_BYTES / 1048576} MB are accepted.`,
      'body.base64',
    );
  }
  const actual = sniffContentType(bytes);
  if (actual !== body.contentType) {
    const seen = actual ? `it is ${actual}` : 'it is none of PDF, PNG, JPEG, WebP or plain text';
    throw new HttpError('validation_failed', `body.contentType: the file's content does not match ${body.contentType}: ${seen}.`, 'body.contentType');
  }
  return { bytes, filename: sanitiseFilename(body.filename, body.contentType) };
}

export async function addAttachment(db: Database, caller: Caller, id: string, body: AttachmentBody, now = new Date()): Promise<DisputeView> {
  const teamId = caller.team.id;
  const row = await requireDispute(db, teamId, id);
  const { bytes, filename } = decodeAttachment(body);
  await db.transaction(async (tx) => {
    const meta = await insertAttachment(
      tx,
      teamId,
      row.id,
      {
        evidenceKey: body.evidenceKey ?? null,
        filename,
        contentType: body.contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        contentBase64: bytes.toString('base64'),
        agentId: caller.agent.id,
      },
      now,
    );
    if (body.evidenceKey) {
      await upsertEvidence(
        tx,
        teamId,
        row.id,
        { key: body.evidenceKey, label: null, value: `Attached file: ${filename}`, notApplicable: false, attachmentId: meta.id, agentId: caller.agent.id },
        now,
      );
    }
    await recordDisputeEvent(
      tx,
      caller,
      row,
      'note',
      `Dispute ${row.externalId}: file attached, ${filename}`,
      { attachmentId: meta.id, ...(body.evidenceKey ? { evidenceKey: body.evidenceKey } : {}) },
      now,
    );
  });
  return disputeView(db, teamId, await requireDispute(db, teamId, id), now);
}

/** The team's template for a reason and language, else the built-in one; `isDefault` tells which. */
export async function teamDefenceTemplate(
  db: Database,
  teamId: string,
  reason: DisputeReason,
  language: Language,
): Promise<{ template: DefenceTemplate; isDefault: boolean }> {
  const own = await findDefenceTemplate(db, teamId, reason, language);
  if (own) return { template: { reason, language, title: own.title, argument: own.argument, version: own.version }, isDefault: false };
  return { template: defaultDefenceTemplate(reason, language), isDefault: true };
}

/** The defence's language: the marketplace's when the team or the engine has an argument in it, else English. */
async function defenceLanguage(db: Database, teamId: string, reason: DisputeReason, marketplaceLanguage: string | undefined): Promise<Language> {
  const lang = Language.safeParse(marketplaceLanguage);
  if (!lang.success || lang.data === 'en') return 'en';
  if (DEFAULT_DEFENCE_TEMPLATES.some((t) => t.reason === reason && t.language === lang.data)) return lang.data;
  return (await findDefenceTemplate(db, teamId, reason, lang.data)) ? lang.data : 'en';
}

export async function buildDisputeDefence(
  db: Database,
  caller: Caller,
  id: string,
  opts: { maxLength?: number } = {},
): Promise<{ defence: Defence; filename: string; orderId: string }> {
  const teamId = caller.team.id;
  const row = await requireDispute(db, teamId, id);
  const { dispute, context, history, checklist } = await disputeFacts(db, teamId, row);
  const language = await defenceLanguage(db, teamId, dispute.reason, context?.marketplace?.language);
  const { template } = await teamDefenceTemplate(db, teamId, dispute.reason, language);
  const timeline = buildTimeline({ dispute, ...(context ? { context } : {}), history });
  const defence = buildDefence({
    dispute,
    ...(context ? { context } : {}),
    history,
    checklist,
    timeline,
    template,
    seller: { name: caller.team.name },
    language,
    ...(opts.maxLength ? { maxLength: opts.maxLength } : {}),
    ...(context?.marketplace?.timeZone ? { timeZone: context.marketplace.timeZone } : {}),
  });
  const safeId = row.externalId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60);
  return { defence, filename: `defence-${safeId}`, orderId: row.orderId };
}

export async function defencePdf(db: Database, caller: Caller, id: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const { defence, filename, orderId } = await buildDisputeDefence(db, caller, id);
  const bytes = await renderDefencePdfOffThread(defence, { footer: `${caller.team.name} · order ${orderId}`, author: caller.agent.name });
  return { bytes, filename: `${filename}.pdf` };
}
