import type { DisputeView } from '@/utils/api-routes/disputes';
import type { AdyenDefenceView, StripeEvidenceView, SubmitAnswer } from '@/utils/api-routes/processors';
import type { ContentRequest, DefencePdf, DefenceText } from '@/utils/messaging';
import { ApiError } from '@/utils/schemas/api';
import { routePath } from '@/utils/api-routes';
import { callRoute, type ApiResult } from './api';
import type { Credentials } from './db';

/**
 * The panel's dispute requests, answered by the worker with the token it alone holds. JSON calls go
 * through callApi; the defence documents are fetched as bytes or text, and only their content (never
 * the token or a URL carrying it) goes back to the content script.
 */

type DisputeRequest<K extends `dispute:${string}`> = Extract<ContentRequest, { type: K }>;

const UPLOAD_TIMEOUT_MS = 60_000;
const DOCUMENT_TIMEOUT_MS = 30_000;

export function loadDispute(req: DisputeRequest<'dispute:load'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DisputeView>> {
  return callRoute(creds, 'disputes.fromPage', { body: { context: req.context } }, fetchImpl);
}

export function saveEvidence(req: DisputeRequest<'dispute:evidence'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DisputeView>> {
  const body = req.notApplicable ? { notApplicable: true } : { value: req.value };
  return callRoute(creds, 'disputes.evidence', { params: { id: req.disputeId, key: req.key }, body }, fetchImpl);
}

export function attachEvidence(req: DisputeRequest<'dispute:attach'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DisputeView>> {
  return callRoute(
    creds,
    'disputes.attach',
    {
      params: { id: req.disputeId },
      body: { filename: req.filename, contentType: req.contentType, base64: req.base64, evidenceKey: req.key },
      timeoutMs: UPLOAD_TIMEOUT_MS,
    },
    fetchImpl,
  );
}

/** Won and lost are the outcomes that feed the team's win rate for this reason. */
export function setDisputeStatus(req: DisputeRequest<'dispute:status'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DisputeView>> {
  return callRoute(creds, 'disputes.status', { params: { id: req.disputeId }, body: { status: req.status } }, fetchImpl);
}

/** Stripe's dispute update body prepared for review (the backend never sends it from this route). */
export function stripeEvidence(
  req: DisputeRequest<'dispute:stripeEvidence'>,
  creds: Credentials,
  fetchImpl: typeof fetch,
): Promise<ApiResult<StripeEvidenceView>> {
  return callRoute(creds, 'disputes.stripeEvidence', { params: { id: req.disputeId } }, fetchImpl);
}

/** Adyen's defence documents and reasons prepared for review (the backend never sends them from this route). */
export function adyenDefence(req: DisputeRequest<'dispute:adyenDefence'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<AdyenDefenceView>> {
  return callRoute(creds, 'disputes.adyenDefence', { params: { id: req.disputeId }, timeoutMs: DOCUMENT_TIMEOUT_MS }, fetchImpl);
}

/** Sends the reviewed defence to the processor (the backend holds the team's key; 409 until a lead stores one). */
export function submitDefence(req: DisputeRequest<'dispute:submit'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<SubmitAnswer>> {
  return callRoute(
    creds,
    'disputes.submit',
    { params: { id: req.disputeId }, body: req.body, idempotencyKey: req.body.idempotencyKey, timeoutMs: DOCUMENT_TIMEOUT_MS },
    fetchImpl,
  );
}

/** The PDF's bytes as base64: the content script makes a Blob of it; the token never leaves the worker. */
export async function defencePdf(req: DisputeRequest<'dispute:defencePdf'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DefencePdf>> {
  const res = await fetchDocument(creds, routePath('disputes.defencePdf', { id: req.disputeId }), 'application/pdf', fetchImpl);
  if (!res.ok) return res;
  const bytes = new Uint8Array(await res.data.arrayBuffer());
  return { ok: true, status: res.status, data: { base64: toBase64(bytes), size: bytes.length } };
}

export async function defenceText(req: DisputeRequest<'dispute:defenceText'>, creds: Credentials, fetchImpl: typeof fetch): Promise<ApiResult<DefenceText>> {
  // As JSON: the worker's cross-origin fetch cannot read the text route's own headers (truncated).
  const query = req.maxLength ? { maxLength: String(req.maxLength) } : undefined;
  const res = await callRoute(creds, 'disputes.defence', { params: { id: req.disputeId }, ...(query ? { query } : {}) }, fetchImpl);
  if (!res.ok) return res;
  return { ok: true, status: res.status, data: { text: res.data.text, truncated: res.data.truncated, warnings: res.data.warnings } };
}

/** A non-JSON answer of the expected type, or the backend's error as data. */
async function fetchDocument(creds: Credentials, p: string, expectType: string, fetchImpl: typeof fetch): Promise<ApiResult<Response>> {
  let response: Response;
  try {
    response = await fetchImpl(`${creds.backendUrl}${p}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${creds.token}`, Accept: `${expectType}, application/json` },
      signal: AbortSignal.timeout(DOCUMENT_TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch (err) {
    const message = err instanceof Error && err.name === 'TimeoutError' ? 'The backend did not answer in time.' : 'The backend cannot be reached.';
    return { ok: false, error: { code: 'offline', message } };
  }
  if (!response.ok) {
    const parsed = ApiError.safeParse(await response.json().catch(() => null));
    const error = parsed.success
      ? { code: parsed.data.error.code, message: parsed.data.error.message }
      : { code: response.status >= 500 ? 'offline' : 'http_error', message: `The backend answered ${response.status}.` };
    return { ok: false, status: response.status, error };
  }
  if (!(response.headers.get('content-type') ?? '').startsWith(expectType)) {
    return { ok: false, status: response.status, error: { code: 'bad_response', message: `Expected ${expectType} from the backend.` } };
  }
  return { ok: true, status: response.status, data: response };
}

/** Base64 without Buffer (service workers have none), in chunks so large files do not overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
