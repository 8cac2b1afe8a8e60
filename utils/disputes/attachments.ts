/**
 * Files an agent may attach, by declared type, and how large; the backend checks the bytes too. Plain
 * values (no zod), so the panel script's file picker reads them without the disputes API's schemas
 * (utils/api-routes/disputes.ts builds AttachmentContentType from them).
 */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Base64 of MAX_ATTACHMENT_BYTES, rounded up to whole 4-character groups. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
